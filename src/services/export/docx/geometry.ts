/**
 * Page geometry and type sizes per export profile, in twips (1/20 pt) and half-points, the units
 * WordprocessingML uses. Every other DOCX module reads its measurements from here, so the spec's
 * numbers (../../../../docs/export.md maps them) live in one place.
 *
 * Issued layout, New York (un-format.md "Page"): US Letter 612×792 pt; page furniture from
 * x = 60 pt; body text column from x = 123 to x = 490 pt, i.e. indented 63 pt inside the
 * furniture margin on the left and 62 pt on the right. Geneva documents are A4 with 2 cm side
 * margins; the body column keeps the same inner indents.
 */
import type { ExportProfile, Paper } from '../../../core/render/options';

/** Points → twips. */
export const pt = (points: number): number => Math.round(points * 20);
/** Points → half-points (run sizes). */
export const hp = (points: number): number => Math.round(points * 2);

export type Geometry = {
  profile: ExportProfile;
  paper: Paper;
  page: { width: number; height: number };
  margin: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** Width between the page margins (the furniture width). */
  frameWidth: number;
  /** Body text column: indents from the page margins. */
  bodyLeft: number;
  bodyRight: number;
  /** One tab: a numbered paragraph's text starts this far after its number (+24 pt). */
  tab: number;
  /** How far heading numbers hang left of the text column. */
  headingHang: number;
  /** Where heading text starts: the body indent, or far enough in for the number to hang in the margin's stead. */
  headingLeft: number;
  size: {
    body: number;
    bodyLine: number;
    after: number;
    footnote: number;
    footnoteLine: number;
    title: number;
    titleLine: number;
    subtitle: number;
    partHeading: number;
    chapter: number;
    section: number;
    subsection: number;
    tableHead: number;
    furniture: number;
  };
  /** Line rule for body text: issued documents use exact lines; the manuscript is double-spaced. */
  lineRule: 'exact' | 'auto';
};

const PAPER: Record<Paper, { width: number; height: number }> = {
  letter: { width: pt(612), height: pt(792) },
  a4: { width: 11906, height: 16838 },
};

export function geometry(profile: ExportProfile, paper: Paper): Geometry {
  const page = PAPER[paper];
  if (profile === 'manuscript') {
    // Editorial Manual, instructions for manuscripts: Times New Roman, no smaller than 12 pt,
    // double-spaced text and footnotes, bold headings; no masthead furniture.
    const side = pt(72);
    return {
      profile,
      paper,
      page,
      margin: { top: pt(72), bottom: pt(72), left: side, right: side, header: pt(36), footer: pt(36) },
      frameWidth: page.width - 2 * side,
      bodyLeft: 0,
      bodyRight: 0,
      tab: pt(36),
      headingHang: pt(36),
      headingLeft: pt(36),
      size: {
        body: hp(12),
        bodyLine: 480,
        after: 0,
        footnote: hp(12),
        footnoteLine: 480,
        title: hp(14),
        titleLine: 480,
        subtitle: hp(12),
        partHeading: hp(14),
        chapter: hp(12),
        section: hp(12),
        subsection: hp(12),
        tableHead: hp(12),
        furniture: hp(10),
      },
      lineRule: 'auto',
    };
  }
  // Issued and letterhead: the New York geometry (Geneva: 2 cm side margins on A4).
  const side = paper === 'a4' ? 1134 : pt(60);
  return {
    profile,
    paper,
    page,
    margin: { top: pt(72), bottom: pt(72), left: side, right: side, header: pt(36), footer: pt(30) },
    frameWidth: page.width - 2 * side,
    bodyLeft: pt(63),
    bodyRight: pt(62),
    tab: pt(24),
    headingHang: pt(32),
    headingLeft: pt(63),
    size: {
      body: hp(10),
      bodyLine: pt(12),
      after: pt(6),
      footnote: hp(9),
      footnoteLine: pt(10),
      title: hp(14),
      titleLine: pt(16),
      subtitle: hp(12),
      partHeading: hp(20),
      chapter: hp(14),
      section: hp(12),
      subsection: hp(10),
      tableHead: hp(8),
      furniture: hp(9),
    },
    lineRule: 'exact',
  };
}
