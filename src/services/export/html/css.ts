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
 * Sizes, leading, spacing and indents are the layout's page geometry (core/render/geometry.ts),
 * the DOCX export's too, so both outputs follow one reading of un-format.md.
 */
import { frameWidth, type PageGeometry, type TextStyle } from '../../../core/render/geometry';
import { cssString } from './escape';

export type CssParams = {
  page: PageGeometry;
  /** Running header of later pages (issued): the symbol(s), stacked. Empty: no header. */
  headerLines: string[];
  /** Page 1 footer of the issued layout, when a job number is set. */
  firstFooter?: { stamp: string; barcodeUrl?: string; recycle: string; recycleUrl: string };
  /** Job number at the inner edge of later pages' footers (issued). */
  jobNumber?: string;
};

/** The font and its fallbacks as a CSS font-family list. */
export function fontFamily(g: PageGeometry): string {
  return [g.font.family, ...g.font.fallbacks].map((f) => (/\s/.test(f) ? `"${f}"` : f)).join(', ');
}

/** A style's line height: its exact leading, or double spacing. */
function lineHeight(g: PageGeometry, style: TextStyle): string {
  return g.spacing === 'exact' ? `${style.line}pt` : '2';
}

/** A style's space before and after as a `margin` value ("12pt 0", "12pt 0 6pt", "0 0 12pt"). */
function margin(style: TextStyle): string {
  if (style.before === style.after && style.before !== 0) return `${style.before}pt 0`;
  return `${style.before === 0 ? '0' : `${style.before}pt`} 0 ${style.after}pt`;
}

/** Top margin of page 1 in the issued and letterhead layouts: the masthead starts near the top. */
const FIRST_TOP = 36;

function pageRules(p: CssParams, g: PageGeometry): string {
  const size = g.paper === 'a4' ? 'A4' : 'letter';
  const m = g.margin;
  const box = (style: TextStyle) => `font-family: ${fontFamily(g)}; font-size: ${style.size}pt; line-height: ${style.line}pt;`;
  const furniture = box(g.style.furniture);
  const stamp = box(g.style.stamp);
  const none = '{ content: none; }';
  const rules: string[] = [`@page { size: ${size}; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; }`];
  if (g.profile === 'issued') {
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
      ? `@bottom-left { content: ${cssString(`${f.stamp}\n`)}${f.barcodeUrl ? ` url("${f.barcodeUrl}")` : ''}; white-space: pre; ${stamp} font-weight: normal; text-align: left; vertical-align: top; padding-top: 24pt; }
  @bottom-right { content: ${cssString(`${f.recycle} `)} url("${f.recycleUrl}"); ${stamp} font-weight: normal; text-align: right; vertical-align: top; padding-top: 24pt; }`
      : `@bottom-left ${none} @bottom-right ${none}`;
    // Page 1: no running header and no page number.
    rules.push(`@page :first { margin-top: ${FIRST_TOP}pt; @top-left ${none} @top-right ${none} ${first} }`);
  } else {
    // Manuscript and letterhead: a plain page number, centred, from page 2 (the letterhead is
    // in the flow of page 1).
    rules[0] = `@page { size: ${size}; margin: ${m.top}pt ${m.right}pt ${m.bottom}pt ${m.left}pt; @bottom-center { content: counter(page); ${furniture} vertical-align: top; padding-top: 24pt; } }`;
    rules.push(`@page :first { ${g.profile === 'letterhead' ? `margin-top: ${FIRST_TOP}pt; ` : ''}@bottom-center { content: none; } }`);
  }
  return rules.join('\n');
}

/** The whole stylesheet for one document. */
export function printCss(p: CssParams): string {
  const g = p.page;
  const st = g.style;
  const mh = g.masthead;
  const lh = g.letterhead;
  const line = (style: TextStyle) => lineHeight(g, style);
  const column = `margin-left: ${g.bodyLeft}pt; margin-right: ${g.bodyRight}pt;`;
  return `${pageRules(p, g)}
:root { color: #000; }
html, body { margin: 0; padding: 0; }
body { font-family: ${fontFamily(g)}; font-size: ${st.body.size}pt; line-height: ${line(st.body)}; font-kerning: normal; }
* { box-sizing: border-box; }
p { margin: ${margin(st.body)}; }
sup { font-size: 0.65em; line-height: 0; vertical-align: 0.35em; }
.u-main { ${column} }

/* Issued masthead (page 1), across the furniture frame; the thick rule ≈200 pt from the top */
.masthead { margin: 0 0 18pt; line-height: 12pt; }
.mh-row1 { display: flex; align-items: baseline; justify-content: space-between; border-bottom: 0.5pt solid #000; padding: 0 0 2pt ${g.bodyLeft}pt; min-height: 26pt; }
.mh-un { font-size: ${mh.unitedNations}pt; line-height: 16pt; }
.mh-symbol { font-size: ${mh.symbol}pt; text-align: right; white-space: nowrap; }
.mh-series { font-size: ${mh.series}pt; line-height: ${mh.series}pt; }
.mh-row2 { display: flex; align-items: flex-start; min-height: ${200 - FIRST_TOP - 30}pt; border-bottom: 1.5pt solid #000; padding: 8pt 0 6pt; }
.mh-emblem { width: ${g.bodyLeft}pt; flex: none; }
.mh-emblem img { display: block; max-width: ${g.bodyLeft - 9}pt; max-height: 60pt; }
.mh-organs { flex: 1; font-size: ${mh.organ}pt; line-height: 24pt; font-weight: bold; padding-top: 4pt; }
.mh-distr { flex: none; width: ${Math.round(frameWidth(g) * 0.35)}pt; font-size: ${mh.line}pt; line-height: 12pt; padding-top: 8pt; }
.mh-distr div { min-height: 12pt; }
.mh-sessions { display: flex; gap: 24pt; padding: 6pt 0 0 ${g.bodyLeft}pt; font-size: ${mh.line}pt; line-height: 12pt; }
.mh-sessions > div { flex: 1; }
.mh-sessions .mh-item-title { font-weight: bold; }

/* Mission letterhead (page 1) */
.letterhead { text-align: center; margin: 0 0 30pt; line-height: 12pt; }
.letterhead img { display: block; margin: 0 auto 6pt; max-height: 60pt; max-width: 200pt; }
.lh-lines { font-size: ${lh.lines}pt; line-height: 11pt; border-bottom: 0.5pt solid #000; padding-bottom: 4pt; }
.lh-lines div:first-child { font-size: ${lh.name}pt; font-weight: bold; }
.lh-refdate { display: flex; justify-content: space-between; margin: 18pt ${g.bodyRight}pt 0 ${g.bodyLeft}pt; font-size: ${lh.date}pt; line-height: 12pt; text-align: left; }
.lh-date { text-align: right; margin-left: auto; }

/* Parts: annexes, enclosures and a transmitted text start on a new page */
.part.new-page { break-before: page; }
h1, h2, h3, h4 { margin: 0; font-size: inherit; }
.part-heading { font-size: ${st.annexHeading.size}pt; line-height: ${line(st.annexHeading)}; font-weight: bold; margin: ${margin(st.annexHeading)}; break-after: avoid; }
.original-marker { text-align: right; margin: ${margin(st.originalMarker)}; break-after: avoid; }
.doc-title { font-size: ${st.title.size}pt; line-height: ${line(st.title)}; font-weight: bold; margin: ${margin(st.title)}; break-after: avoid; break-inside: avoid; }
.doc-title.subtitle { font-size: ${st.subtitle.size}pt; line-height: ${line(st.subtitle)}; margin: ${margin(st.subtitle)}; }

/* Headings: numbers hang left of the text column */
.h { font-weight: bold; break-after: avoid; break-inside: avoid; text-align: left; }
.h .lbl { display: inline-block; min-width: ${g.headingHang}pt; margin-left: -${g.headingHang}pt; white-space: nowrap; text-indent: 0; }
.h-part { font-size: ${st.partHeading.size}pt; line-height: ${line(st.partHeading)}; margin: ${margin(st.partHeading)}; }
.h-part .lbl { display: block; min-width: 0; margin: 0; }
.h-chapter { font-size: ${st.chapter.size}pt; line-height: ${line(st.chapter)}; margin: ${margin(st.chapter)}; }
.h-section { font-size: ${st.section.size}pt; line-height: ${line(st.section)}; margin: ${margin(st.section)}; }
.h-subsection { font-size: ${st.subsection.size}pt; line-height: ${line(st.subsection)}; margin: ${margin(st.subsection)}; }
.h-unnumbered { font-size: ${st.unnumberedHeading.size}pt; line-height: ${line(st.unnumberedHeading)}; margin: ${margin(st.unnumberedHeading)}; }
/* Numbered heading text starts at the heading indent (in the manuscript, one hang in from the margin) */
.h-chapter, .h-section, .h-subsection { padding-left: ${g.headingLeft - g.bodyLeft}pt; }

/* Paragraphs: the number at the column, text one tab later, wrapped lines back to the column;
   a subparagraph's label one tab further in per level (a first-line indent, not a hanging one) */
.p, .sub, .generated, .bullet, .fn { text-align: justify; }
.p .lbl, .sub .lbl { display: inline-block; min-width: ${g.tab}pt; white-space: nowrap; text-indent: 0; }
.p-plain, .generated { text-indent: ${g.tab}pt; }
.generated-salutation { text-indent: 0; }
.addressee p { text-align: left; margin: 24pt 0 0; break-inside: avoid; }
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
.signature { margin: ${margin(st.signature)}; text-align: right; break-inside: avoid; }
.signatory + .signatory { margin-top: 18pt; }
.signatory div { min-height: 1em; }
.signature-image { display: block; margin: 6pt 0 2pt auto; max-height: 48pt; max-width: 150pt; }
.signing-space { height: 36pt; }

/* Tables: a rule above, under the column heads and at the end; column heads small italic; the
   header row repeats on each page */
table.t { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 6pt 0 12pt; border-top: 0.5pt solid #000; border-bottom: 1pt solid #000; }
table.t thead { display: table-header-group; }
table.t tr { break-inside: avoid; }
table.t th, table.t td { vertical-align: top; text-align: left; font-weight: normal; padding: 0 ${g.cellPadding.right}pt 0 ${g.cellPadding.left}pt; }
table.t thead tr:last-child th { border-bottom: 0.5pt solid #000; }
table.t th .p, table.t th .h { font-size: ${st.tableHead.size}pt; line-height: ${line(st.tableHead)}; font-style: italic; font-weight: normal; margin: ${margin(st.tableHead)}; text-indent: 0; text-align: left; }
table.t td .p, table.t td .h, table.t td .participant { margin: ${margin(st.tableText)}; text-indent: 0; text-align: left; padding-left: 0; }

/* Footnotes: at the end of each part, after a short rule (Chromium has no page-foot floats) */
.footnotes { margin: 12pt 0 0; font-size: ${st.footnote.size}pt; line-height: ${line(st.footnote)}; }
.footnotes hr { width: 108pt; margin: 0 0 4pt; border: 0; border-top: 0.5pt solid #000; }
.fn { margin: ${margin(st.footnote)}; padding-left: 18pt; text-indent: -18pt; }
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
  body { width: ${g.page.width}pt; min-height: ${g.page.height}pt; margin: 16px auto; padding: ${g.profile === 'manuscript' ? g.margin.top : FIRST_TOP}pt ${g.margin.right}pt ${g.margin.bottom}pt ${g.margin.left}pt; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); position: relative; z-index: 0; }
  .part.new-page { margin-top: 36pt; padding-top: 36pt; border-top: 1px dashed #999; }
  .ph { background: #fff3c4; }
  .untranslated { min-height: 12pt; background: repeating-linear-gradient(-45deg, #fff, #fff 4px, #f1f1f1 4px, #f1f1f1 8px); }
  .watermark { position: absolute; top: ${g.page.height / 2}pt; }
}
`;
}
