/**
 * The print stylesheet of the HTML print view: CSS paged media for Chromium (the app's Print and
 * print-to-PDF, and the CLI's PDF through the system Chromium).
 *
 * Page furniture uses @page margin boxes (`@top-left`, `@bottom-right`…) with `:first`, `:left`
 * and `:right` page selectors and `counter(page)` / `counter(pages)`; Chromium supports them
 * since version 131 (Electron 34), so the same HTML paginates the same way in the app's
 * print-to-PDF, in its Print dialog and in the CLI. Margin-box text can only be a literal string,
 * so the running header (the symbol) is written into the stylesheet per document.
 *
 * The measurements are the DOCX export's (docx/geometry.ts, docx/styles.ts), so both outputs
 * follow one reading of un-format.md: New York issued layout with furniture 60 pt from the page
 * edges, body column from x = 123 to x = 490 pt, body 10 pt on exact 12 pt lines, 6 pt after;
 * the manuscript profile is the Editorial Manual's submission format (12 pt, double-spaced,
 * 1-inch margins, no furniture).
 */
import type { ExportProfile, Paper } from '../../../core/render/options';
import { cssString } from './escape';
import { CELL_PADDING_PT } from '../../../core/render/columns';

export type PageGeometry = {
  width: number;
  height: number;
  /** Page margins (the furniture frame). */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Body text column inside the frame. */
  bodyLeft: number;
  bodyRight: number;
  /** One tab: a numbered paragraph's text starts this far after its number. */
  tab: number;
  /** How far heading numbers hang left of the text column. */
  headingHang: number;
  /** Line height: points, or a multiple of the font size (double spacing). */
  line: (exactPt: number) => string;
  size: {
    body: number;
    after: number;
    footnote: number;
    footnoteLine: number;
    title: number;
    partHeading: number;
    chapter: number;
    section: number;
    subsection: number;
    tableHead: number;
    furniture: number;
  };
};

const PAPER: Record<Paper, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.3, height: 841.9 },
};

export function pageGeometry(profile: ExportProfile, paper: Paper): PageGeometry {
  const { width, height } = PAPER[paper];
  if (profile === 'manuscript') {
    return {
      width,
      height,
      margin: { top: 72, bottom: 72, left: 72, right: 72 },
      bodyLeft: 0,
      bodyRight: 0,
      tab: 36,
      headingHang: 36,
      line: () => '2',
      size: { body: 12, after: 0, footnote: 12, footnoteLine: 24, title: 14, partHeading: 14, chapter: 12, section: 12, subsection: 12, tableHead: 12, furniture: 10 },
    };
  }
  // Issued and letterhead: the New York geometry (Geneva: A4 with 2 cm side margins).
  const side = paper === 'a4' ? 56.7 : 60;
  return {
    width,
    height,
    margin: { top: 72, bottom: 72, left: side, right: side },
    bodyLeft: 63,
    bodyRight: 62,
    tab: 24,
    headingHang: 32,
    line: (exactPt) => `${exactPt}pt`,
    size: { body: 10, after: 6, footnote: 9, footnoteLine: 10, title: 14, partHeading: 20, chapter: 14, section: 12, subsection: 10, tableHead: 8, furniture: 9 },
  };
}

export type CssParams = {
  paper: Paper;
  profile: ExportProfile;
  /** Running header of later pages (issued): the symbol(s), stacked. Empty: no header. */
  headerLines: string[];
  /** Page 1 footer of the issued layout, when a job number is set. */
  firstFooter?: { stamp: string; barcodeUrl?: string; recycle: string; recycleUrl: string };
  /** Job number at the inner edge of later pages' footers (issued). */
  jobNumber?: string;
};

const FONT = '"Times New Roman", "Liberation Serif", Tinos, Times, serif';

/** Top margin of page 1 in the issued and letterhead layouts: the masthead starts near the top. */
const FIRST_TOP = 36;

function pageRules(p: CssParams, g: PageGeometry): string {
  const size = p.paper === 'a4' ? 'A4' : 'letter';
  const m = g.margin;
  const furniture = `font-family: ${FONT}; font-size: ${g.size.furniture}pt; line-height: ${g.size.furniture + 2}pt;`;
  const none = '{ content: none; }';
  const rules: string[] = [`@page { size: ${size}; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }`];
  if (p.profile === 'issued') {
    const header = p.headerLines.length > 0 ? cssString(p.headerLines.join('\n')) : undefined;
    // The header's rule sits 12 pt above the text; the footer's first line 24 pt below it.
    const headerBox = (align: 'left' | 'right') =>
      header
        ? `{ content: ${header}; white-space: pre; ${furniture} font-weight: bold; text-align: ${align}; vertical-align: bottom; border-bottom: 0.5pt solid #000; padding-bottom: 2pt; margin-bottom: 12pt; }`
        : none;
    const pageNumber = (align: 'left' | 'right') =>
      `{ content: counter(page) "/" counter(pages); ${furniture} font-weight: bold; text-align: ${align}; vertical-align: top; padding-top: 24pt; }`;
    const job = (align: 'left' | 'right') =>
      p.jobNumber ? `{ content: ${cssString(p.jobNumber)}; ${furniture} font-weight: normal; text-align: ${align}; vertical-align: top; padding-top: 24pt; }` : none;
    rules.push(
      // Even pages: furniture at the left (outer) edge; odd pages: at the right.
      `@page :left { @top-left ${headerBox('left')} @top-right ${none} @bottom-left ${pageNumber('left')} @bottom-right ${job('right')} }`,
      `@page :right { @top-right ${headerBox('right')} @top-left ${none} @bottom-right ${pageNumber('right')} @bottom-left ${job('left')} }`,
    );
    const f = p.firstFooter;
    // Margin boxes of every matching @page rule cascade together: page 1 is also a right page,
    // so each property the :right boxes set is reset here.
    const first = f
      ? `@bottom-left { content: ${cssString(`${f.stamp}\n`)}${f.barcodeUrl ? ` url("${f.barcodeUrl}")` : ''}; white-space: pre; ${furniture} font-weight: normal; text-align: left; vertical-align: top; padding-top: 24pt; }
  @bottom-right { content: ${cssString(`${f.recycle} `)} url("${f.recycleUrl}"); ${furniture} font-weight: normal; text-align: right; vertical-align: top; padding-top: 24pt; }`
      : `@bottom-left ${none} @bottom-right ${none}`;
    // Page 1: no running header and no page number.
    rules.push(`@page :first { margin-top: ${FIRST_TOP}pt; @top-left ${none} @top-right ${none} ${first} }`);
  } else {
    // Manuscript and letterhead: a plain page number, centred, from page 2 (the letterhead is
    // in the flow of page 1).
    rules[0] = `@page { size: ${size}; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; @bottom-center { content: counter(page); ${furniture} vertical-align: top; padding-top: 24pt; } }`;
    rules.push(`@page :first { ${p.profile === 'letterhead' ? `margin-top: ${FIRST_TOP}pt; ` : ''}@bottom-center { content: none; } }`);
  }
  return rules.join('\n');
}

/** The whole stylesheet for one document. */
export function printCss(p: CssParams): string {
  const g = pageGeometry(p.profile, p.paper);
  const s = g.size;
  const frame = g.width - g.margin.left - g.margin.right;
  const column = `margin-left: ${g.bodyLeft}pt; margin-right: ${g.bodyRight}pt;`;
  const line = g.line;
  return `${pageRules(p, g)}
:root { color: #000; }
html, body { margin: 0; padding: 0; }
body { font-family: ${FONT}; font-size: ${s.body}pt; line-height: ${line(12)}; font-kerning: normal; }
* { box-sizing: border-box; }
p { margin: 0 0 ${s.after}pt; }
sup { font-size: 0.65em; line-height: 0; vertical-align: 0.35em; }
.u-main { ${column} }

/* Issued masthead (page 1), across the furniture frame; the thick rule ≈200 pt from the top */
.masthead { margin: 0 0 18pt; line-height: 12pt; }
.mh-row1 { display: flex; align-items: baseline; justify-content: space-between; border-bottom: 0.5pt solid #000; padding: 0 0 2pt ${g.bodyLeft}pt; min-height: 26pt; }
.mh-un { font-size: 14pt; line-height: 16pt; }
.mh-symbol { font-size: 10pt; text-align: right; white-space: nowrap; }
.mh-series { font-size: 20pt; line-height: 20pt; }
.mh-row2 { display: flex; align-items: flex-start; min-height: ${200 - FIRST_TOP - 30}pt; border-bottom: 1.5pt solid #000; padding: 8pt 0 6pt; }
.mh-emblem { width: ${g.bodyLeft}pt; flex: none; }
.mh-emblem img { display: block; max-width: ${g.bodyLeft - 9}pt; max-height: 60pt; }
.mh-organs { flex: 1; font-size: 20pt; line-height: 24pt; font-weight: bold; padding-top: 4pt; }
.mh-distr { flex: none; width: ${Math.round(frame * 0.35)}pt; font-size: 10pt; line-height: 12pt; padding-top: 8pt; }
.mh-distr div { min-height: 12pt; }
.mh-sessions { display: flex; gap: 24pt; padding: 6pt 0 0 ${g.bodyLeft}pt; font-size: 10pt; line-height: 12pt; }
.mh-sessions > div { flex: 1; }
.mh-sessions .mh-item-title { font-weight: bold; }

/* Mission letterhead (page 1) */
.letterhead { text-align: center; margin: 0 0 30pt; line-height: 12pt; }
.letterhead img { display: block; margin: 0 auto 6pt; max-height: 60pt; max-width: 200pt; }
.lh-lines { font-size: 9pt; line-height: 11pt; border-bottom: 0.5pt solid #000; padding-bottom: 4pt; }
.lh-lines div:first-child { font-size: 11pt; font-weight: bold; }
.lh-refdate { display: flex; justify-content: space-between; margin: 18pt ${g.bodyRight}pt 0 ${g.bodyLeft}pt; font-size: 10pt; line-height: 12pt; text-align: left; }
.lh-date { text-align: right; margin-left: auto; }

/* Parts: annexes, enclosures and a transmitted text start on a new page */
.part.new-page { break-before: page; }
h1, h2, h3, h4 { margin: 0; font-size: inherit; }
.part-heading { font-size: ${s.title}pt; line-height: ${line(16)}; font-weight: bold; margin: 0 0 12pt; break-after: avoid; }
.original-marker { text-align: right; margin: 0 0 12pt; break-after: avoid; }
.doc-title { font-size: ${s.title}pt; line-height: ${line(16)}; font-weight: bold; margin: 0 0 ${p.profile === 'manuscript' ? 12 : 18}pt; break-after: avoid; break-inside: avoid; }

/* Headings: numbers hang left of the text column */
.h { font-weight: bold; break-after: avoid; break-inside: avoid; text-align: left; }
.h .lbl { display: inline-block; min-width: ${g.headingHang}pt; margin-left: -${g.headingHang}pt; white-space: nowrap; text-indent: 0; }
.h-part { font-size: ${s.partHeading}pt; line-height: ${line(22)}; margin: 12pt 0; }
.h-part .lbl { display: block; min-width: 0; margin: 0; }
.h-chapter { font-size: ${s.chapter}pt; line-height: ${line(16)}; margin: 12pt 0; }
.h-section { font-size: ${s.section}pt; line-height: ${line(14)}; margin: 12pt 0 6pt; }
.h-subsection { font-size: ${s.subsection}pt; line-height: ${line(12)}; margin: 6pt 0; }
.h-unnumbered { font-size: ${s.section}pt; line-height: ${line(14)}; margin: 12pt 0 6pt; }

/* Paragraphs: the number at the column, text one tab later, wrapped lines back to the column;
   a subparagraph's label one tab further in per level (a first-line indent, not a hanging one) */
.p, .sub, .generated, .bullet, .fn { text-align: justify; }
.p .lbl, .sub .lbl { display: inline-block; min-width: ${g.tab}pt; white-space: nowrap; text-indent: 0; }
.p-plain, .generated { text-indent: ${g.tab}pt; }
.quote > .p-plain { margin-left: ${g.tab}pt; }
.sub-1 { text-indent: ${g.tab}pt; }
.sub-2 { text-indent: ${2 * g.tab}pt; }
.sub-3 { text-indent: ${3 * g.tab}pt; }
.sub-4 { text-indent: ${4 * g.tab}pt; }
.bullet { padding-left: ${1.5 * g.tab}pt; text-indent: -${g.tab / 2}pt; }
.bullet-2 { padding-left: ${2.5 * g.tab}pt; }
.bullet .lbl { display: inline-block; width: ${g.tab / 2}pt; text-indent: 0; }
.participant { text-align: left; padding-left: ${g.tab}pt; text-indent: -${g.tab}pt; }
.page-break { break-after: page; height: 0; }

/* Signature blocks: right-aligned, in each language's order */
.signature { margin: 24pt 0 6pt; text-align: right; break-inside: avoid; }
.signatory + .signatory { margin-top: 18pt; }
.signatory div { min-height: 1em; }
.signature-image { display: block; margin: 6pt 0 2pt auto; max-height: 48pt; max-width: 150pt; }
.signing-space { height: 36pt; }

/* Tables: a rule above, under the column heads and at the end; column heads small italic; the
   header row repeats on each page */
table.t { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 6pt 0 12pt; border-top: 0.5pt solid #000; border-bottom: 1pt solid #000; }
table.t thead { display: table-header-group; }
table.t tr { break-inside: avoid; }
table.t th, table.t td { vertical-align: top; text-align: left; font-weight: normal; padding: 0 ${CELL_PADDING_PT.right}pt 0 ${CELL_PADDING_PT.left}pt; }
table.t thead tr:last-child th { border-bottom: 0.5pt solid #000; }
table.t th .p, table.t th .h { font-size: ${s.tableHead}pt; line-height: ${line(10)}; font-style: italic; font-weight: normal; margin: 3pt 0; text-indent: 0; text-align: left; }
table.t td .p, table.t td .h, table.t td .participant { margin: 2pt 0; text-indent: 0; text-align: left; padding-left: 0; }

/* Footnotes: at the end of each part, after a short rule (Chromium has no page-foot floats) */
.footnotes { margin: 12pt 0 0; font-size: ${s.footnote}pt; line-height: ${p.profile === 'manuscript' ? '2' : `${s.footnoteLine}pt`}; }
.footnotes hr { width: 108pt; margin: 0 0 4pt; border: 0; border-top: 0.5pt solid #000; }
.fn { margin: 0 0 ${p.profile === 'manuscript' ? 0 : 2}pt; padding-left: 18pt; text-indent: -18pt; }
.fn .fn-n { display: inline-block; width: 18pt; text-indent: 0; }
sup.fnref, .fn-n sup { font-size: 6pt; vertical-align: 4pt; }
a.fnlink { color: inherit; text-decoration: none; }

.xref-broken { text-decoration: underline wavy; }

/* Text this version lacks: the marker stays visible in print too */
.missing-text { font-style: italic; color: #666; }
/* Draft watermark: fixed elements repeat on every printed page in Chromium */
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-45deg); font-size: 110pt; line-height: 1; font-weight: bold; letter-spacing: 8pt; color: #e3e3e3; z-index: -1; white-space: nowrap; pointer-events: none; user-select: none; }

@media screen {
  html { background: #e6e6e6; }
  body { width: ${g.width}pt; min-height: ${g.height}pt; margin: 16px auto; padding: ${p.profile === 'manuscript' ? g.margin.top : FIRST_TOP}pt ${g.margin.right}pt ${g.margin.bottom}pt ${g.margin.left}pt; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); position: relative; z-index: 0; }
  .part.new-page { margin-top: 36pt; padding-top: 36pt; border-top: 1px dashed #999; }
  .ph { background: #fff3c4; }
  .untranslated { min-height: 12pt; background: repeating-linear-gradient(-45deg, #fff, #fff 4px, #f1f1f1 4px, #f1f1f1 8px); }
  .watermark { position: absolute; top: ${g.height / 2}pt; }
}
`;
}
