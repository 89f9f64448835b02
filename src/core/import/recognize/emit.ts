/**
 * How the reading stages put what they read into the document: the part blocks go into, a
 * source's runs as clean inlines (footnotes numbered in reading order), a block added with its
 * text, an unsure item placed on its source line, the label counters of a part.
 */
import type { Block, Inline, Part } from '../../model/schema';
import type { DocumentBuilder } from '../../model/builder';
import type { SourceParagraph, SourceRun, UnsureCode } from '../source';
import { mergeRuns } from '../source';
import { cleanText } from '../text';
import type { Counters, Reading } from './state';

export function unsureAt(r: Reading, p: SourceParagraph | undefined, text: string, reason: string, code: UnsureCode, place: { blockId?: string; partId?: string; params?: Record<string, string | number> } = {}): void {
  const short = text.length > 90 ? `${text.slice(0, 90)}…` : text;
  r.unsure.push({ ...(p?.line !== undefined ? { line: p.line } : {}), text: short, reason, code, ...place });
}

export function countersOf(r: Reading, part: Part): Counters {
  let c = r.counters.get(part.id);
  if (!c) {
    c = { para: 0, chapter: 0, section: 0, sub: [0, 0, 0, 0] };
    r.counters.set(part.id, c);
  }
  return c;
}

/** The part blocks go into: the current one, or a body part created on first use. */
export function target(r: Reading): Part {
  if (!r.current) {
    r.body = r.b.part('body', { bodyType: 'other' });
    r.current = r.body;
  }
  return r.current;
}

/** Where the next block goes: an open list of participants, an open quotation, or the part. */
export function into(r: Reading): Part | Block[] {
  if (r.participants) return r.participants;
  if (r.quote) return r.quote.blocks;
  return target(r);
}

export function inlines(r: Reading, runs: SourceRun[]): Inline[] {
  const merged = mergeRuns(runs.map((x) => (x.type === 'text' ? { ...x, text: cleanText(x.text) } : x)));
  // trim the outer whitespace and collapse the joins between runs
  const out: Inline[] = [];
  for (const m of merged) {
    if (m.type === 'footnote') {
      const content = mergeRuns(m.content.map((c) => ({ ...c, text: cleanText(c.text) })))
        .filter((c): c is Extract<SourceRun, { type: 'text' }> => c.type === 'text')
        .map((c) => (c.marks && c.marks.length > 0 ? { type: 'text' as const, text: c.text, marks: c.marks } : { type: 'text' as const, text: c.text }));
      if (content.length > 0) {
        content[0] = { ...content[0]!, text: content[0]!.text.trimStart() };
        const last = content.length - 1;
        content[last] = { ...content[last]!, text: content[last]!.text.trimEnd() };
      }
      out.push({ type: 'footnote', id: `fn${++r.footnoteCount}`, content });
      continue;
    }
    const prev = out[out.length - 1];
    let text = m.text;
    if (prev && prev.type === 'text' && prev.text.endsWith(' ')) text = text.replace(/^ +/, '');
    out.push(m.marks && m.marks.length > 0 ? { type: 'text', text, marks: m.marks } : { type: 'text', text });
  }
  while (out.length > 0) {
    const first = out[0]!;
    if (first.type !== 'text') break;
    const t = first.text.trimStart();
    if (t === '') out.shift();
    else {
      out[0] = { ...first, text: t };
      break;
    }
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    if (last.type !== 'text') break;
    const t = last.text.trimEnd();
    if (t === '') out.pop();
    else {
      out[out.length - 1] = { ...last, text: t };
      break;
    }
  }
  return out.filter((x) => x.type !== 'text' || x.text !== '');
}

/** Adds a block (where the next block goes, unless told) with the text of the runs, if any. */
export function add(r: Reading, block: Parameters<DocumentBuilder['add']>[1], runs: SourceRun[] | undefined, to: Part | Block[] = into(r)): Block {
  const b = r.b.add(to, block);
  if (runs) {
    const content = inlines(r, runs);
    if (content.length > 0) r.b.setText(b.id, content);
  }
  return b;
}
