/**
 * Property tests of the comparison (fast-check): random reports (chapters, numbered and
 * unnumbered paragraphs, subparagraphs, an annex), one edit at a time — insert, delete, move,
 * change one word, split a paragraph in two, merge two — compared with ids shared ('trust') and
 * with ids ignored (text alignment only, as for an imported text). Every block has words of its
 * own, so the expected answer is known exactly. Also: identity gives no change; B→A gives the
 * inverse of A→B; a run of edits is accounted for block by block.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCHEMA_VERSION, type Block, type Meta, type Part, type RDocument } from '../../src/core/model/schema';
import { parseDocument } from '../../src/core/model/validate';
import { compareDocuments, type BlockChange, type CompareResult, type WordRun } from '../../src/core/compare';

const meta: Meta = { kind: 'annual-report', originalLanguage: 'fr', symbols: [], organs: ['SC'], distribution: 'general', sessions: [], addressees: [], people: [] };
type Kind = 'p' | 'u' | 'ch' | 'sub';
type Spec = { kind: Kind; words: number };

const specArb = fc.record({ kind: fc.constantFrom<Kind>('p', 'p', 'p', 'u', 'ch', 'sub'), words: fc.integer({ min: 4, max: 12 }) });
const docArb = fc.record({ body: fc.array(specArb, { minLength: 3, maxLength: 14 }), annex: fc.array(specArb, { minLength: 0, maxLength: 4 }) });

function block(id: string, kind: Kind): Block {
  if (kind === 'ch') return { id, kind: 'heading', level: 'chapter' };
  if (kind === 'sub') return { id, kind: 'subparagraph', level: 1 };
  return { id, kind: 'paragraph', numbered: kind === 'p' };
}

const words = (tag: string, n: number) => Array.from({ length: n }, (_, j) => `${tag}x${j}`).join(' ');

function build(spec: { body: Spec[]; annex: Spec[] }): RDocument {
  const text: Record<string, { content: { type: 'text'; text: string }[] }> = {};
  const blocks = (specs: Spec[], prefix: string) =>
    specs.map((s, i) => {
      const id = `${prefix}${i}`;
      text[id] = { content: [{ type: 'text', text: `${words(id, s.words)}.` }] };
      return block(id, s.kind);
    });
  const body: Part = { id: 'body', kind: 'body', blocks: blocks(spec.body, 'b'), parts: [] };
  if (spec.annex.length > 0) body.parts.push({ id: 'annex', kind: 'annex', blocks: blocks(spec.annex, 'a'), parts: [] });
  return { schemaVersion: SCHEMA_VERSION, meta, parts: [body], text: { fr: text }, overrides: {}, settings: { frenchSpacing: 'new-york' } };
}

function valid(doc: RDocument): RDocument {
  const r = parseDocument(doc);
  if (!r.ok) throw new Error(`${r.issues[0]!.path}: ${r.issues[0]!.message}`);
  return r.value;
}

const body = (d: RDocument) => d.parts[0]!.blocks;
const sentence = (d: RDocument, id: string) => (d.text.fr![id]!.content[0] as { text: string }).text;
const setSentence = (d: RDocument, id: string, s: string) => (d.text.fr![id] = { content: [{ type: 'text', text: s }] });
const isText = (b: Block) => b.kind === 'paragraph' || b.kind === 'subparagraph';

type Edit =
  | { op: 'insert'; at: number; words: number }
  | { op: 'delete'; at: number }
  | { op: 'move'; from: number; to: number }
  | { op: 'word'; at: number; word: number }
  | { op: 'split'; at: number; cut: number }
  | { op: 'merge'; at: number };

const editArb = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), words: fc.integer({ min: 4, max: 12 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('word' as const), at: fc.nat(), word: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat(), cut: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), at: fc.nat() }),
);

let fresh = 0;

/** Applies the edit to a copy; returns undefined when it does not apply (e.g. merge of a heading). */
function apply(doc: RDocument, e: Edit): { doc: RDocument; id?: string; other?: string; word?: string } | undefined {
  const d = structuredClone(doc);
  const bs = body(d);
  const n = bs.length;
  switch (e.op) {
    case 'insert': {
      const id = `n${++fresh}`;
      bs.splice(e.at % (n + 1), 0, { id, kind: 'paragraph', numbered: true });
      setSentence(d, id, `${words(id, e.words)}.`);
      return { doc: d, id };
    }
    case 'delete': {
      if (n <= 1) return undefined;
      const [b] = bs.splice(e.at % n, 1);
      delete d.text.fr![b!.id];
      return { doc: d, id: b!.id };
    }
    case 'move': {
      const from = e.from % n;
      const [b] = bs.splice(from, 1);
      const to = e.to % n;
      if (to === from) return undefined;
      bs.splice(to, 0, b!);
      return { doc: d, id: b!.id };
    }
    case 'word': {
      const b = bs[e.at % n]!;
      const list = sentence(d, b.id).slice(0, -1).split(' ');
      const k = e.word % list.length;
      const old = list[k]!;
      list[k] = `r${++fresh}`;
      setSentence(d, b.id, `${list.join(' ')}.`);
      return { doc: d, id: b.id, word: old };
    }
    case 'split': {
      const i = e.at % n;
      const b = bs[i]!;
      const list = sentence(d, b.id).slice(0, -1).split(' ');
      if (!isText(b)) return undefined;
      const cut = 1 + (e.cut % Math.max(1, Math.floor(list.length * 0.7)));
      const id = `s${++fresh}`;
      setSentence(d, b.id, `${list.slice(0, cut).join(' ')}.`);
      setSentence(d, id, `${list.slice(cut).join(' ')}.`);
      bs.splice(i + 1, 0, { ...b, id });
      return { doc: d, id: b.id, other: id };
    }
    case 'merge': {
      const i = e.at % n;
      const [x, y] = [bs[i], bs[i + 1]];
      if (!x || !y || !isText(x) || !isText(y)) return undefined;
      setSentence(d, x.id, `${sentence(d, x.id)} ${sentence(d, y.id)}`);
      bs.splice(i + 1, 1);
      delete d.text.fr![y.id];
      return { doc: d, id: x.id, other: y.id };
    }
  }
}

const others = (r: CompareResult) => r.blocks.filter((c) => c.op !== 'renumbered');
const nonEqual = (runs: WordRun[] | undefined) => (runs ?? []).filter((x) => x.op !== 'equal').map((x) => [x.op, x.text]);
const MODES = ['trust', 'ignore'] as const;

function checkRenumberedOnly(r: CompareResult): void {
  for (const c of r.blocks) {
    if (c.op !== 'renumbered') continue;
    expect(c.old.label?.label !== c.new.label?.label || c.old.part.label !== c.new.part.label).toBe(true);
    expect(c.runs).toBeUndefined();
  }
}

describe('compareDocuments (properties)', () => {
  it('identity gives no change, with or without shared ids', () => {
    fc.assert(
      fc.property(docArb, (spec) => {
        const doc = valid(build(spec));
        for (const ids of MODES) {
          const r = compareDocuments(doc, structuredClone(doc), 'fr', { ids });
          expect(r.blocks).toEqual([]);
          expect(r.parts).toEqual([]);
          expect(r.metadata).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('one edit is reported as exactly that edit; everything else is at most renumbered', () => {
    fc.assert(
      fc.property(docArb, editArb, (spec, e) => {
        const doc = valid(build(spec));
        const edited = apply(doc, e);
        fc.pre(edited !== undefined);
        const next = valid(edited!.doc);
        for (const ids of MODES) {
          const r = compareDocuments(doc, next, 'fr', { ids });
          checkRenumberedOnly(r);
          // whichever way the blocks were found, the pairs are the true ones
          for (const [a, b] of r.pairs) expect(a).toBe(b);
          const c = others(r);
          const zero = { changed: 0, inserted: 0, deleted: 0, moved: 0, split: 0, merged: 0 };
          switch (e.op) {
            case 'insert':
              expect(r.summary).toMatchObject({ ...zero, inserted: 1 });
              expect(c).toEqual([expect.objectContaining({ op: 'inserted', new: expect.objectContaining({ id: edited!.id }) })]);
              break;
            case 'delete':
              expect(r.summary).toMatchObject({ ...zero, deleted: 1 });
              expect(c).toEqual([expect.objectContaining({ op: 'deleted', old: expect.objectContaining({ id: edited!.id }) })]);
              break;
            case 'move': {
              expect(r.summary).toMatchObject({ ...zero, moved: r.summary.moved });
              expect(r.summary.moved).toBeGreaterThanOrEqual(1);
              // the least text moved (the aligner weighs blocks by their length): never more than the block that was moved
              const size = (id: string) => sentence(doc, id).length + 1;
              const movedWords = c.reduce((s, x) => s + ('old' in x && !Array.isArray(x.old) ? size(x.old.id) : 0), 0);
              expect(movedWords).toBeLessThanOrEqual(size(edited!.id!));
              for (const x of c) expect(x).toMatchObject({ op: 'moved', changed: false, moved: true });
              break;
            }
            case 'word':
              expect(r.summary).toMatchObject({ ...zero, changed: 1 });
              expect(c).toHaveLength(1);
              expect(c[0]).toMatchObject({ op: 'changed', old: { id: edited!.id }, new: { id: edited!.id } });
              expect(nonEqual((c[0] as { runs?: WordRun[] }).runs)).toEqual([
                ['delete', edited!.word],
                ['insert', sentence(next, edited!.id!).slice(0, -1).split(' ').find((w) => w.startsWith('r'))],
              ]);
              break;
            case 'split':
              expect(r.summary).toMatchObject({ ...zero, split: 1 });
              expect(c).toEqual([expect.objectContaining({ op: 'split', old: expect.objectContaining({ id: edited!.id }), new: [expect.objectContaining({ id: edited!.id }), expect.objectContaining({ id: edited!.other })] })]);
              expect((c[0] as Extract<BlockChange, { op: 'split' }>).runs.filter((x) => x.paragraphBreak).map((x) => x.op)).toEqual(['insert']);
              break;
            case 'merge':
              expect(r.summary).toMatchObject({ ...zero, merged: 1 });
              expect(c).toEqual([expect.objectContaining({ op: 'merged', old: [expect.objectContaining({ id: edited!.id }), expect.objectContaining({ id: edited!.other })], new: expect.objectContaining({ id: edited!.id }) })]);
              expect((c[0] as Extract<BlockChange, { op: 'merged' }>).runs.filter((x) => x.paragraphBreak).map((x) => x.op)).toEqual(['delete']);
              break;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('comparing B→A gives the inverse operations of A→B', () => {
    const inverse: Record<string, string> = { inserted: 'deleted', deleted: 'inserted', split: 'merged', merged: 'split', changed: 'changed', moved: 'moved', renumbered: 'renumbered' };
    const flip = (op: string) => (op === 'insert' ? 'delete' : op === 'delete' ? 'insert' : op);
    /** Runs as (op, text), each stretch of changes with its deletions first. */
    const canonical = (runs: WordRun[] | undefined, invert: boolean) => {
      const out: string[] = [];
      let stretch: string[] = [];
      const flush = () => (out.push(...stretch.sort()), (stretch = []));
      for (const r of runs ?? []) {
        const op = invert ? flip(r.op) : r.op;
        if (op === 'equal') {
          flush();
          out.push(`=${r.text}`);
        } else stretch.push(`${op === 'delete' ? 0 : 1}${r.text}`);
      }
      flush();
      return out.join('|');
    };
    const ids = (x: { id: string } | { id: string }[]) => (Array.isArray(x) ? x.map((y) => y.id).join(',') : x.id);
    const key = (c: BlockChange, invert: boolean): string => {
      const op = invert ? inverse[c.op]! : c.op;
      const [o, n] = c.op === 'inserted' ? ['', ids(c.new)] : c.op === 'deleted' ? [ids(c.old), ''] : [ids(c.old), ids(c.new)];
      const [from, to] = invert ? [n, o] : [o, n];
      return `${op} ${from} → ${to} ${canonical('runs' in c ? c.runs : undefined, invert)}`;
    };
    fc.assert(
      fc.property(docArb, editArb, (spec, e) => {
        const a = valid(build(spec));
        const edited = apply(a, e);
        fc.pre(edited !== undefined);
        const b = valid(edited!.doc);
        for (const mode of MODES) {
          const ab = compareDocuments(a, b, 'fr', { ids: mode });
          const ba = compareDocuments(b, a, 'fr', { ids: mode });
          expect(ba.blocks.map((c) => key(c, false)).sort()).toEqual(ab.blocks.map((c) => key(c, true)).sort());
          expect(ba.summary).toEqual({ ...ab.summary, inserted: ab.summary.deleted, deleted: ab.summary.inserted, split: ab.summary.merged, merged: ab.summary.split });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a run of edits is accounted for block by block: inserted, deleted and changed are the blocks that were', () => {
    const simpleEdit = editArb.filter((e) => e.op === 'insert' || e.op === 'delete' || e.op === 'move' || e.op === 'word');
    fc.assert(
      fc.property(docArb, fc.array(simpleEdit, { minLength: 1, maxLength: 5 }), (spec, edits) => {
        const a = valid(build(spec));
        let b = a;
        for (const e of edits) b = apply(b, e)?.doc ?? b;
        b = valid(b);
        const before = new Set(Object.keys(a.text.fr!));
        const after = new Set(Object.keys(b.text.fr!));
        const inserted = [...after].filter((id) => !before.has(id)).sort();
        const deleted = [...before].filter((id) => !after.has(id)).sort();
        const rewritten = [...after].filter((id) => before.has(id) && sentence(a, id) !== sentence(b, id)).sort();
        const trusted = compareDocuments(a, b, 'fr', { ids: 'trust' });
        checkRenumberedOnly(trusted);
        const of = (r: CompareResult, op: string, side: 'old' | 'new') =>
          r.blocks
            .filter((c) => c.op === op || (op === 'changed' && 'changed' in c && c.changed))
            .map((c) => (c as unknown as Record<string, { id: string }>)[side]!.id)
            .sort();
        expect(of(trusted, 'inserted', 'new')).toEqual(inserted);
        expect(of(trusted, 'deleted', 'old')).toEqual(deleted);
        expect(of(trusted, 'changed', 'new')).toEqual(rewritten);
        // by text alone: never a wrong pair, and the truly inserted and deleted blocks are among those reported
        const byText = compareDocuments(a, b, 'fr', { ids: 'ignore' });
        for (const [x, y] of byText.pairs) expect(x).toBe(y);
        for (const id of inserted) expect(of(byText, 'inserted', 'new')).toContain(id);
        for (const id of deleted) expect(of(byText, 'deleted', 'old')).toContain(id);
      }),
      { numRuns: 300 },
    );
  });
});
