/**
 * The one aligner: which block of an old version is which block of a new one. The comparison
 * (index.ts) and the returned-version matching (../import/match.ts) both read it.
 *
 * In order, each step working only on what the steps before left unpaired:
 *  1. the same id (unless ids are not shared: an imported text has ids of its own; `verify`
 *     refuses an id pair whose text is plainly another block's, as when two imports both
 *     numbered their blocks b1, b2…);
 *  2. identical text in the same order (patience anchors on text found once on each side, then
 *     a Myers diff between them), then identical text anywhere (a block that moved);
 *  3. between two paired blocks, the most similar words (Dice ≥ 0.5), then — unless ids are
 *     trusted, when blocks with two ids are two blocks unless their words say otherwise — the
 *     same number and form with some words in common (a paragraph rewritten in place), and blocks without words by kind
 *     and order;
 *  4. similar words anywhere (Dice ≥ 0.6: moved and edited);
 *  5. tables, quotes and lists of participants by what they contain;
 *  6. splits and merges: one block whose words are those of two or more adjacent blocks on the
 *     other side, which would otherwise read as a change and an unrelated insertion.
 * Parts then pair by id, by the blocks they share, or by kind and order.
 */
import type { Lang, Part, RDocument } from '../model/schema';
import { commonSubsequence, heaviestChain } from './sequence';
import { bagOf, containment, keyTable, labelKey, readSide, similarity, type Side, type Unit } from './units';

/** trust: a shared id is the same block; verify: unless its text is plainly another block's; ignore: ids mean nothing across the two. */
export type IdPolicy = 'trust' | 'verify' | 'ignore';
export type PairReason = 'id' | 'number+text' | 'text' | 'number' | 'position' | 'contents';
export type UnitPair = { old: Unit; new: Unit; by: PairReason; similarity: number };
/** A split (one old block, several new) or a merge (several old, one new); members in document order. */
export type UnitGroup = { old: Unit[]; new: Unit[]; similarity: number };
export type PartPair = { old: Part; new: Part; by: 'id' | 'contents' | 'position' };

export type Alignment = {
  lang: Lang;
  old: Side;
  new: Side;
  /** One-to-one pairs, in old document order. */
  pairs: UnitPair[];
  groups: UnitGroup[];
  parts: PartPair[];
  /** Old id → new id, for blocks (a split's old block → its first new one) and parts. */
  oldToNew: Map<string, string>;
};

export type AlignOptions = { ids?: IdPolicy };

const GAP_SIMILARITY = 0.5;
const ANYWHERE_SIMILARITY = 0.6;
const VERIFY_SIMILARITY = 0.3;
/** A paragraph rewritten in place keeps some of its words; one with none in common is another paragraph. */
const NUMBER_SIMILARITY = 0.25;
const WINDOW = 40;
const SPLIT_CONTAINMENT = 0.75;
const SPLIT_SIMILARITY = 0.75;

class Pairing {
  readonly oldTo: Int32Array;
  readonly newTo: Int32Array;
  readonly by: PairReason[] = [];
  readonly sim: Float64Array;
  constructor(
    readonly a: Side,
    readonly b: Side,
  ) {
    this.oldTo = new Int32Array(a.units.length).fill(-1);
    this.newTo = new Int32Array(b.units.length).fill(-1);
    this.sim = new Float64Array(a.units.length);
  }
  take(o: number, n: number, by: PairReason, sim: number): void {
    this.oldTo[o] = n;
    this.newTo[n] = o;
    this.by[o] = by;
    this.sim[o] = sim;
  }
  drop(o: number): void {
    const n = this.oldTo[o]!;
    if (n >= 0) this.newTo[n] = -1;
    this.oldTo[o] = -1;
  }
  freeOld(): Unit[] {
    return this.a.units.filter((u) => this.oldTo[u.index]! < 0);
  }
  freeNew(): Unit[] {
    return this.b.units.filter((u) => this.newTo[u.index]! < 0);
  }
}

function textSimilarity(o: Unit, n: Unit): number {
  return o.key >= 0 && o.key === n.key ? 1 : similarity(bagOf(o), bagOf(n));
}

function indexByKey(units: Unit[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const u of units) if (u.key >= 0) m.set(u.key, (m.get(u.key) ?? 0) + 1);
  return m;
}

// 1. ids --------------------------------------------------------------------------------------

function pairById(p: Pairing, verify: boolean): void {
  const oldKeys = verify ? indexByKey(p.a.units) : undefined;
  const newKeys = verify ? indexByKey(p.b.units) : undefined;
  for (const o of p.a.units) {
    const n = p.b.byId.get(o.block.id);
    if (!n) continue;
    if (o.key >= 0 && o.key === n.key) {
      p.take(o.index, n.index, 'id', 1);
      continue;
    }
    if (verify) {
      // identical to some other block on the other side: this id was given to another text
      if (o.key >= 0 && (newKeys!.get(o.key) ?? 0) > 0) continue;
      if (n.key >= 0 && (oldKeys!.get(n.key) ?? 0) > 0) continue;
      if (o.size > 0 && n.size > 0 && textSimilarity(o, n) < VERIFY_SIMILARITY) continue;
      if ((o.size > 0) !== (n.size > 0) || (o.size === 0 && o.block.kind !== n.block.kind)) continue;
    }
    p.take(o.index, n.index, 'id', o.size > 0 || n.size > 0 ? textSimilarity(o, n) : 1);
  }
}

// 2. identical text ---------------------------------------------------------------------------

function pairIdentical(p: Pairing): void {
  const olds = p.freeOld().filter((u) => u.key >= 0);
  const news = p.freeNew().filter((u) => u.key >= 0);
  if (olds.length === 0 || news.length === 0) return;
  const countOld = indexByKey(olds);
  const countNew = indexByKey(news);
  const newAt = new Map<number, number>();
  news.forEach((u, j) => {
    if (countNew.get(u.key) === 1) newAt.set(u.key, j);
  });
  const points: [number, number, number][] = [];
  olds.forEach((u, i) => {
    const j = newAt.get(u.key);
    if (j !== undefined && countOld.get(u.key) === 1) points.push([i, j, 1]);
  });
  const anchors = heaviestChain(points, news.length).map((k) => points[k]!);
  let [pi, pj] = [-1, -1];
  for (const [ai, aj] of [...anchors, [olds.length, news.length, 0] as const]) {
    const a = olds.slice(pi + 1, ai);
    const b = news.slice(pj + 1, aj);
    if (a.length > 0 && b.length > 0) {
      for (const [x, y] of commonSubsequence(a.map((u) => u.key), b.map((u) => u.key))) p.take(a[x]!.index, b[y]!.index, 'text', 1);
    }
    if (ai < olds.length) p.take(olds[ai]!.index, news[aj]!.index, 'text', 1);
    [pi, pj] = [ai, aj];
  }
  // the same text elsewhere: moved
  const waiting = new Map<number, Unit[]>();
  for (const u of p.freeNew()) {
    if (u.key < 0) continue;
    const same = waiting.get(u.key);
    if (same) same.push(u);
    else waiting.set(u.key, [u]);
  }
  for (const o of p.freeOld()) {
    const n = o.key >= 0 ? waiting.get(o.key)?.shift() : undefined;
    if (n) p.take(o.index, n.index, 'text', 1);
  }
}

// 3. gaps between pairs that kept their order ---------------------------------------------------

/** Calls `fn` with the unpaired blocks of each stretch between two consecutive in-order pairs. */
function forEachGap(p: Pairing, fn: (olds: Unit[], news: Unit[]) => void): void {
  const points: [number, number, number][] = [];
  p.oldTo.forEach((n, o) => {
    if (n >= 0) points.push([o, n, 1]);
  });
  const anchors = heaviestChain(points, p.b.units.length).map((k) => points[k]!);
  let [po, pn] = [-1, -1];
  for (const [ao, an] of [...anchors, [p.a.units.length, p.b.units.length, 0] as const]) {
    const olds: Unit[] = [];
    const news: Unit[] = [];
    for (let o = po + 1; o < ao; o++) if (p.oldTo[o]! < 0) olds.push(p.a.units[o]!);
    for (let n = pn + 1; n < an; n++) if (p.newTo[n]! < 0) news.push(p.b.units[n]!);
    if (olds.length > 0 && news.length > 0) fn(olds, news);
    [po, pn] = [ao, an];
  }
}

/** Greedy one-to-one pairing of candidates, best first. */
function takeBest(p: Pairing, candidates: { o: Unit; n: Unit; sim: number; distance: number }[], by: PairReason): void {
  candidates.sort((x, y) => y.sim - x.sim || x.distance - y.distance || x.o.index - y.o.index);
  for (const c of candidates) if (p.oldTo[c.o.index]! < 0 && p.newTo[c.n.index]! < 0) p.take(c.o.index, c.n.index, by, c.sim);
}

function pairInGap(p: Pairing, olds: Unit[], news: Unit[], byPlace: boolean): void {
  const candidates: { o: Unit; n: Unit; sim: number; distance: number }[] = [];
  olds.forEach((o, i) => {
    if (o.size === 0) return;
    news.forEach((n, j) => {
      if (n.size === 0 || n.family !== o.family || Math.abs(i - j) > WINDOW) return;
      const sim = textSimilarity(o, n);
      if (sim >= GAP_SIMILARITY) candidates.push({ o, n, sim, distance: Math.abs(i - j) });
    });
  });
  takeBest(p, candidates, 'text');
  if (!byPlace) return;
  // the same number and form: rewritten in place
  const byLabel = new Map<string, Unit>();
  for (const o of olds) {
    const k = labelKey(o);
    if (k && p.oldTo[o.index]! < 0) byLabel.set(k, o);
  }
  for (const n of news) {
    const k = labelKey(n);
    const o = k ? byLabel.get(k) : undefined;
    if (!o || p.oldTo[o.index]! >= 0 || p.newTo[n.index]! >= 0 || o.shape !== n.shape) continue;
    const sim = textSimilarity(o, n);
    if (sim >= NUMBER_SIMILARITY) p.take(o.index, n.index, 'number', sim);
  }
  pairWordless(p, olds, news, false);
}

const CONTAINERS = new Set(['table', 'quote', 'participants']);

/** Blocks without words (closing, signature, page break, empty paragraph…) by kind, in order. */
function pairWordless(p: Pairing, olds: Unit[], news: Unit[], containers: boolean): void {
  let from = 0;
  for (const n of news) {
    if (p.newTo[n.index]! >= 0 || n.size > 0 || CONTAINERS.has(n.block.kind) !== containers) continue;
    for (let i = from; i < olds.length; i++) {
      const o = olds[i]!;
      if (p.oldTo[o.index]! < 0 && o.size === 0 && o.block.kind === n.block.kind) {
        p.take(o.index, n.index, 'position', 1);
        from = i + 1;
        break;
      }
    }
  }
}

// 4. similar words anywhere -------------------------------------------------------------------

function pairSimilarAnywhere(p: Pairing): void {
  const olds = p.freeOld().filter((u) => u.size > 0);
  const news = p.freeNew().filter((u) => u.size > 0);
  const everywhere = olds.length * news.length <= 200_000;
  const candidates: { o: Unit; n: Unit; sim: number; distance: number }[] = [];
  for (const o of olds) {
    for (const n of news) {
      if (n.family !== o.family || (!everywhere && Math.abs(o.index - n.index) > 150)) continue;
      const sim = textSimilarity(o, n);
      if (sim >= ANYWHERE_SIMILARITY) candidates.push({ o, n, sim, distance: Math.abs(o.index - n.index) });
    }
  }
  takeBest(p, candidates, 'text');
}

// 5. containers by contents -------------------------------------------------------------------

function pairContainers(p: Pairing): void {
  const votes = new Map<Unit, Map<Unit, number>>();
  const children = new Map<Unit, number>();
  for (const o of p.a.units) {
    if (!o.container) continue;
    const c = p.a.byId.get(o.container.id)!;
    children.set(c, (children.get(c) ?? 0) + 1);
    const n = p.oldTo[o.index]! >= 0 ? p.b.units[p.oldTo[o.index]!]! : undefined;
    if (!n?.container || p.oldTo[c.index]! >= 0) continue;
    const d = p.b.byId.get(n.container.id)!;
    const m = votes.get(c) ?? new Map<Unit, number>();
    m.set(d, (m.get(d) ?? 0) + 1);
    votes.set(c, m);
  }
  const candidates: { o: Unit; n: Unit; sim: number; distance: number }[] = [];
  for (const [c, m] of votes) {
    for (const [d, count] of m) if (d.block.kind === c.block.kind) candidates.push({ o: c, n: d, sim: count / children.get(c)!, distance: Math.abs(c.index - d.index) });
  }
  takeBest(p, candidates, 'contents');
}

// 6. splits and merges ------------------------------------------------------------------------

type View = { from: Side; to: Side; fromTo: Int32Array; toFrom: Int32Array };

function sumBags(units: Unit[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) for (const [w, v] of bagOf(u)) out.set(w, (out.get(w) ?? 0) + v);
  return out;
}

/** Could `u` join a group next to `near`? Checked before any word is counted: most blocks have no such neighbour. */
function free(u: Unit | undefined, near: Unit, view: View, grouped: Set<Unit>): u is Unit {
  return !!u && view.toFrom[u.index]! < 0 && !grouped.has(u) && u.size > 0 && u.family === 'text' && u.part === near.part && u.container === near.container;
}

/** …and are its words `a`'s? */
function fits(u: Unit | undefined, near: Unit, a: Unit, view: View, grouped: Set<Unit>): u is Unit {
  return free(u, near, view, grouped) && containment(bagOf(u), bagOf(a)) >= SPLIT_CONTAINMENT;
}

/** Blocks of `view.to` whose words together are `a`'s; [] when there is no such group. */
function groupFor(a: Unit, view: View, grouped: Set<Unit>): Unit[] {
  const paired = view.fromTo[a.index]!;
  let members: Unit[] = [];
  if (paired >= 0) {
    const seed = view.to.units[paired]!;
    if (grouped.has(seed) || !(free(view.to.units[seed.index - 1], seed, view, grouped) || free(view.to.units[seed.index + 1], seed, view, grouped))) return [];
    members = [seed];
    for (let i = seed.index - 1; fits(view.to.units[i], seed, a, view, grouped); i--) members.unshift(view.to.units[i]!);
    for (let i = seed.index + 1; fits(view.to.units[i], seed, a, view, grouped); i++) members.push(view.to.units[i]!);
  } else {
    // where `a` would be on the other side: between the counterparts of its paired neighbours
    let lo = -1;
    let hi = view.to.units.length;
    for (let i = a.index - 1; i >= 0; i--) if (view.fromTo[i]! >= 0) { lo = view.fromTo[i]!; break; }
    for (let i = a.index + 1; i < view.from.units.length; i++) if (view.fromTo[i]! >= 0) { hi = view.fromTo[i]!; break; }
    if (hi - lo > 2 * WINDOW || hi - lo < 3) return [];
    let run: Unit[] = [];
    let best = 0;
    for (let i = lo + 1; i <= hi; i++) {
      const u = view.to.units[i];
      if (i < hi && u && fits(u, run[0] ?? u, a, view, grouped)) run.push(u);
      else {
        if (run.length >= 2) {
          const s = similarity(bagOf(a), sumBags(run));
          if (s > best) [best, members] = [s, run];
        }
        run = [];
      }
    }
  }
  if (members.length < 2) return [];
  const s = similarity(bagOf(a), sumBags(members));
  const before = paired >= 0 ? textSimilarity(a, view.to.units[paired]!) : 0;
  return s >= SPLIT_SIMILARITY && s > before ? members : [];
}

function findGroups(p: Pairing): UnitGroup[] {
  const groups: UnitGroup[] = [];
  const grouped = new Set<Unit>();
  const splits: View = { from: p.a, to: p.b, fromTo: p.oldTo, toFrom: p.newTo };
  const merges: View = { from: p.b, to: p.a, fromTo: p.newTo, toFrom: p.oldTo };
  for (const [view, split] of [[splits, true], [merges, false]] as const) {
    for (const a of view.from.units) {
      if (a.size === 0 || a.family !== 'text' || grouped.has(a)) continue;
      const members = groupFor(a, view, grouped);
      if (members.length === 0) continue;
      const paired = view.fromTo[a.index]!;
      if (paired >= 0) p.drop(split ? a.index : paired);
      grouped.add(a);
      for (const m of members) grouped.add(m);
      const s = similarity(bagOf(a), sumBags(members));
      groups.push(split ? { old: [a], new: members, similarity: s } : { old: members, new: [a], similarity: s });
    }
  }
  return groups;
}

// parts ---------------------------------------------------------------------------------------

function pairParts(p: Pairing, groups: UnitGroup[], policy: IdPolicy): PartPair[] {
  const out: PartPair[] = [];
  const usedOld = new Set<Part>();
  const usedNew = new Set<Part>();
  const take = (o: Part, n: Part, by: PartPair['by']) => {
    out.push({ old: o, new: n, by });
    usedOld.add(o);
    usedNew.add(n);
  };
  const byId = (sameKind: boolean) => {
    const news = new Map(p.b.parts.map((x) => [x.id, x]));
    for (const o of p.a.parts) {
      const n = news.get(o.id);
      if (n && !usedOld.has(o) && !usedNew.has(n) && (!sameKind || n.kind === o.kind)) take(o, n, 'id');
    }
  };
  const byContents = () => {
    const votes = new Map<Part, Map<Part, number>>();
    const vote = (o: Unit, n: Unit) => {
      const m = votes.get(o.part) ?? new Map<Part, number>();
      m.set(n.part, (m.get(n.part) ?? 0) + 1);
      votes.set(o.part, m);
    };
    p.oldTo.forEach((n, o) => {
      if (n >= 0) vote(p.a.units[o]!, p.b.units[n]!);
    });
    for (const g of groups) vote(g.old[0]!, g.new[0]!);
    const candidates = [...votes].flatMap(([o, m]) => [...m].map(([n, count]) => ({ o, n, count })));
    candidates.sort((x, y) => y.count - x.count || p.a.parts.indexOf(x.o) - p.a.parts.indexOf(y.o));
    for (const c of candidates) if (!usedOld.has(c.o) && !usedNew.has(c.n) && c.o.kind === c.n.kind) take(c.o, c.n, 'contents');
  };
  if (policy === 'trust') byId(false);
  byContents();
  if (policy === 'verify') byId(true);
  // what is left: by kind and order
  for (const kind of ['letter', 'body', 'annex', 'enclosure'] as const) {
    const olds = p.a.parts.filter((x) => x.kind === kind && !usedOld.has(x));
    const news = p.b.parts.filter((x) => x.kind === kind && !usedNew.has(x));
    for (let i = 0; i < Math.min(olds.length, news.length); i++) take(olds[i]!, news[i]!, 'position');
  }
  return out.sort((x, y) => p.a.parts.indexOf(x.old) - p.a.parts.indexOf(y.old));
}

// ---------------------------------------------------------------------------------------------

export function alignDocuments(oldDoc: RDocument, newDoc: RDocument, lang: Lang, opts: AlignOptions = {}): Alignment {
  const policy = opts.ids ?? 'trust';
  const keys = keyTable();
  const p = new Pairing(readSide(oldDoc, lang, keys), readSide(newDoc, lang, keys));
  if (policy !== 'ignore') pairById(p, policy === 'verify');
  pairIdentical(p);
  // With trusted ids, two blocks with different ids are different blocks unless their words say otherwise.
  const byPlace = policy !== 'trust';
  forEachGap(p, (olds, news) => pairInGap(p, olds, news, byPlace));
  pairSimilarAnywhere(p);
  pairContainers(p);
  if (byPlace) forEachGap(p, (olds, news) => pairWordless(p, olds, news, true));
  const groups = findGroups(p);
  const parts = pairParts(p, groups, policy);

  const pairs: UnitPair[] = [];
  const oldToNew = new Map<string, string>();
  p.oldTo.forEach((n, o) => {
    if (n < 0) return;
    const pair: UnitPair = { old: p.a.units[o]!, new: p.b.units[n]!, by: p.by[o]!, similarity: Math.round(p.sim[o]! * 100) / 100 };
    if (pair.by === 'text' && labelKey(pair.old) !== undefined && labelKey(pair.old) === labelKey(pair.new)) pair.by = 'number+text';
    pairs.push(pair);
    oldToNew.set(pair.old.block.id, pair.new.block.id);
  });
  for (const g of groups) for (const o of g.old) oldToNew.set(o.block.id, g.new[0]!.block.id);
  for (const x of parts) oldToNew.set(x.old.id, x.new.id);
  return { lang, old: p.a, new: p.b, pairs, groups, parts, oldToNew };
}
