/**
 * Plain-text rendering of the model in one language: block text with cross-references resolved
 * and footnote markers numbered, and the outline (one line per part, heading and numbered block).
 * The CLI, tests, search indexing and the exporters' text checks all read through here.
 */
import type { Block, Inline, Lang, Part, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { renderXref } from '../numbering/xref';
import { generatedBlockText, partHeadingText, partTitle } from '../wording/generated';
import { signatureText } from '../wording/signatures';

export type PlainOptions = {
  /** Part the text sits in, to qualify references into other annexes. */
  fromPartId?: string;
  /** How footnotes appear inline: their number (default), or dropped. */
  footnotes?: 'number' | 'omit';
};

export function inlineText(content: Inline[], n: Numbering, opts: PlainOptions = {}): string {
  let out = '';
  for (const run of content) {
    if (run.type === 'text') out += run.text;
    else if (run.type === 'xref') out += renderXref(run, n, opts.fromPartId).text;
    else if (opts.footnotes !== 'omit') out += String(n.footnotes.get(run.id) ?? '?');
  }
  return out;
}

/** The words of a block (or part title) in a language, '' when it has none yet. */
export function blockText(doc: RDocument, id: string, n: Numbering, opts: PlainOptions = {}): string {
  const t = doc.text[n.lang]?.[id];
  return t ? inlineText(t.content, n, opts) : '';
}

export type OutlineEntry = {
  kind: 'part' | 'heading' | 'paragraph' | 'subparagraph';
  id: string;
  label: string;
  text: string;
  depth: number;
};

function openingWords(text: string, words = 10): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/** One entry per part, heading and numbered block, in document order. */
export function outline(doc: RDocument, lang: Lang, n: Numbering = numberDocument(doc, lang)): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  walkDocument(doc, {
    part: (part, ctx) => {
      const title = partTitle(doc, part, lang).text;
      const label = part.kind === 'annex' || part.kind === 'enclosure' ? n.parts.get(part.id)?.label ?? '' : '';
      out.push({ kind: 'part', id: part.id, label, text: title, depth: ctx.depth });
    },
    block: (block, ctx) => {
      if (block.kind === 'heading') {
        out.push({ kind: 'heading', id: block.id, label: n.blocks.get(block.id)?.label ?? '', text: blockText(doc, block.id, n, { fromPartId: ctx.part.id, footnotes: 'omit' }), depth: 0 });
      } else if ((block.kind === 'paragraph' && block.numbered) || block.kind === 'subparagraph') {
        const label = n.blocks.get(block.id)?.label ?? '';
        out.push({ kind: block.kind, id: block.id, label, text: blockText(doc, block.id, n, { fromPartId: ctx.part.id, footnotes: 'omit' }), depth: block.kind === 'subparagraph' ? block.level : 0 });
      }
    },
  });
  return out;
}

/** `outline` as text lines: label, tab, opening words (parts in brackets). */
export function formatOutline(entries: OutlineEntry[]): string[] {
  return entries.map((e) => {
    if (e.kind === 'part') return `[${e.label || 'part'}]\t${openingWords(e.text)}`;
    const indent = e.kind === 'subparagraph' ? '  '.repeat(e.depth) : '';
    return `${indent}${e.label}\t${openingWords(e.text)}`;
  });
}

/**
 * The whole document as plain text lines in reading order (titles, headings with labels,
 * paragraphs with numbers, generated text, signatures). Used by search and export checks.
 */
export function documentLines(doc: RDocument, lang: Lang, n: Numbering = numberDocument(doc, lang)): string[] {
  return documentLinesByPart(doc, lang, n).flatMap((p) => p.lines);
}

/** `documentLines`, each part's lines apart (a part's own annexes are parts of their own), in reading order. */
export function documentLinesByPart(doc: RDocument, lang: Lang, n: Numbering = numberDocument(doc, lang)): { part: Part; lines: string[] }[] {
  const out: { part: Part; lines: string[] }[] = [];
  let lines: string[] = [];
  const partLines = (part: Part) => {
    lines = [];
    out.push({ part, lines });
    if (part.kind === 'annex' || part.kind === 'enclosure') lines.push(partHeadingText(doc, part, lang, n));
    const title = partTitle(doc, part, lang).text;
    if (title) lines.push(title);
  };
  const blockLines = (block: Block, part: Part) => {
    const label = n.blocks.get(block.id)?.label;
    const generated = generatedBlockText(doc, block, part, lang);
    if (generated !== undefined) return void lines.push(generated);
    if (block.kind === 'signature') return void lines.push(...signatureText(doc, block, lang).flat());
    if (block.kind === 'table' || block.kind === 'quote' || block.kind === 'participants' || block.kind === 'pageBreak') return;
    const text = blockText(doc, block.id, n, { fromPartId: part.id });
    lines.push(label ? `${label} ${text}` : text);
  };
  walkDocument(doc, { part: (part) => partLines(part), block: (block, ctx) => blockLines(block, ctx.part) });
  return out;
}
