/** Edits of the seeds for the comparison tests: what a drafter does to last year's text. */
import type { RDocument } from '../../../src/core/model/schema';

export function firstText(doc: RDocument, id: string): { text: string } {
  return doc.text.fr![id]!.content.find((r) => r.type === 'text') as { text: string };
}

/** Seed 000 edited as a drafter would: two paragraphs reworded, one deleted, one inserted, section C moved before section B. */
export function edited000(a: RDocument): RDocument {
  const b = structuredClone(a);
  const blocks = b.parts[1]!.blocks;
  const para = (n: number) => blocks.filter((x) => x.kind === 'paragraph' && x.numbered)[n - 1]!;
  firstText(b, para(12).id).text = firstText(b, para(12).id).text.replace('invité', 'encouragé');
  firstText(b, para(40).id).text = firstText(b, para(40).id).text.replace('maintien de la paix', 'maintien de cette paix');
  const deleted = para(30);
  blocks.splice(blocks.indexOf(deleted), 1);
  delete b.text.fr![deleted.id];
  blocks.splice(blocks.indexOf(para(20)) + 1, 0, { id: 'inserted', kind: 'paragraph', numbered: true });
  b.text.fr!.inserted = { content: [{ type: 'text', text: 'Le Groupe de travail a également examiné la question des femmes et de la paix et de la sécurité.' }] };
  const heading = (start: string) => blocks.find((x) => x.kind === 'heading' && firstText(b, x.id).text.startsWith(start))!;
  const from = blocks.indexOf(heading('Perspectives'));
  let to = from + 1;
  while (blocks[to] && blocks[to]!.kind !== 'heading') to++;
  const section = blocks.splice(from, to - from);
  blocks.splice(blocks.indexOf(heading('Partenariats')), 0, ...section);
  return b;
}

/** Seed 000's text with paragraph `n` cut out and the printed numbers after it moved down by one. */
export function withoutParagraph(text: string, n: number): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\s*${n}\\.\\s`).test(l));
  let end = start + 1;
  while (end < lines.length && !/^\s*(\d{1,3}|[IVX]+|[A-H])\.\s/.test(lines[end]!) && !/^\s*Annexe\s*$/.test(lines[end]!)) end++;
  lines.splice(start, end - start);
  return lines.map((l, i) => (i >= start ? l.replace(/^(\s*)(\d{1,3})\.(\s)/, (m, s: string, d: string, sp: string) => (Number(d) > n ? `${s}${Number(d) - 1}.${sp}` : m)) : l)).join('\n');
}
