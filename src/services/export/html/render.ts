/**
 * The HTML print view: one self-contained HTML document (inline CSS, images as data: URLs, no
 * scripts) per export profile, built only from the resolved layout (`layoutDocument`). Used by
 * the app's preview, by Print, and for PDF through Chromium's print-to-PDF.
 *
 * Pure string building: no Node, DOM or Electron imports, so the renderer can use it as is.
 */
import type { RDocument } from '../../../core/model/schema';
import type { LayoutMasthead } from '../../../core/render/furniture';
import { columnWidth } from '../../../core/render/geometry';
import { layoutDocument, type Layout, type LayoutBlock, type LayoutPart } from '../../../core/render/layout';
import { imageMatchesMime, type ExportOptions, type ExportWarning, type ImageAsset } from '../../../core/render/options';
import { spansText, type Span } from '../../../core/render/spans';
import { partFootnotes, signatureLineSpans } from '../../../core/render/traverse';
import { printCss, type CssParams } from './css';
import { escapeHtml, imageDataUrl, svgDataUrl } from './escape';
import { code39Svg, recycleSvg } from './furniture';

export type HtmlResult = { html: string; warnings: ExportWarning[] };

type Ctx = {
  options: ExportOptions;
  layout: Layout;
  /** What the print view could not show as the layout says (an image that is not one). */
  warnings: ExportWarning[];
};

// ---------------------------------------------------------------------------------------------
// Inline text

function text(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}

/**
 * A label in its tab box (CSS: at least 24 pt wide, the text starts at the next tab). A label too
 * long for the box ("(viii)") keeps a space before the text.
 */
function labelHtml(label: string): string {
  return `<span class="lbl">${escapeHtml(label)}${label.length >= 5 ? '\u00a0' : ''}</span>`;
}

function spanHtml(span: Span): string {
  if (span.footnote) {
    const n = span.footnote.number;
    return `<sup class="fnref"><a class="fnlink" id="fnref-${n}" href="#fn-${n}">${escapeHtml(span.text)}</a></sup>`;
  }
  let out = text(span.text);
  if (span.superscript) out = `<sup>${out}</sup>`;
  if (span.italic) out = `<i>${out}</i>`;
  if (span.bold) out = `<b>${out}</b>`;
  if (span.placeholder) out = `<span class="ph">${out}</span>`;
  if (span.xref?.broken) out = `<span class="xref-broken">${out}</span>`;
  if (span.missing) out = `<span class="missing-text">${out}</span>`;
  return out;
}

function spansHtml(spans: Span[]): string {
  return spans.map(spanHtml).join('');
}

function image(asset: ImageAsset | undefined, cls: string, alt: string, ctx: Ctx, what: string): string {
  if (!asset) return '';
  if (!imageMatchesMime(asset)) {
    ctx.warnings.push({ code: 'image-invalid', message: `${what}: the file is not a valid ${asset.mime} image; it was left out.` });
    return '';
  }
  return `<img class="${cls}" alt="${escapeHtml(alt)}" src="${imageDataUrl(asset)}">`;
}

// ---------------------------------------------------------------------------------------------
// Blocks

/** The layout's column widths in per cent of the text column (rounded down to a hundredth). */
function columnPercents(b: Extract<LayoutBlock, { type: 'table' }>, ctx: Ctx): number[] {
  const available = columnWidth(ctx.layout.page);
  return b.columns.map((w) => Math.floor((w / available) * 10000) / 100);
}

function blockHtml(b: LayoutBlock, ctx: Ctx): string {
  const children = (blocks: LayoutBlock[]) => blocks.map((x) => blockHtml(x, ctx)).join('');
  switch (b.type) {
    case 'heading': {
      const label = b.label ? labelHtml(b.label) : '';
      const tag = b.level === 'part' || b.level === 'chapter' ? 'h2' : b.level === 'section' ? 'h3' : 'h4';
      return `<${tag} class="${cls(`h h-${b.level}`, b.untranslated)}" id="${escapeHtml(b.id)}">${label}${spansHtml(b.spans)}</${tag}>`;
    }
    case 'paragraph': {
      const numbered = b.numbered && b.label;
      const label = numbered ? labelHtml(b.label!) : '';
      return `<p class="${cls(`p ${numbered ? 'p-num' : 'p-plain'}`, b.untranslated)}" id="${escapeHtml(b.id)}">${label}${spansHtml(b.spans)}</p>`;
    }
    case 'subparagraph':
      return `<p class="${cls(`sub sub-${b.level}`, b.untranslated)}" id="${escapeHtml(b.id)}">${labelHtml(b.label)}${spansHtml(b.spans)}</p>`;
    case 'bullet':
      return `<p class="${cls(`bullet bullet-${b.level}`, b.untranslated)}" id="${escapeHtml(b.id)}"><span class="lbl">${b.level === 2 ? '–' : '•'}</span>${spansHtml(b.spans)}</p>`;
    case 'participant':
      return `<p class="${cls('participant', b.untranslated)}" id="${escapeHtml(b.id)}">${spansHtml(b.spans)}</p>`;
    case 'generated':
      return `<p class="generated generated-${b.role}" id="${escapeHtml(b.id)}">${spansHtml(b.spans)}</p>`;
    case 'addressee':
      return `<div class="addressee" id="${escapeHtml(b.id)}">${b.groups.map((g) => `<p>${g.map((line) => spansHtml(line)).join('<br>')}</p>`).join('')}</div>`;
    case 'pageBreak':
      return `<div class="page-break" id="${escapeHtml(b.id)}"></div>`;
    case 'signature':
      return signatureHtml(b, ctx);
    case 'table': {
      const head = b.rows.slice(0, b.headerRows);
      const body = b.rows.slice(b.headerRows);
      const row = (r: (typeof b.rows)[number], cell: 'th' | 'td') => `<tr>${r.cells.map((c) => `<${cell}>${children(c.blocks)}</${cell}>`).join('')}</tr>`;
      const thead = head.length > 0 ? `<thead>${head.map((r) => row(r, 'th')).join('')}</thead>` : '';
      const cols = columnPercents(b, ctx).map((w) => `<col style="width: ${w}%">`).join('');
      return `<table class="t" id="${escapeHtml(b.id)}"><colgroup>${cols}</colgroup>${thead}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
    case 'quote':
      return `<div class="quote" id="${escapeHtml(b.id)}">${children(b.blocks)}</div>`;
    case 'participants':
      return `<div class="participants" id="${escapeHtml(b.id)}">${children(b.blocks)}</div>`;
  }
}

/**
 * Signature block, right-aligned, lines in the layout's order (French: title then « (Signé) Nom »;
 * English: "(Signed) Name" then titles). On the mission letterhead the letter is the original the
 * chair signs: no "(Signed)" marker; the scanned signature goes above the name, and only in the
 * export of a finalised revision (else room is left for a hand signature).
 */
function signatureHtml(b: Extract<LayoutBlock, { type: 'signature' }>, ctx: Ctx): string {
  const { options } = ctx;
  const letterhead = options.profile === 'letterhead';
  const blocks = b.signatories.map((s) => {
    const lines = s.lines.map((line) => {
      if (!letterhead || line.kind !== 'name') return `<div>${spansHtml(signatureLineSpans(line))}</div>`;
      const asset = s.person ? options.signatures?.[s.person] : undefined;
      let above = '<div class="signing-space"></div>';
      if (options.finalised && asset) above = image(asset, 'signature-image', spansText(line.name), ctx, 'Signature image') || above;
      return `${above}<div class="signatory-name">${spansHtml(line.name)}</div>`;
    });
    return `<div class="signatory">${lines.join('')}</div>`;
  });
  return `<div class="signature" id="${escapeHtml(b.id)}">${blocks.join('')}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Parts and footnotes

function footnotesHtml(notes: Layout['footnotes']): string {
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<p class="fn" id="fn-${n.number}"><span class="fn-n"><sup>${n.number}</sup></span>${spansHtml(n.content)}</p>`);
  return `<div class="footnotes"><hr>${items.join('')}</div>`;
}

function partHtml(part: LayoutPart, ctx: Ctx): string {
  const out: string[] = [];
  if (part.heading) out.push(`<h2 class="part-heading">${spansHtml(part.heading)}</h2>`);
  if (part.originalMarker) out.push(`<p class="original-marker">${spansHtml(part.originalMarker)}</p>`);
  if (part.title.length > 0) out.push(`<h1 class="${cls(part.titleStyle === 'subtitle' ? 'doc-title subtitle' : 'doc-title', part.untranslated)}">${spansHtml(part.title)}</h1>`);
  for (const b of part.blocks) out.push(blockHtml(b, ctx));
  out.push(footnotesHtml(partFootnotes(part)));
  const classes = `part part-${part.kind}${part.newPage ? ' new-page' : ''}`;
  return `<section class="${classes}" id="${escapeHtml(part.id)}">${out.join('')}</section>`;
}

/** Class list, with "untranslated" (hatched on screen) for a block still to translate. */
function cls(names: string, untranslated: boolean): string {
  return untranslated ? `${names} untranslated` : names;
}

// ---------------------------------------------------------------------------------------------
// Page-1 furniture

/** "S/2017/138" with its series letter at 20 pt. */
function symbolHtml({ letter, rest }: LayoutMasthead['symbols'][number]): string {
  return letter ? `<span class="mh-series">${escapeHtml(letter)}</span>${escapeHtml(rest)}` : escapeHtml(rest);
}

function mastheadHtml(ctx: Ctx): string {
  const m = ctx.layout.masthead;
  const symbols = m.symbols.map(symbolHtml).join('–');
  const emblem = image(ctx.options.mastheadImage, 'mh-image', '', ctx, 'Masthead image');
  const distr = [m.distribution, m.date, m.versionLanguage, m.original].map((l) => `<div>${spansHtml(l)}</div>`).join('');
  const sessions =
    m.sessionColumns.length > 0
      ? `<div class="mh-sessions">${m.sessionColumns
          .map(
            (c) =>
              `<div><div class="mh-session-organ">${spansHtml(c.organ)}</div>${c.lines.map((l) => `<div>${spansHtml(l)}</div>`).join('')}${c.itemTitles
                .map((t) => `<div class="mh-item-title">${spansHtml(t)}</div>`)
                .join('')}</div>`,
          )
          .join('')}</div>`
      : '';
  return `<header class="masthead">
<div class="mh-row1"><div class="mh-un">${text(m.unitedNations)}</div><div class="mh-symbol">${symbols}</div></div>
<div class="mh-row2"><div class="mh-emblem">${emblem}</div><div class="mh-organs">${m.organs.map((o) => `<div>${spansHtml(o)}</div>`).join('')}</div><div class="mh-distr">${distr}</div></div>
${sessions}</header>`;
}

function letterheadHtml(ctx: Ctx): string {
  const lh = ctx.layout.letterhead!;
  const logo = image(ctx.options.letterhead?.logo, 'lh-logo', '', ctx, 'Letterhead logo');
  const lines = lh.lines.map((l) => `<div>${text(l)}</div>`).join('');
  const linesHtml = lines ? `<div class="lh-lines">${lines}</div>` : '';
  const ref = lh.reference ? `<div class="lh-ref">${text(lh.reference)}</div>` : '';
  const date = lh.dateLine.length > 0 ? `<div class="lh-date">${spansHtml(lh.dateLine)}</div>` : '';
  return `<header class="letterhead">${logo}${linesHtml}<div class="lh-refdate">${ref}${date}</div></header>`;
}

function cssParams(layout: Layout): CssParams {
  const { job, header } = layout.furniture;
  const p: CssParams = { page: layout.page, headerLines: header };
  if (job) {
    // Four spaces: the gap issued documents show between the job number and the date stamp.
    p.firstFooter = {
      stamp: `${job.line}${job.dateStamp ? `    ${job.dateStamp}` : ''}`,
      barcodeUrl: svgDataUrl(code39Svg(job.barcode)),
      recycle: job.recycle,
      recycleUrl: svgDataUrl(recycleSvg(14)),
    };
    p.jobNumber = job.number;
  }
  return p;
}

// ---------------------------------------------------------------------------------------------

export function renderHtml(doc: RDocument, options: ExportOptions): HtmlResult {
  const layout = layoutDocument(doc, options.lang, options);
  const ctx: Ctx = { options, layout, warnings: [] };

  const front = options.profile === 'issued' ? mastheadHtml(ctx) : layout.letterhead ? letterheadHtml(ctx) : '';
  const parts = layout.parts.map((p) => partHtml(p, ctx)).join('\n');
  const mark = layout.furniture.watermark;
  const watermark = mark !== undefined ? `<div class="watermark" aria-hidden="true">${mark}</div>` : '';
  const css = printCss(cssParams(layout));

  const warnings = [...layout.warnings, ...ctx.warnings];
  if (layout.footnotes.length > 0)
    warnings.push({ code: 'footnotes-at-part-end', message: 'Footnotes are printed at the end of each part, not at the foot of the page.' });

  // An HTML document needs a title: the layout's, else the app's name.
  const title = layout.title || 'Rapporteur';
  const html = `<!DOCTYPE html>
<html lang="${options.lang}" class="profile-${options.profile} paper-${options.paper}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Rapporteur">
<title>${escapeHtml(title)}</title>
<style>
${css}</style>
</head>
<body>
${watermark}${front}
<main class="u-main">
${parts}
</main>
</body>
</html>
`;
  return { html, warnings };
}
