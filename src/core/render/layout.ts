/**
 * The layout: a document in one language, resolved into what a page shows, in reading order.
 * Labels are computed, generated text (titles, annex headings, closing request, opening
 * formula, signature lines) is filled in, cross-references show their target's label,
 * footnotes carry their number, and language typography is applied (French no-break spaces by
 * setting, typographic apostrophes, superscript ordinals such as « 1er »).
 *
 * Every exporter (DOCX, HTML print view, PDF) and the preview read this one structure, so a rule
 * lives in one place and all outputs agree.
 */
import type { Block, HeadingLevel, Inline, Lang, Part, PartKind, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { renderXref } from '../numbering/xref';
import { generatedBlockText, partHeadingText, partTitle, signatureText } from '../wording/generated';
import { originalMarker } from '../wording/letters';
import { masthead, type Masthead } from '../wording/masthead';
import { applyFrenchSpacing, curlyApostrophes } from '../locale/typography';
import { frenchOrdinalSuffixes } from '../locale/dates';
import { MISSING_TEXT_MARKER } from '../locale/markers';
import { missingText } from '../model/versions';

export type Span = {
  text: string;
  bold?: boolean;
  italic?: boolean;
  superscript?: boolean;
  /** Template text not yet replaced. */
  placeholder?: boolean;
  /** A footnote reference: `text` is its number; `content` is the note itself. */
  footnote?: { id: string; number: number; content: Span[] };
  /** Text produced by a cross-reference to block or part `target`. */
  xref?: { target: string; broken: boolean };
  /** The marker shown in place of text this version lacks (another version has it). */
  missing?: boolean;
};

export type LayoutBlock =
  | { type: 'heading'; id: string; level: HeadingLevel; label: string | undefined; spans: Span[] }
  | { type: 'paragraph'; id: string; numbered: boolean; label: string | undefined; spans: Span[] }
  | { type: 'subparagraph'; id: string; level: 1 | 2 | 3 | 4; label: string; spans: Span[] }
  | { type: 'bullet'; id: string; level: 1 | 2; spans: Span[] }
  | { type: 'generated'; id: string; role: 'closing' | 'opening'; spans: Span[] }
  | { type: 'signature'; id: string; signatories: { lines: Span[][] }[] }
  | { type: 'table'; id: string; headerRows: number; rows: { id: string; cells: { id: string; blocks: LayoutBlock[] }[] }[] }
  | { type: 'quote'; id: string; blocks: LayoutBlock[] }
  | { type: 'participants'; id: string; blocks: LayoutBlock[] }
  | { type: 'participant'; id: string; spans: Span[] }
  | { type: 'pageBreak'; id: string };

export type LayoutPart = {
  id: string;
  kind: PartKind;
  depth: number;
  /** "Annexe I à la lettre datée du …", "Pièce jointe": annexes and enclosures only. */
  heading: string | undefined;
  title: Span[];
  titleGenerated: boolean;
  /** "[Original : anglais]" when the part was written in another language than the document. */
  originalMarker: string | undefined;
  /** Annexes, enclosures and a transmitted text start on a new page. */
  newPage: boolean;
  blocks: LayoutBlock[];
};

export type Layout = {
  lang: Lang;
  masthead: Masthead;
  /** Parts flattened in document order (a part, then the parts it owns). */
  parts: LayoutPart[];
  footnotes: { id: string; number: number; content: Span[] }[];
  numbering: Numbering;
  /** Ids of the part titles and blocks shown as a missing-text marker (see ../model/versions). */
  missing: Set<string>;
};

// ---------------------------------------------------------------------------------------------
// Typography on spans

function typeset(text: string, doc: RDocument, lang: Lang): string {
  const curly = curlyApostrophes(text);
  return lang === 'fr' ? applyFrenchSpacing(curly, doc.settings.frenchSpacing) : curly;
}

/** Splits French ordinal suffixes ("1er", "8838e") into superscript spans. */
function superscriptOrdinals(span: Span, lang: Lang): Span[] {
  if (lang !== 'fr' || span.superscript || span.footnote) return [span];
  const ranges = frenchOrdinalSuffixes(span.text);
  if (ranges.length === 0) return [span];
  const out: Span[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) out.push({ ...span, text: span.text.slice(at, start) });
    out.push({ ...span, text: span.text.slice(start, end), superscript: true });
    at = end;
  }
  if (at < span.text.length) out.push({ ...span, text: span.text.slice(at) });
  return out;
}

/**
 * A plain string (generated text, headings, masthead lines) as spans with the language's
 * typography: typographic apostrophes, French spacing by setting, French ordinal suffixes raised.
 * Idempotent, so exporters may apply it to strings the layout has already typeset.
 */
export function typesetSpans(text: string, doc: RDocument, lang: Lang, extra: Partial<Span> = {}): Span[] {
  if (text === '') return [];
  return superscriptOrdinals({ text: typeset(text, doc, lang), ...extra }, lang);
}

const EN_AFTER = /^[.,;:!?]+/;
const FR_BEFORE = /[ \u00a0\u202f]*[.,;:!?]+$/;

/**
 * Editorial Manual, footnotes: the indicator follows punctuation in English ("text,¹") and
 * precedes it in French (« texte¹, »). Whatever side the drafter typed it on, it is moved here,
 * once, so every output agrees.
 */
export function placeFootnoteIndicators(spans: Span[], lang: Lang): Span[] {
  const out = [...spans];
  for (let i = 0; i < out.length; i++) {
    if (!out[i]!.footnote) continue;
    if (lang === 'en') {
      const next = out[i + 1];
      const m = next && !next.footnote && !next.xref ? EN_AFTER.exec(next.text) : null;
      if (!next || !m) continue;
      const rest = next.text.slice(m[0].length);
      if (rest === '') out.splice(i + 1, 1);
      else out[i + 1] = { ...next, text: rest };
      out.splice(i, 0, { ...next, text: m[0] });
      i++;
    } else {
      const prev = out[i - 1];
      const m = prev && !prev.footnote && !prev.xref ? FR_BEFORE.exec(prev.text) : null;
      if (!prev || !m) continue;
      const rest = prev.text.slice(0, prev.text.length - m[0].length);
      out.splice(i + 1, 0, { ...prev, text: m[0] });
      if (rest === '') {
        out.splice(i - 1, 1);
        i--;
      } else out[i - 1] = { ...prev, text: rest };
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

type Ctx = { doc: RDocument; lang: Lang; n: Numbering; partId: string; missing: Set<string> };

function inlineSpans(content: Inline[], ctx: Ctx): Span[] {
  const out: Span[] = [];
  for (const run of content) {
    if (run.type === 'text') {
      const marks = run.marks ?? [];
      const base: Span = { text: typeset(run.text, ctx.doc, ctx.lang) };
      if (marks.includes('bold')) base.bold = true;
      if (marks.includes('italic')) base.italic = true;
      if (marks.includes('superscript')) base.superscript = true;
      if (run.placeholder) base.placeholder = true;
      if (base.text !== '') out.push(...superscriptOrdinals(base, ctx.lang));
    } else if (run.type === 'xref') {
      const r = renderXref(run, ctx.n, ctx.partId);
      out.push({ text: r.text, xref: { target: run.target, broken: r.broken } });
    } else {
      const number = ctx.n.footnotes.get(run.id) ?? 0;
      out.push({ text: String(number), superscript: true, footnote: { id: run.id, number, content: inlineSpans(run.content, ctx) } });
    }
  }
  return placeFootnoteIndicators(out, ctx.lang);
}

function textSpans(id: string, ctx: Ctx): Span[] {
  if (ctx.missing.has(id)) return [{ text: MISSING_TEXT_MARKER[ctx.lang], missing: true }];
  const t = ctx.doc.text[ctx.lang]?.[id];
  return t ? inlineSpans(t.content, ctx) : [];
}

/** Puts the statement in quotation marks: opening on its first paragraph, closing on its last. */
function quoteMarks(blocks: LayoutBlock[], lang: Lang): void {
  const withSpans = blocks.filter((b): b is Extract<LayoutBlock, { spans: Span[] }> => 'spans' in b && b.spans.length > 0);
  const first = withSpans[0];
  const last = withSpans[withSpans.length - 1];
  if (!first || !last) return;
  const [open, close] = lang === 'fr' ? ['«\u00a0', '\u00a0»'] : ['“', '”'];
  first.spans.unshift({ text: open });
  const tail = last.spans[last.spans.length - 1]!;
  // French closes the quotation before the final full stop (« … conviendra ». ), English after it.
  if (lang === 'fr' && !tail.footnote && tail.text.endsWith('.')) {
    tail.text = tail.text.slice(0, -1);
    last.spans.push({ text: `${close}.` });
  } else {
    last.spans.push({ text: close });
  }
}

function layoutBlock(block: Block, part: Part, ctx: Ctx): LayoutBlock {
  const label = ctx.n.blocks.get(block.id)?.label;
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', id: block.id, level: block.level, label, spans: textSpans(block.id, ctx) };
    case 'paragraph':
      return { type: 'paragraph', id: block.id, numbered: block.numbered, label, spans: textSpans(block.id, ctx) };
    case 'subparagraph':
      return { type: 'subparagraph', id: block.id, level: block.level, label: label ?? '', spans: textSpans(block.id, ctx) };
    case 'bullet':
      return { type: 'bullet', id: block.id, level: block.level ?? 1, spans: textSpans(block.id, ctx) };
    case 'participant':
      return { type: 'participant', id: block.id, spans: textSpans(block.id, ctx) };
    case 'pageBreak':
      return { type: 'pageBreak', id: block.id };
    case 'closing':
    case 'opening':
      return { type: 'generated', id: block.id, role: block.kind, spans: typesetSpans(generatedBlockText(ctx.doc, block, part, ctx.lang) ?? '', ctx.doc, ctx.lang) };
    case 'signature': {
      const signed = ctx.lang === 'fr' ? '(Signé)' : '(Signed)';
      return {
        type: 'signature',
        id: block.id,
        signatories: signatureText(ctx.doc, block, ctx.lang).map((lines) => ({
          lines: lines.map((line) =>
            line.startsWith(signed) ? [{ text: signed, italic: true }, ...typesetSpans(line.slice(signed.length), ctx.doc, ctx.lang)] : typesetSpans(line, ctx.doc, ctx.lang),
          ),
        })),
      };
    }
    case 'table':
      return {
        type: 'table',
        id: block.id,
        headerRows: block.headerRows,
        rows: block.rows.map((row) => ({ id: row.id, cells: row.cells.map((cell) => ({ id: cell.id, blocks: cell.blocks.map((b) => layoutBlock(b, part, ctx)) })) })),
      };
    case 'quote': {
      const blocks = block.blocks.map((b) => layoutBlock(b, part, ctx));
      quoteMarks(blocks, ctx.lang);
      return { type: 'quote', id: block.id, blocks };
    }
    case 'participants':
      return { type: 'participants', id: block.id, blocks: block.blocks.map((b) => layoutBlock(b, part, ctx)) };
  }
}

export function layoutDocument(doc: RDocument, lang: Lang, n: Numbering = numberDocument(doc, lang)): Layout {
  const parts: LayoutPart[] = [];
  const footnotes: Layout['footnotes'] = [];
  const missing = missingText(doc, lang);
  walkDocument(doc, {
    part: (part, pctx) => {
      const ctx: Ctx = { doc, lang, n, partId: part.id, missing };
      const title = partTitle(doc, part, lang);
      const authored = !title.generated ? textSpans(part.id, ctx) : typesetSpans(title.text, doc, lang);
      const isOwned = part.kind === 'annex' || part.kind === 'enclosure';
      parts.push({
        id: part.id,
        kind: part.kind,
        depth: pctx.depth,
        heading: isOwned ? typeset(partHeadingText(doc, part, lang, n), doc, lang) : undefined,
        title: authored,
        titleGenerated: title.generated,
        originalMarker: part.originalLanguage && part.originalLanguage !== lang ? typeset(originalMarker(part.originalLanguage, lang), doc, lang) : undefined,
        newPage: parts.length > 0 && (isOwned || part.kind === 'body'),
        blocks: part.blocks.map((b) => layoutBlock(b, part, ctx)),
      });
    },
  });
  for (const p of parts) footnotes.push(...partFootnotes(p));
  footnotes.sort((a, b) => a.number - b.number);
  const head = masthead(doc, lang);
  const t = (x: string) => typeset(x, doc, lang);
  head.organs = head.organs.map(t);
  head.original = t(head.original);
  head.date = t(head.date);
  head.sessionColumns = head.sessionColumns.map((c) => ({ organ: t(c.organ), lines: c.lines.map(t), itemTitles: c.itemTitles.map(t) }));
  return { lang, masthead: head, parts, footnotes, numbering: n, missing };
}

/** The footnotes referenced in a part (its title and blocks, tables and quotes included), in order. */
export function partFootnotes(part: LayoutPart): Layout['footnotes'] {
  const out: Layout['footnotes'] = [];
  const collect = (spans: Span[]) => {
    for (const s of spans) if (s.footnote) out.push(s.footnote);
  };
  const visit = (blocks: LayoutBlock[]) => {
    for (const b of blocks) {
      if ('spans' in b) collect(b.spans);
      if (b.type === 'signature') b.signatories.forEach((s) => s.lines.forEach(collect));
      if (b.type === 'table') b.rows.forEach((r) => r.cells.forEach((c) => visit(c.blocks)));
      if (b.type === 'quote' || b.type === 'participants') visit(b.blocks);
    }
  };
  collect(part.title);
  visit(part.blocks);
  return out;
}

/** The plain text of spans (for tests and text checks). */
export function spansText(spans: Span[]): string {
  return spans.map((s) => s.text).join('');
}
