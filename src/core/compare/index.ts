/**
 * Compare any two versions of a document in one language: which blocks were inserted, deleted,
 * moved, changed (with their words), split or merged, which parts changed, which metadata.
 * A block whose only change is its number is `renumbered`, never `changed`.
 *
 *   compareDocuments(lastYear, thisYear, 'fr', { ids: 'ignore' })   // texts imported separately
 *   compareDocuments(revision12, current, 'fr')                     // one dossier: ids are shared
 *
 * The alignment is align.ts (the one aligner, also used to match returned versions); the result
 * is plain data (types.ts).
 */
import type { Lang, Part, RDocument } from '../model/schema';
import { inlineText } from '../render/text';
import { alignDocuments, type AlignOptions, type Alignment, type UnitPair } from './align';
import { diffMetadata } from './metadata';
import { heaviestChain } from './sequence';
import type { Side, Unit } from './units';
import { diffWords, sameContent, type IdMap, type SideView } from './words';
import type { BlockChange, BlockRef, CompareResult, CompareSummary, PartChange, PartRef } from './types';

export type { CompareResult, BlockChange, PartChange, MetaChange, WordRun, BlockRef, PartRef, CompareSummary } from './types';
export type { IdPolicy, AlignOptions } from './align';
export { alignDocuments } from './align';

export type CompareOptions = AlignOptions;

/** Part references made once per side of one comparison (a side is never reused). */
const partRefs = new WeakMap<Side, Map<Part, PartRef>>();

function partRef(side: Side, part: Part): PartRef {
  let cache = partRefs.get(side);
  if (!cache) partRefs.set(side, (cache = new Map<Part, PartRef>()));
  const known = cache.get(part);
  if (known) return { ...known };
  const ref: PartRef = { id: part.id, kind: part.kind };
  const label = side.numbering.parts.get(part.id);
  if (label) {
    ref.label = label.label;
    ref.ref = label.ref;
  }
  cache.set(part, ref);
  return { ...ref };
}

function blockRef(side: Side, u: Unit, withText: boolean): BlockRef {
  const ref: BlockRef = { id: u.block.id, kind: u.block.kind, shape: u.shape, part: partRef(side, u.part), position: u.position };
  if (u.label) ref.label = { kind: u.label.kind, label: u.label.label, ref: u.label.ref };
  if (withText) ref.text = inlineText(u.content, side.numbering, { fromPartId: u.part.id, footnotes: 'omit' });
  return ref;
}

const view = (side: Side, u: Unit): SideView => ({ numbering: side.numbering, partId: u.part.id });

/** 32-bit FNV-1a: a cheap, stable tie-break. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A weight that prefers keeping long blocks in place, with a tie-break that does not depend on which side is "old". */
function keepWeight(o: Unit, n: Unit): number {
  const [x, y] = o.block.id < n.block.id ? [o.block.id, n.block.id] : [n.block.id, o.block.id];
  return (Math.max(o.size, n.size) + 1) * 4096 + ((hash32(x) ^ Math.imul(hash32(y), 31)) >>> 0) % 4096;
}

type Placed = { change: BlockChange; at: number; old: number };

export function compareDocuments(oldDoc: RDocument, newDoc: RDocument, lang: Lang, opts: CompareOptions = {}): CompareResult {
  return describeAlignment(alignDocuments(oldDoc, newDoc, lang, opts));
}

function describeAlignment(al: Alignment): CompareResult {
  const { old: a, new: b } = al;
  const map: IdMap = (id) => al.oldToNew.get(id);

  // Which pairs kept their order: the heaviest chain; the others moved.
  type Point = { o: number; n: number; pair?: UnitPair };
  const points: Point[] = [...al.pairs.map((pair) => ({ o: pair.old.index, n: pair.new.index, pair })), ...al.groups.map((g) => ({ o: g.old[0]!.index, n: g.new[0]!.index }))];
  points.sort((x, y) => x.o - y.o);
  const chain = new Set(heaviestChain(points.map((p) => [p.o, p.n, p.pair ? keepWeight(p.pair.old, p.pair.new) : 4096] as const), b.units.length).map((i) => points[i]!));
  // for each old block: the new block that the last in-order block before it became
  const anchorOf = new Int32Array(a.units.length).fill(-1);
  const inOrder = new Map<number, number>();
  for (const p of chain) inOrder.set(p.o, p.n);
  let last = -1;
  for (let i = 0; i < a.units.length; i++) {
    anchorOf[i] = last;
    const n = inOrder.get(i);
    if (n !== undefined) last = n;
  }
  const afterOf = (oldIndex: number) => {
    const n = anchorOf[oldIndex]!;
    return n >= 0 ? { after: b.units[n]!.block.id, at: n + 0.5 } : { at: -0.5 };
  };

  const placed: Placed[] = [];
  const movedPairs: { o: number; n: number; change: BlockChange & { moveGroup?: number } }[] = [];
  for (const p of points) {
    const pair = p.pair;
    if (!pair) continue;
    const { old: o, new: n } = pair;
    const moved = !chain.has(p);
    const changedForm = o.shape !== n.shape;
    // different keys are different words; the same words may still differ in marks or in what a reference points to
    const changedWords = o.key !== n.key || !sameContent(o.content, n.content, map);
    const oldPart = a.numbering.parts.get(o.part.id)?.label;
    const newPart = b.numbering.parts.get(n.part.id)?.label;
    const renumbered = o.label?.label !== n.label?.label || oldPart !== newPart;
    if (!moved && !changedForm && !changedWords && !renumbered) continue;
    const changed = changedForm || changedWords;
    const withText = changed || moved;
    const change: BlockChange = {
      op: changed ? 'changed' : moved ? 'moved' : 'renumbered',
      old: blockRef(a, o, withText),
      new: blockRef(b, n, withText),
      changed,
      moved,
      renumbered,
    };
    if (changedWords) change.runs = diffWords([o.content], [n.content], map, view(a, o), view(b, n));
    if (changedForm) change.form = { old: o.shape, new: n.shape };
    if (moved) {
      const { after } = afterOf(o.index);
      change.from = after !== undefined ? { after } : {};
      movedPairs.push({ o: o.index, n: n.index, change });
    }
    placed.push({ change, at: n.index, old: o.index });
  }
  // blocks moved together: next to each other on both sides
  movedPairs.sort((x, y) => x.n - y.n);
  let group = 0;
  movedPairs.forEach((m, i) => {
    const prev = movedPairs[i - 1];
    if (!prev || prev.n !== m.n - 1 || prev.o !== m.o - 1) group++;
    m.change.moveGroup = group;
  });

  for (const g of al.groups) {
    const runs = diffWords(
      g.old.map((u) => u.content),
      g.new.map((u) => u.content),
      map,
      view(a, g.old[0]!),
      view(b, g.new[0]!),
    );
    const change: BlockChange =
      g.old.length === 1
        ? { op: 'split', old: blockRef(a, g.old[0]!, true), new: g.new.map((u) => blockRef(b, u, true)), runs }
        : { op: 'merged', old: g.old.map((u) => blockRef(a, u, true)), new: blockRef(b, g.new[0]!, true), runs };
    placed.push({ change, at: g.new[0]!.index, old: g.old[0]!.index });
  }

  const pairedOld = new Set<Unit>([...al.pairs.map((p) => p.old), ...al.groups.flatMap((g) => g.old)]);
  const pairedNew = new Set<Unit>([...al.pairs.map((p) => p.new), ...al.groups.flatMap((g) => g.new)]);
  for (const u of a.units) {
    if (pairedOld.has(u)) continue;
    const { after, at } = afterOf(u.index);
    placed.push({ change: after !== undefined ? { op: 'deleted', old: blockRef(a, u, true), after } : { op: 'deleted', old: blockRef(a, u, true) }, at, old: u.index });
  }
  for (const u of b.units) if (!pairedNew.has(u)) placed.push({ change: { op: 'inserted', new: blockRef(b, u, true) }, at: u.index, old: -1 });
  placed.sort((x, y) => x.at - y.at || x.old - y.old);
  const blocks = placed.map((p) => p.change);

  const parts = partChanges(al, map);
  const metadata = diffMetadata(a.doc, b.doc, map);
  const summary: CompareSummary = { changed: 0, inserted: 0, deleted: 0, moved: 0, split: 0, merged: 0, renumbered: 0, parts: parts.length, metadata: metadata.length };
  for (const c of blocks) {
    if (c.op === 'changed' || c.op === 'moved' || c.op === 'renumbered') {
      if (c.changed) summary.changed++;
      if (c.moved) summary.moved++;
      if (c.op === 'renumbered') summary.renumbered++;
    } else summary[c.op]++;
  }
  return { lang: al.lang, summary, blocks, parts, metadata, pairs: al.pairs.map((p) => [p.old.block.id, p.new.block.id]) };
}

function partChanges(al: Alignment, map: IdMap): PartChange[] {
  const { old: a, new: b } = al;
  const out: PartChange[] = [];
  const parentOf = (side: Side) => {
    const m = new Map<Part, Part | undefined>();
    const visit = (parts: Part[], parent: Part | undefined) => parts.forEach((p) => (m.set(p, parent), visit(p.parts, p)));
    visit(side.doc.parts, undefined);
    return m;
  };
  const oldParent = parentOf(a);
  const newParent = parentOf(b);
  const counterpart = new Map(al.parts.map((x) => [x.old, x.new]));
  const order = heaviestChain(
    al.parts.map((x) => [a.parts.indexOf(x.old), b.parts.indexOf(x.new), 1] as const),
    b.parts.length,
  );
  const kept = new Set(order.map((i) => al.parts[i]!));
  const titleOf = (side: Side, part: Part) => side.doc.text[al.lang]?.[part.id]?.content ?? [];
  for (const x of al.parts) {
    const op = oldParent.get(x.old);
    const moved = !kept.has(x) || (op ? counterpart.get(op) : undefined) !== newParent.get(x.new);
    const renumbered = a.numbering.parts.get(x.old.id)?.label !== b.numbering.parts.get(x.new.id)?.label;
    const fields: { field: 'kind' | 'bodyType' | 'originalLanguage'; old?: string; new?: string }[] = [];
    for (const field of ['kind', 'bodyType', 'originalLanguage'] as const) {
      if (x.old[field] !== x.new[field]) fields.push({ field, ...(x.old[field] !== undefined ? { old: x.old[field] } : {}), ...(x.new[field] !== undefined ? { new: x.new[field] } : {}) });
    }
    const oldTitle = titleOf(a, x.old);
    const newTitle = titleOf(b, x.new);
    const titleChanged = !sameContent(oldTitle, newTitle, map);
    const changed = titleChanged || fields.length > 0;
    if (!changed && !moved && !renumbered) continue;
    const change: PartChange = { op: changed ? 'changed' : moved ? 'moved' : 'renumbered', old: partRef(a, x.old), new: partRef(b, x.new), changed, moved, renumbered };
    if (titleChanged) change.title = diffWords([oldTitle], [newTitle], map, { numbering: a.numbering, partId: x.old.id }, { numbering: b.numbering, partId: x.new.id });
    if (fields.length > 0) change.fields = fields;
    out.push(change);
  }
  const pairedOld = new Set(al.parts.map((x) => x.old));
  const pairedNew = new Set(al.parts.map((x) => x.new));
  for (const p of a.parts) if (!pairedOld.has(p)) out.push({ op: 'deleted', old: partRef(a, p) });
  for (const p of b.parts) if (!pairedNew.has(p)) out.push({ op: 'inserted', new: partRef(b, p) });
  return out;
}
