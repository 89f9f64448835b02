/**
 * HTML from other programs (Word, LibreOffice, web pages) → the source paragraphs the core
 * recogniser reads (core/import/source.ts), which then decides what each paragraph is, exactly
 * as it does for an imported DOCX or text. Kept: the words, paragraph and line breaks, bold,
 * italic and superscript, headings (h1–h6), list numbers (typed, as Word writes them in
 * `mso-list:Ignore` spans, or implied by `<ol>` / `<li>`, as LibreOffice and web pages write
 * them) and tables. Everything else (styles, classes, fonts, colours, images, Word's `<o:p>`,
 * comments, footnote anchors) is dropped.
 */
import type { Mark } from '../../../core/model/schema';
import type { NumberFormat, SourceBlock, SourceParagraph, SourceRun, SourceTable } from '../../../core/import/source';
import { toLetter, toRoman } from '../../../core/numbering/numerals';

const SKIP = new Set(['HEAD', 'STYLE', 'SCRIPT', 'TITLE', 'META', 'LINK', 'XML', 'TEMPLATE', 'NOSCRIPT', 'SVG', 'IMG', 'OBJECT', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'DT', 'DD', 'FIGCAPTION', 'ADDRESS', 'CENTER']);
const LISTS = new Set(['OL', 'UL']);

type Ctx = {
  out: SourceBlock[];
  current: SourceParagraph | undefined;
  lists: { el: HTMLElement; index: number }[];
  /** The number of the list item being read, for the first paragraph it holds. */
  pending: SourceParagraph['numbering'] | undefined;
};

function marksFrom(el: Element, inherited: Mark[]): Mark[] {
  const marks = new Set(inherited);
  const tag = el.nodeName;
  const style = (el as HTMLElement).style;
  if (tag === 'B' || tag === 'STRONG') marks.add('bold');
  if (tag === 'I' || tag === 'EM') marks.add('italic');
  if (tag === 'SUP') marks.add('superscript');
  if (style) {
    const weight = style.fontWeight;
    if (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) marks.add('bold');
    if (weight === 'normal' || (Number(weight) > 0 && Number(weight) < 600)) marks.delete('bold');
    if (style.fontStyle === 'italic' || style.fontStyle === 'oblique') marks.add('italic');
    if (style.fontStyle === 'normal') marks.delete('italic');
    if (style.verticalAlign === 'super') marks.add('superscript');
  }
  return (['bold', 'italic', 'superscript'] as const).filter((m) => marks.has(m));
}

function isWordFootnoteAnchor(el: Element): boolean {
  const href = el.getAttribute('href') ?? '';
  return el.nodeName === 'A' && /#_(ftn|edn)(ref)?\d+$/.test(href);
}

function isWordFootnoteList(el: Element): boolean {
  const style = el.getAttribute('style') ?? '';
  return /mso-element:\s*(footnote|endnote)-list/.test(style) || /^(ftn|edn)\d+$/.test(el.id);
}

function paragraph(ctx: Ctx, heading?: number): SourceParagraph {
  const p: SourceParagraph = { type: 'para', lines: [{ runs: [], indent: 0 }], join: 'break' };
  if (heading !== undefined) p.heading = heading;
  if (ctx.pending) {
    p.numbering = ctx.pending;
    ctx.pending = undefined;
  }
  ctx.out.push(p);
  ctx.current = p;
  return p;
}

function endParagraph(ctx: Ctx): void {
  ctx.current = undefined;
}

function pushText(ctx: Ctx, text: string, marks: Mark[]): void {
  // HTML whitespace: runs of spaces and newlines are one space.
  const collapsed = text.replace(/[\s\u00a0]+/g, (m) => (m.includes('\u00a0') && !/[\n\r\t]/.test(m) ? ' ' : ' '));
  if (collapsed === '' || (ctx.current === undefined && collapsed.trim() === '')) return;
  const p = ctx.current ?? paragraph(ctx);
  const line = p.lines[p.lines.length - 1]!;
  const last = line.runs[line.runs.length - 1];
  if (line.runs.length === 0 && collapsed.trim() === '') return;
  if (last && last.type === 'text' && (last.marks ?? []).join() === marks.join()) last.text += collapsed;
  else line.runs.push(marks.length > 0 ? { type: 'text', text: collapsed, marks } : { type: 'text', text: collapsed });
}

function numberLabel(list: HTMLElement, index: number): { label: string; format: NumberFormat } {
  if (list.nodeName === 'UL') return { label: '•', format: 'bullet' };
  const start = Number(list.getAttribute('start') ?? '1') || 1;
  const n = start + index;
  switch (list.getAttribute('type')) {
    case 'a':
      return { label: `${toLetter(n)})`, format: 'lowerLetter' };
    case 'A':
      return { label: `${toLetter(n).toUpperCase()}.`, format: 'upperLetter' };
    case 'i':
      return { label: `${toRoman(n).toLowerCase()})`, format: 'lowerRoman' };
    case 'I':
      return { label: `${toRoman(n)}.`, format: 'upperRoman' };
    default:
      return { label: `${n}.`, format: 'decimal' };
  }
}

function walk(node: Node, ctx: Ctx, marks: Mark[]): void {
  if (node.nodeType === 3) {
    pushText(ctx, node.nodeValue ?? '', marks);
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as HTMLElement;
  const tag = el.nodeName.toUpperCase();
  if (SKIP.has(tag) || tag.includes(':') || isWordFootnoteAnchor(el) || isWordFootnoteList(el)) return;
  if ((el.getAttribute('style') ?? '').replace(/\s/g, '').includes('display:none')) return;
  if (tag === 'BR') {
    const p = ctx.current ?? paragraph(ctx);
    p.lines.push({ runs: [], indent: 0 });
    return;
  }
  if (tag === 'TABLE') {
    endParagraph(ctx);
    ctx.out.push(table(el));
    return;
  }
  if (LISTS.has(tag)) {
    endParagraph(ctx);
    ctx.lists.push({ el, index: 0 });
    for (const child of Array.from(el.childNodes)) walk(child, ctx, marks);
    ctx.lists.pop();
    endParagraph(ctx);
    return;
  }
  const here = marksFrom(el, marks);
  if (tag === 'LI') {
    endParagraph(ctx);
    const list = ctx.lists[ctx.lists.length - 1];
    if (list) {
      const value = Number(el.getAttribute('value'));
      const start = Number(list.el.getAttribute('start') ?? '1') || 1;
      if (Number.isInteger(value) && value > 0) list.index = value - start;
      const { label, format } = numberLabel(list.el, list.index++);
      ctx.pending = { label, format, level: ctx.lists.length - 1 };
    }
    for (const child of Array.from(el.childNodes)) walk(child, ctx, here);
    ctx.pending = undefined;
    endParagraph(ctx);
    return;
  }
  if (BLOCK.has(tag)) {
    endParagraph(ctx);
    const h = /^H([1-6])$/.exec(tag);
    const p = paragraph(ctx, h ? Number(h[1]) : undefined);
    const align = el.style?.textAlign;
    if (align === 'center' || align === 'right' || align === 'justify' || align === 'left') p.align = align;
    for (const child of Array.from(el.childNodes)) walk(child, ctx, here);
    endParagraph(ctx);
    return;
  }
  for (const child of Array.from(el.childNodes)) walk(child, ctx, here);
}

function table(el: HTMLElement): SourceTable {
  const rows: SourceParagraph[][][] = [];
  let headerRows = 0;
  let leading = true;
  for (const tr of Array.from(el.querySelectorAll('tr'))) {
    if (tr.closest('table') !== el) continue;
    const cells = Array.from(tr.children).filter((c) => c.nodeName === 'TD' || c.nodeName === 'TH');
    const header = cells.length > 0 && (cells.every((c) => c.nodeName === 'TH') || tr.parentElement?.nodeName === 'THEAD');
    if (leading && header) headerRows++;
    else leading = false;
    rows.push(
      cells.map((cell) => {
        const ctx: Ctx = { out: [], current: undefined, lists: [], pending: undefined };
        for (const child of Array.from(cell.childNodes)) walk(child, ctx, []);
        return ctx.out.filter((b): b is SourceParagraph => b.type === 'para').map(trimParagraph).filter(hasText);
      }),
    );
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (const r of rows) while (r.length < width) r.push([]);
  return { type: 'table', rows, headerRows };
}

function trimParagraph(p: SourceParagraph): SourceParagraph {
  const lines = p.lines.map((l) => ({ ...l, runs: trimRuns(l.runs) }));
  // Empty lines at the edges (a <br> at the end of a paragraph) are not text.
  while (lines.length > 1 && lines[lines.length - 1]!.runs.length === 0) lines.pop();
  while (lines.length > 1 && lines[0]!.runs.length === 0) lines.shift();
  return { ...p, lines, join: lines.length > 1 ? 'break' : 'wrap' };
}

function trimRuns(runs: SourceRun[]): SourceRun[] {
  const out = runs.map((r) => ({ ...r }));
  const first = out[0];
  if (first?.type === 'text') first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text = last.text.trimEnd();
  return out.filter((r) => r.type !== 'text' || r.text !== '');
}

function hasText(p: SourceParagraph): boolean {
  return p.lines.some((l) => l.runs.some((r) => r.type === 'text' && r.text.trim() !== ''));
}

/** The source paragraphs and tables of an HTML document or fragment. */
export function htmlToSource(html: string, parser: DOMParser = new DOMParser()): SourceBlock[] {
  const doc = parser.parseFromString(html, 'text/html');
  const ctx: Ctx = { out: [], current: undefined, lists: [], pending: undefined };
  walk(doc.body, ctx, []);
  return ctx.out.map((b) => (b.type === 'para' ? trimParagraph(b) : b)).filter((b) => b.type === 'table' || hasText(b));
}
