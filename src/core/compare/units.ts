/**
 * A document seen by the comparison: every block in document order (containers' children right
 * after the container, as the one walk gives them), each with what the aligner needs to pair it —
 * its words in the compared language, a key that is equal only for identical text, its label.
 */
import type { Block, Inline, Lang, Part, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import { numberDocument, type BlockLabel, type Numbering } from '../numbering/numbering';

export type Unit = {
  block: Block;
  part: Part;
  container: Block | undefined;
  /** Position in document order. */
  index: number;
  /** Blocks of one family may pair with each other: a paragraph that became a subparagraph is the same text. */
  family: string;
  /** Kind and level: what changes when the block changes form. */
  shape: string;
  /** The block's words in the compared language ([] when it has none). */
  content: Inline[];
  /** Interned text key, equal for identical text of the same family; -1 for a block with no words. */
  key: number;
  /** Length of its text in characters, 0 when it has no word (letter or digit) at all. */
  size: number;
  label: BlockLabel | undefined;
  /** 1-based place among the blocks of the same kind in its part. */
  position: number;
  /** Word counts, made when first needed. */
  bag?: Map<string, number>;
};

export type Side = { doc: RDocument; numbering: Numbering; units: Unit[]; byId: Map<string, Unit>; parts: Part[] };

/** Keys shared by the two sides of one comparison: family → text → key. */
export type KeyTable = { next: number; byFamily: Map<string, Map<string, number>> };

export function keyTable(): KeyTable {
  return { next: 0, byFamily: new Map() };
}

function keyOf(keys: KeyTable, family: string, text: string): number {
  let texts = keys.byFamily.get(family);
  if (!texts) keys.byFamily.set(family, (texts = new Map<string, number>()));
  let key = texts.get(text);
  if (key === undefined) texts.set(text, (key = keys.next++));
  return key;
}

const TEXT_FAMILY = new Set(['paragraph', 'subparagraph', 'bullet', 'participant']);
const WORD = /[\p{L}\p{N}]+/gu;

export function familyOf(block: Block): string {
  return TEXT_FAMILY.has(block.kind) ? 'text' : block.kind;
}

export function shapeOf(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `heading ${block.level}`;
    case 'paragraph':
      return block.numbered ? 'paragraph' : 'unnumbered paragraph';
    case 'subparagraph':
      return `subparagraph ${block.level}`;
    case 'bullet':
      return `bullet ${block.level ?? 1}`;
    case 'table':
      return `table ${block.rows.length}×${Math.max(0, ...block.rows.map((r) => r.cells.length))}${block.headerRows > 0 ? ` (${block.headerRows} header)` : ''}`;
    case 'signature':
      return `signature ${block.signatories.join(' ')}`;
    default:
      return block.kind;
  }
}

/** The text of inline content as the aligner keys it: cross-references by form only, so renumbering does not change it. */
export function keyText(content: Inline[]): string {
  let s = '';
  for (const run of content) {
    if (run.type === 'text') s += run.text;
    else if (run.type === 'xref') s += `\u0001${run.form}`;
    else s += `\u0002${keyText(run.content)}\u0003`;
  }
  return s;
}

export function wordBag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

export function bagOf(u: Unit): Map<string, number> {
  return (u.bag ??= wordBag(keyText(u.content)));
}

/** Dice coefficient of two word multisets: 1 for the same words, 0 for none in common. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  if (na + nb === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [w, v] of small) common += Math.min(v, large.get(w) ?? 0);
  return (2 * common) / (na + nb);
}

/** Share of the words of `part` that `whole` also has (1 when every word of `part` is in `whole`). */
export function containment(part: Map<string, number>, whole: Map<string, number>): number {
  let n = 0;
  let found = 0;
  for (const [w, v] of part) {
    n += v;
    found += Math.min(v, whole.get(w) ?? 0);
  }
  return n === 0 ? 0 : found / n;
}

const HAS_WORD = /[\p{L}\p{N}]/u;

export function readSide(doc: RDocument, lang: Lang, keys: KeyTable): Side {
  const numbering = numberDocument(doc, lang);
  const layer = doc.text[lang] ?? {};
  const units: Unit[] = [];
  const byId = new Map<string, Unit>();
  const parts: Part[] = [];
  let counts = new Map<string, number>();
  walkDocument(doc, {
    part: (part) => {
      parts.push(part);
      counts = new Map();
    },
    block: (block, ctx) => {
      const content = layer[block.id]?.content ?? [];
      const text = keyText(content);
      const size = content.length > 0 && HAS_WORD.test(text) ? text.length : 0;
      const family = familyOf(block);
      const key = size > 0 ? keyOf(keys, family, text) : -1;
      const position = (counts.get(block.kind) ?? 0) + 1;
      counts.set(block.kind, position);
      const unit: Unit = { block, part: ctx.part, container: ctx.container, index: units.length, family, shape: shapeOf(block), content, key, size, label: numbering.blocks.get(block.id), position };
      units.push(unit);
      byId.set(block.id, unit);
    },
  });
  return { doc, numbering, units, byId, parts };
}

/** Label identity within a part kind: "paragraph:12", "chapter:II". */
export function labelKey(u: Unit): string | undefined {
  return u.label ? `${u.part.kind}:${u.label.kind}:${u.label.ref}` : undefined;
}
