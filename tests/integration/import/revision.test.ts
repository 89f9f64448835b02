/**
 * A returned version: the draft is exported to DOCX, edited as the Secretariat would (a paragraph
 * added, one reworded, one deleted, the symbol filled in), and brought back as a new revision of
 * the same dossier, its blocks matched to the draft's by number and text.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import { matchRevision } from '../../../src/core/import/match';
import { similarity } from '../../../src/core/compare/units';
import type { Block, RDocument } from '../../../src/core/model/schema';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { openStore } from '../../../src/services/store';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { importBytes } from '../../../src/services/import';
import { importRevision } from '../../../src/services/import/revision';
import { readSeed } from '../../fixtures/seeds';

const dir = mkdtempSync(join(tmpdir(), 'rapporteur-revision-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (doc: RDocument, id: string) => doc.text.fr?.[id]?.content.map((r) => (r.type === 'text' ? r.text : '')).join('') ?? '';

/** The draft (seed 004), and the same text as the Secretariat returns it. */
function versions() {
  const draft = importText(readSeed('004')).doc;
  const returned: RDocument = structuredClone(draft);
  const annex = returned.parts[0]!.parts[0]!;
  const paras = annex.blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  // reword paragraph 3, insert a new paragraph after paragraph 2, delete paragraph 8
  returned.text.fr![paras[2]!.id] = { content: [{ type: 'text', text: text(draft, paras[2]!.id).replace('Au cours du débat,', 'Pendant le débat,') }] };
  annex.blocks.splice(annex.blocks.indexOf(paras[7]!), 1);
  const inserted: Block = { id: 'secretariat1', kind: 'paragraph', numbered: true };
  annex.blocks.splice(annex.blocks.indexOf(paras[1]!) + 1, 0, inserted);
  returned.text.fr!.secretariat1 = { content: [{ type: 'text', text: 'Le Secrétariat a ajouté ce paragraphe sur la sécurité des Casques bleus.' }] };
  returned.meta.symbols = ['S/2019/836'];
  return { draft, returned, paras };
}

describe('matching a returned version to its draft (pure)', () => {
  it('keeps the draft’s ids for blocks matched by number and text, by text after renumbering, and marks what changed', async () => {
    const { draft, returned, paras } = versions();
    const { bytes } = await exportDocx(returned, defaultExportOptions('fr', 'issued'));
    const back = importBytes(bytes, { name: 'S-2019-836.docx' }).doc;
    const m = matchRevision(draft, back, 'fr');

    // paragraphs 1–2 keep number and words; 3 was reworded in place; 4–7 moved to 5–8 (text); 9 → 9 (number+text, 8 was deleted)
    const by = (draftPara: number) => m.matched.find((x) => x.draftId === paras[draftPara - 1]!.id);
    expect(by(1)?.by).toBe('number+text');
    expect(by(2)?.by).toBe('number+text');
    expect(by(4)?.by).toBe('text');
    expect(by(7)?.by).toBe('text');
    expect(by(9)?.by).toBe('number+text');
    expect(by(3)?.similarity).toBeLessThan(1);
    expect(by(8)).toBeUndefined();
    expect(m.removed).toEqual([paras[7]!.id]);
    // the added paragraph has a fresh id; the letter's closing and signature are matched by position
    const annex = m.doc.parts[0]!.parts[0]!;
    const added = annex.blocks[2]!;
    expect(m.added).toContain(added.id);
    expect(text(m.doc, added.id)).toBe('Le Secrétariat a ajouté ce paragraphe sur la sécurité des Casques bleus.');
    expect(m.matched.filter((x) => x.by === 'position').length).toBeGreaterThanOrEqual(2);
    // the draft's ids are where the same paragraphs are now, with the numbers they now have
    const n = numberDocument(m.doc, 'fr');
    expect(n.blocks.get(paras[3]!.id)?.label).toBe('5.');
    expect(text(m.doc, paras[2]!.id)).toMatch(/^Pendant le débat,/);
    // metadata: the draft's, with the symbol the Secretariat gave
    expect(m.doc.meta.symbols).toEqual(['S/2019/836']);
    expect(m.doc.meta.people).toEqual(draft.meta.people);
  });

  it('keeps the other language’s text for matched blocks', () => {
    const { draft, paras } = versions();
    draft.text.en = { [paras[0]!.id]: { content: [{ type: 'text', text: 'On 10 July 2019, the members of the Security Council held a debate.' }] } };
    const m = matchRevision(draft, importText(readSeed('004')).doc, 'fr');
    expect(m.doc.text.en?.[paras[0]!.id]).toEqual(draft.text.en[paras[0]!.id]);
    expect(m.removed).toEqual([]);
  });

  it('similarity is 1 for the same words, 0 for none', () => {
    const bag = (s: string) => new Map(Object.entries(s.split(' ').reduce<Record<string, number>>((a, w) => ((a[w] = (a[w] ?? 0) + 1), a), {})));
    expect(similarity(bag('a b c'), bag('c b a'))).toBe(1);
    expect(similarity(bag('a b'), bag('c d'))).toBe(0);
  });
});

describe('importRevision: the returned DOCX as a new revision of the dossier', () => {
  it('stores the draft as a named revision, then the returned version, matched', async () => {
    const store = await openStore(join(dir, 'data'), { create: true });
    try {
      const { draft, returned, paras } = versions();
      const created = store.create(draft);
      const { bytes } = await exportDocx(returned, defaultExportOptions('fr', 'issued'));
      const r = importRevision(store, created.id, bytes, { name: 'S-2019-836.docx' });
      expect(r.removed).toEqual([paras[7]!.id]);
      expect(r.added).toHaveLength(1);
      expect(r.before.label).toBe('Before the returned version');
      expect(r.revision.label).toBe('Returned version (S-2019-836.docx)');
      const now = store.get(created.id).document;
      expect(now.meta.symbols).toEqual(['S/2019/836']);
      expect(text(now, paras[2]!.id)).toMatch(/^Pendant le débat,/);
      // the draft is still there to compare with
      const before = store.revision(created.id, r.before.seq).document;
      expect(text(before, paras[2]!.id)).toMatch(/^Au cours du débat,/);
      expect(store.history(created.id).map((h) => h.label)).toEqual(expect.arrayContaining(['Before the returned version', 'Returned version (S-2019-836.docx)']));
    } finally {
      store.close();
    }
  });
});

describe('db import-revision (CLI)', () => {
  it('brings a returned DOCX in as a new revision and says what was matched; bad input is one line, exit 1', async () => {
    const { main } = await import('../../../src/cli/main');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const data = join(dir, 'cli-data');
    mkdirSync(data); // an explicit --data-dir must exist: a typo never creates a new, empty library
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: dir, env: {} };
    const { draft, returned } = versions();
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
    expect(await main(['db', '--data-dir', data, 'import', 'draft.json'], io)).toBe(0);
    const id = out.pop()!;
    const { bytes } = await exportDocx(returned, defaultExportOptions('fr', 'issued'));
    writeFileSync(join(dir, 'returned.docx'), bytes);
    expect(await main(['db', '--data-dir', data, 'import-revision', id, 'returned.docx'], io)).toBe(0);
    expect(out.pop()).toMatch(/^revision \d+: \d+ blocks matched, 1 added, 1 removed \(draft kept as revision \d+\)$/);
    expect(await main(['db', '--data-dir', data, 'history', id], io)).toBe(0);
    expect(out.join('\n')).toContain('Returned version (returned.docx)');
    expect(await main(['db', '--data-dir', data, 'import-revision', id, 'missing.docx'], io)).toBe(1);
    expect(err.pop()).toBe('rapporteur db: missing.docx: no such file');
  });
});
