/**
 * The HTML print view: one self-contained HTML document (inline CSS, images as data: URLs, no
 * scripts) per export profile, built only from the resolved layout (`layoutDocument`). Used by
 * the app's preview, by Print, and for PDF through Chromium's print-to-PDF.
 *
 * Pure string building: no Node, DOM or Electron imports, so the renderer can use it as is.
 */
import type { Lang, RDocument } from '../../../core/model/schema';
import { listBlocks } from '../../../core/model/walk';
import { layoutDocument, partFootnotes, typesetSpans, type Layout, type LayoutBlock, type LayoutPart, type Span } from '../../../core/render/layout';
import { dateStamp, formatDate } from '../../../core/locale/dates';
import { CELL_PADDING_PT, tableColumnWidths } from '../../../core/render/columns';
import { splitSeriesLetter } from '../../../core/symbols/symbol';
import type { ExportOptions, ExportWarning, ImageAsset } from '../../../core/render/options';
import { pageGeometry, printCss, type CssParams } from './css';
import { escapeHtml, imageDataUrl, imageMatchesMime, svgDataUrl } from './escape';
import { code39Svg, recycleSvg } from './furniture';

export type HtmlResult = { html: string; warnings: ExportWarning[] };

const WORDS: Record<Lang, { watermark: string; recycle: string; letter: string; signed: string }> = {
  fr: { watermark: 'PROJET', recycle: 'Merci de recycler', letter: 'F', signed: '(Signé)' },
  en: { watermark: 'DRAFT', recycle: 'Please recycle', letter: 'E', signed: '(Signed)' },
};

type Ctx = {
  doc: RDocument;
  options: ExportOptions;
  layout: Layout;
  warnings: ExportWarning[];
  /** Signature block id → person ids of its signatories, from the model. */
  signatories: Map<string, string[]>;
  stats: { placeholders: number; brokenXrefs: number; missingSignatures: Set<string> };
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

function spanHtml(span: Span, ctx: Ctx): string {
  if (span.footnote) {
    const n = span.footnote.number;
    return `<sup class="fnref"><a class="fnlink" id="fnref-${n}" href="#fn-${n}">${escapeHtml(span.text)}</a></sup>`;
  }
  let out = text(span.text);
  if (span.superscript) out = `<sup>${out}</sup>`;
  if (span.italic) out = `<i>${out}</i>`;
  if (span.bold) out = `<b>${out}</b>`;
  if (span.placeholder) {
    ctx.stats.placeholders++;
    out = `<span class="ph">${out}</span>`;
  }
  if (span.xref?.broken) {
    ctx.stats.brokenXrefs++;
    out = `<span class="xref-broken">${out}</span>`;
  }
  if (span.missing) out = `<span class="missing-text">${out}</span>`;
  return out;
}

function spansHtml(spans: Span[], ctx: Ctx): string {
  return spans.map((s) => spanHtml(s, ctx)).join('');
}

/** Typography for text the layout leaves plain (letterhead date line, some masthead lines). */
function typeset(s: string, ctx: Ctx): Span[] {
  return typesetSpans(s, ctx.doc, ctx.options.lang);
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

/** Column widths in per cent of the text column, from core/render/columns (as the DOCX export): no word broken. */
function columnPercents(b: Extract<LayoutBlock, { type: 'table' }>, ctx: Ctx): number[] {
  const g = pageGeometry(ctx.options.profile, ctx.options.paper);
  const available = g.width - g.margin.left - g.margin.right - g.bodyLeft - g.bodyRight;
  const widths = tableColumnWidths(b, available, { bodySize: g.size.body, headSize: g.size.tableHead, padding: CELL_PADDING_PT.left + CELL_PADDING_PT.right });
  return widths.map((w) => Math.floor((w / available) * 10000) / 100);
}

function blockHtml(b: LayoutBlock, ctx: Ctx): string {
  switch (b.type) {
    case 'heading': {
      const label = b.label ? labelHtml(b.label) : '';
      const tag = b.level === 'part' || b.level === 'chapter' ? 'h2' : b.level === 'section' ? 'h3' : 'h4';
      return `<${tag} class="${cls(`h h-${b.level}`, b.id, ctx)}" id="${escapeHtml(b.id)}">${label}${spansHtml(b.spans, ctx)}</${tag}>`;
    }
    case 'paragraph': {
      const numbered = b.numbered && b.label;
      const label = numbered ? labelHtml(b.label!) : '';
      return `<p class="${cls(`p ${numbered ? 'p-num' : 'p-plain'}`, b.id, ctx)}" id="${escapeHtml(b.id)}">${label}${spansHtml(b.spans, ctx)}</p>`;
    }
    case 'subparagraph':
      return `<p class="${cls(`sub sub-${b.level}`, b.id, ctx)}" id="${escapeHtml(b.id)}">${labelHtml(b.label)}${spansHtml(b.spans, ctx)}</p>`;
    case 'bullet':
      return `<p class="${cls(`bullet bullet-${b.level}`, b.id, ctx)}" id="${escapeHtml(b.id)}"><span class="lbl">${b.level === 2 ? '–' : '•'}</span>${spansHtml(b.spans, ctx)}</p>`;
    case 'participant':
      return `<p class="${cls('participant', b.id, ctx)}" id="${escapeHtml(b.id)}">${spansHtml(b.spans, ctx)}</p>`;
    case 'generated':
      return `<p class="generated generated-${b.role}" id="${escapeHtml(b.id)}">${spansHtml(b.spans, ctx)}</p>`;
    case 'pageBreak':
      return `<div class="page-break" id="${escapeHtml(b.id)}"></div>`;
    case 'signature':
      return signatureHtml(b, ctx);
    case 'table': {
      const head = b.rows.slice(0, b.headerRows);
      const body = b.rows.slice(b.headerRows);
      const row = (r: (typeof b.rows)[number], cell: 'th' | 'td') =>
        `<tr>${r.cells.map((c) => `<${cell}>${c.blocks.map((x) => blockHtml(x, ctx)).join('')}</${cell}>`).join('')}</tr>`;
      const thead = head.length > 0 ? `<thead>${head.map((r) => row(r, 'th')).join('')}</thead>` : '';
      const cols = columnPercents(b, ctx).map((w) => `<col style="width: ${w}%">`).join('');
      return `<table class="t" id="${escapeHtml(b.id)}"><colgroup>${cols}</colgroup>${thead}<tbody>${body.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
    case 'quote':
      return `<div class="quote" id="${escapeHtml(b.id)}">${b.blocks.map((x) => blockHtml(x, ctx)).join('')}</div>`;
    case 'participants':
      return `<div class="participants" id="${escapeHtml(b.id)}">${b.blocks.map((x) => blockHtml(x, ctx)).join('')}</div>`;
  }
}

/**
 * Signature block, right-aligned, lines in the layout's order (French: title then « (Signé) Nom »;
 * English: "(Signed) Name" then titles). On the mission letterhead the letter is the original the
 * chair signs: no "(Signed)" marker; the scanned signature goes above the name, and only in the
 * export of a finalised revision (else room is left for a hand signature).
 */
function signatureHtml(b: Extract<LayoutBlock, { type: 'signature' }>, ctx: Ctx): string {
  const letterhead = ctx.options.profile === 'letterhead';
  const signed = WORDS[ctx.options.lang].signed;
  const people = ctx.signatories.get(b.id) ?? [];
  const blocks = b.signatories.map((s, i) => {
    const lines = s.lines.map((line) => {
      const isNameLine = line[0]?.italic === true && line[0].text === signed;
      if (!letterhead || !isNameLine) return `<div>${spansHtml(line, ctx)}</div>`;
      const name = line.slice(1).map((sp, j) => (j === 0 ? { ...sp, text: sp.text.replace(/^\s+/, '') } : sp));
      const person = people[i];
      const asset = person ? ctx.options.signatures?.[person] : undefined;
      let above = '<div class="signing-space"></div>';
      if (ctx.options.finalised) {
        if (asset) above = image(asset, 'signature-image', `${spansText(name)}`, ctx, 'Signature image') || above;
        else ctx.stats.missingSignatures.add(spansText(name));
      }
      return `${above}<div class="signatory-name">${spansHtml(name, ctx)}</div>`;
    });
    return `<div class="signatory">${lines.join('')}</div>`;
  });
  return `<div class="signature" id="${escapeHtml(b.id)}">${blocks.join('')}</div>`;
}

function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}

// ---------------------------------------------------------------------------------------------
// Parts and footnotes

function footnotesHtml(notes: Layout['footnotes'], ctx: Ctx): string {
  if (notes.length === 0) return '';
  const items = notes.map(
    (n) => `<p class="fn" id="fn-${n.number}"><span class="fn-n"><sup>${n.number}</sup></span>${spansHtml(n.content, ctx)}</p>`,
  );
  return `<div class="footnotes"><hr>${items.join('')}</div>`;
}

function partHtml(part: LayoutPart, ctx: Ctx): string {
  const out: string[] = [];
  if (part.heading) out.push(`<h2 class="part-heading">${spansHtml(typeset(part.heading, ctx), ctx)}</h2>`);
  if (part.originalMarker) out.push(`<p class="original-marker">${text(part.originalMarker)}</p>`);
  // A letter on the mission's own letterhead is the original as sent: the title "Letter dated …
  // from … addressed to …" is what the Secretariat gives it when it issues it.
  const omitTitle = ctx.options.profile === 'letterhead' && part.kind === 'letter' && part.titleGenerated;
  if ((part.title.length > 0 || ctx.layout.missing.has(part.id)) && !omitTitle) out.push(`<h1 class="${cls('doc-title', part.id, ctx)}">${spansHtml(part.title, ctx)}</h1>`);
  for (const b of part.blocks) out.push(blockHtml(b, ctx));
  out.push(footnotesHtml(partFootnotes(part), ctx));
  const classes = `part part-${part.kind}${part.newPage ? ' new-page' : ''}`;
  return `<section class="${classes}" id="${escapeHtml(part.id)}">${out.join('')}</section>`;
}

/** Class list, with "untranslated" (hatched in the on-screen preview) for a block still to translate. */
function cls(names: string, id: string, ctx: Ctx): string {
  return ctx.layout.missing.has(id) ? `${names} untranslated` : names;
}

// ---------------------------------------------------------------------------------------------
// Page-1 furniture

/** "S/2017/138" with its series letter at 20 pt. */
function symbolHtml(symbol: string): string {
  const { letter, rest } = splitSeriesLetter(symbol);
  return letter ? `<span class="mh-series">${escapeHtml(letter)}</span>${escapeHtml(rest)}` : escapeHtml(rest);
}

function mastheadHtml(ctx: Ctx): string {
  const m = ctx.layout.masthead;
  // The layout typesets organs and "Original"; the other lines get the same typography here
  // (curly apostrophes, French spaces, « 1er » in superscript). Applying it twice changes nothing.
  const line = (s: string) => spansHtml(typeset(s, ctx), ctx);
  const symbols = m.symbols.map(symbolHtml).join('–');
  const emblem = image(ctx.options.mastheadImage, 'mh-image', '', ctx, 'Masthead image');
  const distr = [m.distribution, m.date, m.versionLanguage, m.original].map((l) => `<div>${line(l)}</div>`).join('');
  const sessions =
    m.sessionColumns.length > 0
      ? `<div class="mh-sessions">${m.sessionColumns
          .map(
            (c) =>
              `<div><div class="mh-session-organ">${line(c.organ)}</div>${c.lines.map((l) => `<div>${line(l)}</div>`).join('')}${c.itemTitles
                .map((t) => `<div class="mh-item-title">${line(t)}</div>`)
                .join('')}</div>`,
          )
          .join('')}</div>`
      : '';
  return `<header class="masthead">
<div class="mh-row1"><div class="mh-un">${text(m.unitedNations)}</div><div class="mh-symbol">${symbols}</div></div>
<div class="mh-row2"><div class="mh-emblem">${emblem}</div><div class="mh-organs">${m.organs.map((o) => `<div>${line(o)}</div>`).join('')}</div><div class="mh-distr">${distr}</div></div>
${sessions}</header>`;
}

function letterheadHtml(ctx: Ctx): string {
  const lh = ctx.options.letterhead;
  if (!lh || (lh.lines.length === 0 && !lh.logo)) ctx.warnings.push({ code: 'letterhead-missing', message: 'Letterhead profile without a letterhead (logo and address lines): set them in the settings.' });
  const logo = image(lh?.logo, 'lh-logo', '', ctx, 'Letterhead logo');
  const lines = (lh?.lines ?? []).map((l) => `<div>${text(l)}</div>`).join('');
  const linesHtml = lines ? `<div class="lh-lines">${lines}</div>` : '';
  const letterDate = ctx.doc.meta.letterDate ?? ctx.doc.meta.issueDate;
  let dateLine = '';
  if (letterDate) {
    const date = formatDate(letterDate, ctx.options.lang);
    const place = lh?.place?.trim();
    dateLine = place ? (ctx.options.lang === 'fr' ? `${place}, le ${date}` : `${place}, ${date}`) : date;
  }
  const ref = lh?.reference ? `<div class="lh-ref">${text(lh.reference)}</div>` : '';
  const date = dateLine ? `<div class="lh-date">${spansHtml(typeset(dateLine, ctx), ctx)}</div>` : '';
  return `<header class="letterhead">${logo}${linesHtml}<div class="lh-refdate">${ref}${date}</div></header>`;
}

function cssParams(ctx: Ctx): CssParams {
  const { options, doc } = ctx;
  const p: CssParams = { paper: options.paper, profile: options.profile, headerLines: [] };
  if (options.profile !== 'issued') return p;
  p.headerLines = [...doc.meta.symbols];
  const job = doc.meta.jobNumber;
  if (job) {
    const stamp = doc.meta.issueDate ? `    ${dateStamp(doc.meta.issueDate)}` : '';
    p.firstFooter = {
      stamp: `${job} (${WORDS[options.lang].letter})${stamp}`,
      barcodeUrl: svgDataUrl(code39Svg(job.replace(/\D/g, ''))),
      recycle: WORDS[options.lang].recycle,
      recycleUrl: svgDataUrl(recycleSvg(14)),
    };
    p.jobNumber = job;
  }
  return p;
}

// ---------------------------------------------------------------------------------------------

export function renderHtml(doc: RDocument, options: ExportOptions): HtmlResult {
  const layout = layoutDocument(doc, options.lang);
  const signatories = new Map<string, string[]>();
  for (const { block } of listBlocks(doc)) if (block.kind === 'signature') signatories.set(block.id, block.signatories);
  const ctx: Ctx = {
    doc,
    options,
    layout,
    warnings: [],
    signatories,
    stats: { placeholders: 0, brokenXrefs: 0, missingSignatures: new Set() },
  };

  const front = options.profile === 'issued' ? mastheadHtml(ctx) : options.profile === 'letterhead' ? letterheadHtml(ctx) : '';
  const parts = layout.parts.map((p) => partHtml(p, ctx)).join('\n');
  const watermark = options.watermark && !options.finalised ? `<div class="watermark" aria-hidden="true">${WORDS[options.lang].watermark}</div>` : '';
  const css = printCss(cssParams(ctx));

  const { stats, warnings } = ctx;
  const langName = options.lang === 'fr' ? 'French' : 'English';
  const missing = layout.missing.size;
  if (missing > 0) warnings.push({ code: 'missing-text', message: `${missing} part title(s) or block(s) have no ${langName} text yet.` });
  if (stats.placeholders > 0) warnings.push({ code: 'placeholders', message: `${stats.placeholders} template placeholder(s) are still in the text.` });
  if (stats.brokenXrefs > 0) warnings.push({ code: 'broken-xref', message: `${stats.brokenXrefs} cross-reference(s) point to nothing.` });
  for (const name of stats.missingSignatures)
    warnings.push({ code: 'signature-image-missing', message: `No signature image for ${name}: set one in the settings.` });
  if (options.profile === 'letterhead' && !options.finalised && options.signatures && Object.keys(options.signatures).length > 0)
    warnings.push({ code: 'signature-not-placed', message: 'Signature images are placed only in exports of a finalised revision.' });
  if (layout.footnotes.length > 0)
    warnings.push({ code: 'footnotes-at-part-end', message: 'Footnotes are printed at the end of each part, not at the foot of the page.' });

  const title = doc.meta.symbols.length > 0 ? doc.meta.symbols.join('–') : spansText(layout.parts[0]?.title ?? []) || 'Rapporteur';
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
