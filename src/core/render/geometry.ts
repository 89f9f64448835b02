/**
 * Page geometry and type per export profile and paper, in points: the one reading of
 * un-format.md that every renderer translates (the DOCX export into twips and half-points, the
 * print view into CSS, the screen into CSS custom properties).
 *
 * Issued layout, New York (un-format.md "Page"): US Letter 612×792 pt; page furniture from
 * x = 60 pt; body text column from x = 123 to x = 490 pt, i.e. indented 63 pt inside the
 * furniture margin on the left and 62 pt on the right. Geneva documents are A4 with 2 cm side
 * margins; the body column keeps the same inner indents. Type (un-format.md "Type"): body 10 pt
 * on exact 12 pt lines, 6 pt after; title 14 pt; "Part one" 20 pt; chapter 14 pt; "A." 12 pt;
 * "1." 10 pt; footnotes 9 pt; table column heads 8 pt.
 *
 * Manuscript (the Editorial Manual's instructions for manuscripts): Times New Roman no smaller
 * than 12 pt, double-spaced text and footnotes, bold headings, 1-inch margins, no furniture.
 */
import type { ExportProfile, Paper } from './options';

/** The size of a piece of text, its line (exact leading, in the issued layout) and the space around it. */
export type TextStyle = { size: number; line: number; before: number; after: number };

export type PageGeometry = {
  profile: ExportProfile;
  paper: Paper;
  page: { width: number; height: number };
  /** Page margins: the frame the furniture runs across; header and footer distances from the edge. */
  margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Body text column: indents from the page margins. */
  bodyLeft: number;
  bodyRight: number;
  /** One tab: a numbered paragraph's text starts this far after its number. */
  tab: number;
  /** How far heading numbers hang left of the heading text. */
  headingHang: number;
  /** Where heading text starts: the body indent, or far enough in for the number to hang in the margin's stead. */
  headingLeft: number;
  /** Room inside a table cell, left and right of the text. */
  cellPadding: { left: number; right: number };
  /** Exact lines (issued, letterhead) or double spacing (manuscript), for body text, headings and footnotes alike. */
  spacing: 'exact' | 'double';
  font: { family: string; /** For renderers that may lack it (a browser): faces with the same metrics first. */ fallbacks: readonly string[] };
  style: {
    body: TextStyle;
    title: TextStyle;
    subtitle: TextStyle;
    partHeading: TextStyle;
    chapter: TextStyle;
    section: TextStyle;
    subsection: TextStyle;
    unnumberedHeading: TextStyle;
    annexHeading: TextStyle;
    originalMarker: TextStyle;
    signature: TextStyle;
    tableText: TextStyle;
    tableHead: TextStyle;
    footnote: TextStyle;
    /** Running headers and page numbers. */
    furniture: TextStyle;
    /** Page 1's footer (issued): job number, date stamp, "Please recycle". */
    stamp: TextStyle;
  };
  /** Type sizes of the first-page masthead (un-format.md "First-page masthead"). */
  masthead: { unitedNations: number; series: number; symbol: number; organ: number; line: number };
  /** Type sizes of the mission's letterhead: its name, its address lines, the reference and date line. */
  letterhead: { name: number; lines: number; date: number };
};

/** Points. A4 is 210 × 297 mm. */
const PAPER: Record<Paper, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.3, height: 841.9 },
};

const FONT = { family: 'Times New Roman', fallbacks: ['Liberation Serif', 'Tinos', 'Times', 'serif'] } as const;

const s = (size: number, line: number, before: number, after: number): TextStyle => ({ size, line, before, after });

/** "United Nations" 14 pt; the symbol's series letter 20 pt, the rest 10 pt; organs 20 pt bold; the right column 10 pt. */
const MASTHEAD = { unitedNations: 14, series: 20, symbol: 10, organ: 20, line: 10 } as const;
const LETTERHEAD = { name: 11, lines: 9, date: 10 } as const;
const CELL_PADDING = { left: 3, right: 6 } as const;

export function pageGeometry(profile: ExportProfile, paper: Paper): PageGeometry {
  const page = PAPER[paper];
  if (profile === 'manuscript') {
    return {
      profile,
      paper,
      page,
      margin: { top: 72, bottom: 72, left: 72, right: 72, header: 36, footer: 36 },
      bodyLeft: 0,
      bodyRight: 0,
      tab: 36,
      headingHang: 36,
      headingLeft: 36,
      cellPadding: CELL_PADDING,
      spacing: 'double',
      font: FONT,
      // Double-spaced: `line` is the 12 pt line doubled; renderers write double spacing itself.
      style: {
        body: s(12, 24, 0, 0),
        title: s(14, 24, 0, 12),
        subtitle: s(12, 24, 0, 12),
        partHeading: s(14, 24, 12, 12),
        chapter: s(12, 24, 12, 12),
        section: s(12, 24, 12, 6),
        subsection: s(12, 24, 6, 6),
        unnumberedHeading: s(12, 24, 12, 6),
        annexHeading: s(14, 24, 0, 12),
        originalMarker: s(12, 24, 0, 12),
        signature: s(12, 24, 24, 6),
        tableText: s(12, 24, 2, 2),
        tableHead: s(12, 24, 3, 3),
        footnote: s(12, 24, 0, 0),
        furniture: s(10, 12, 0, 0),
        stamp: s(8, 10, 0, 0),
      },
      masthead: MASTHEAD,
      letterhead: LETTERHEAD,
    };
  }
  // Issued and letterhead: the New York geometry (Geneva: 2 cm side margins on A4).
  const side = paper === 'a4' ? 56.7 : 60;
  return {
    profile,
    paper,
    page,
    margin: { top: 72, bottom: 72, left: side, right: side, header: 36, footer: 30 },
    bodyLeft: 63,
    bodyRight: 62,
    tab: 24,
    headingHang: 32,
    headingLeft: 63,
    cellPadding: CELL_PADDING,
    spacing: 'exact',
    font: FONT,
    style: {
      body: s(10, 12, 0, 6),
      title: s(14, 16, 0, 18),
      subtitle: s(12, 14, 0, 12),
      partHeading: s(20, 22, 12, 12),
      chapter: s(14, 16, 12, 12),
      section: s(12, 14, 12, 6),
      subsection: s(10, 12, 6, 6),
      unnumberedHeading: s(12, 14, 12, 6),
      annexHeading: s(14, 16, 0, 12),
      originalMarker: s(10, 12, 0, 12),
      signature: s(10, 12, 24, 6),
      tableText: s(10, 12, 2, 2),
      tableHead: s(8, 10, 3, 3),
      footnote: s(9, 10, 0, 2),
      furniture: s(9, 11, 0, 0),
      stamp: s(8, 10, 0, 0),
    },
    masthead: MASTHEAD,
    letterhead: LETTERHEAD,
  };
}

/** Width between the page margins: what the masthead and the furniture run across. */
export function frameWidth(g: PageGeometry): number {
  return g.page.width - g.margin.left - g.margin.right;
}

/** Width of the body text column: what justified text and tables fill. */
export function columnWidth(g: PageGeometry): number {
  return frameWidth(g) - g.bodyLeft - g.bodyRight;
}
