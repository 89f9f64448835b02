/**
 * Property tests: whatever blocks are inserted, deleted or moved, numbering stays gapless, and
 * every cross-reference still names the block it was made for (its text is that block's current
 * number, computed here by an independent count); deleting a referenced block turns its
 * references into broken markers.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SCHEMA_VERSION, type Block, type Meta, type Part, type RDocument, type Xref } from '../../src/core/model/schema';
import { numberDocument } from '../../src/core/numbering/numbering';
import { renderXref, BROKEN_MARKER } from '../../src/core/numbering/xref';
import { parseDocument } from '../../src/core/model/validate';

const meta: Meta = { kind: 'annual-report', originalLanguage: 'fr', symbols: [], organs: ['SC'], distribution: 'general', sessions: [], addressees: [], people: [] };

type Spec = { kind: 'p' | 'u' | 'ch' | 'sec' | 'sub1' | 'sub2' | 'bullet' };
const specArb = fc.constantFrom<Spec['kind']>('p', 'p', 'p', 'u', 'ch', 'sec', 'sub1', 'sub2', 'bullet');

let counter = 0;
function makeBlock(kind: Spec['kind']): Block {
  const id = `b${++counter}`;
  switch (kind) {
    case 'p':
      return { id, kind: 'paragraph', numbered: true };
    case 'u':
      return { id, kind: 'paragraph', numbered: false };
    case 'ch':
      return { id, kind: 'heading', level: 'chapter' };
    case 'sec':
      return { id, kind: 'heading', level: 'section' };
    case 'sub1':
      return { id, kind: 'subparagraph', level: 1 };
    case 'sub2':
      return { id, kind: 'subparagraph', level: 2 };
    case 'bullet':
      return { id, kind: 'bullet' };
  }
}

function buildDoc(body: Spec['kind'][], annexes: Spec['kind'][][]): RDocument {
  const report: Part = { id: 'report', kind: 'body', blocks: body.map(makeBlock), parts: [] };
  annexes.forEach((a, i) => report.parts.push({ id: `annex${i}`, kind: 'annex', blocks: a.map(makeBlock), parts: [] }));
  return { schemaVersion: SCHEMA_VERSION, meta, parts: [report], text: { fr: {} }, overrides: {}, settings: { frenchSpacing: 'new-york' } };
}

function allParts(doc: RDocument): Part[] {
  const out: Part[] = [];
  const visit = (p: Part) => {
    out.push(p);
    p.parts.forEach(visit);
  };
  doc.parts.forEach(visit);
  return out;
}

/** Independent oracle: a numbered paragraph's number is 1 + the numbered paragraphs before it in its part. */
function oracleNumber(doc: RDocument, id: string): number | undefined {
  for (const part of allParts(doc)) {
    let n = 0;
    for (const b of part.blocks) {
      if (b.kind === 'paragraph' && b.numbered) n++;
      if (b.id === id) return b.kind === 'paragraph' && b.numbered ? n : undefined;
    }
  }
  return undefined;
}

function checkGapless(doc: RDocument): void {
  const n = numberDocument(doc, 'fr');
  for (const part of allParts(doc)) {
    const paras = part.blocks.filter((b) => b.kind === 'paragraph' && b.numbered).map((b) => n.blocks.get(b.id)!.value);
    expect(paras).toEqual(paras.map((_, i) => i + 1));
    const chapters = part.blocks.filter((b) => b.kind === 'heading' && b.level === 'chapter').map((b) => n.blocks.get(b.id)!.value);
    expect(chapters).toEqual(chapters.map((_, i) => i + 1));
    // Sections restart after each chapter and count up without gaps in between.
    let expected = 0;
    for (const b of part.blocks) {
      if (b.kind === 'heading' && b.level === 'chapter') expected = 0;
      if (b.kind === 'heading' && b.level === 'section') expect(n.blocks.get(b.id)!.value).toBe(++expected);
    }
    // Level-1 subparagraphs count a), b), c)… within each run, restarting after any other block but bullets and deeper levels.
    let sub = 0;
    for (const b of part.blocks) {
      if (b.kind === 'subparagraph' && b.level === 1) expect(n.blocks.get(b.id)!.value).toBe(++sub);
      else if (!(b.kind === 'subparagraph' || b.kind === 'bullet')) sub = 0;
    }
  }
}

/** Puts a named reference to each target into a paragraph of its own at the end of the report. */
function addReferences(doc: RDocument, targets: string[]): Xref[] {
  const xrefs = targets.map((target): Xref => ({ type: 'xref', target, form: 'named' }));
  const holder: Block = { id: 'refs', kind: 'paragraph', numbered: false };
  doc.parts[0]!.blocks.push(holder);
  doc.text.fr!.refs = { content: xrefs };
  return xrefs;
}

function checkReferences(doc: RDocument, xrefs: Xref[]): void {
  const n = numberDocument(doc, 'fr');
  for (const x of xrefs) {
    const number = oracleNumber(doc, x.target);
    const text = renderXref(x, n, 'report').text;
    if (number === undefined) expect(text).toBe(BROKEN_MARKER.fr);
    else {
      const part = n.blocks.get(x.target)!.partId;
      const suffix = part === 'report' ? '' : ` de l'annexe${n.parts.get(part)!.ref ? ` ${n.parts.get(part)!.ref}` : ''}`;
      expect(text).toBe(`paragraphe ${number}${suffix}`);
    }
  }
}

const docArb = fc.record({
  body: fc.array(specArb, { minLength: 1, maxLength: 40 }),
  annexes: fc.array(fc.array(specArb, { minLength: 1, maxLength: 10 }), { maxLength: 3 }),
});

const opArb = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), part: fc.nat(), kind: specArb }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), part: fc.nat() }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat(), part: fc.nat(), toPart: fc.nat() }),
);

describe('numbering under edits (property)', () => {
  it('stays gapless and keeps every reference on its block through inserts, deletes and moves', () => {
    fc.assert(
      fc.property(docArb, fc.array(opArb, { minLength: 1, maxLength: 25 }), fc.nat(), ({ body, annexes }, ops, seed) => {
        const doc = buildDoc(body, annexes);
        const numberedIds = allParts(doc).flatMap((p) => p.blocks.filter((b) => b.kind === 'paragraph' && b.numbered).map((b) => b.id));
        const targets = numberedIds.filter((_, i) => (i + seed) % 3 === 0);
        const xrefs = addReferences(doc, targets);
        checkGapless(doc);
        checkReferences(doc, xrefs);
        for (const op of ops) {
          const parts = allParts(doc);
          const part = parts[op.part % parts.length]!;
          // The holder of the references stays in place: edits touch the other blocks.
          const editable = part.blocks.filter((b) => b.id !== 'refs');
          if (op.op === 'insert') {
            part.blocks.splice(op.at % (editable.length + 1), 0, makeBlock(op.kind));
          } else if (op.op === 'delete' && editable.length > 0) {
            const victim = editable[op.at % editable.length]!;
            part.blocks.splice(part.blocks.indexOf(victim), 1);
          } else if (op.op === 'move' && editable.length > 0) {
            const moved = editable[op.from % editable.length]!;
            part.blocks.splice(part.blocks.indexOf(moved), 1);
            const dest = parts[op.toPart % parts.length]!;
            dest.blocks.splice(op.to % (dest.blocks.length + 1), 0, moved);
          }
          checkGapless(doc);
          checkReferences(doc, xrefs);
        }
        expect(parseDocument(doc).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('turns references to a deleted block into broken markers, and only those', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), ({ body, annexes }, pick) => {
        const doc = buildDoc(['p', ...body], annexes);
        const numbered = allParts(doc).flatMap((p) => p.blocks.filter((b) => b.kind === 'paragraph' && b.numbered).map((b) => ({ b, p })));
        const xrefs = addReferences(doc, numbered.map(({ b }) => b.id));
        const { b: victim, p } = numbered[pick % numbered.length]!;
        p.blocks.splice(p.blocks.indexOf(victim), 1);
        const n = numberDocument(doc, 'fr');
        for (const x of xrefs) {
          const r = renderXref(x, n, 'report');
          expect(r.broken).toBe(x.target === victim.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
