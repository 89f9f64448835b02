/**
 * A returned version that carries the reviewer's own tracked changes: the draft (seed 004) is
 * exported to DOCX, edited in LibreOffice with change tracking on (through its Python UNO bridge,
 * track-changes.py), and brought back. The revision holds the text with the changes accepted;
 * the comparison lists them on their blocks as the reviewer's, with author and date; the
 * reviewer's comments (LibreOffice annotations, saved as word/comments.xml) are kept as notes on
 * the blocks they were written on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../../../src/core/import';
import type { RDocument } from '../../../src/core/model/schema';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { openStore } from '../../../src/services/store';
import { importRevision } from '../../../src/services/import/revision';
import { main } from '../../../src/cli/main';
import { readSeed } from '../../fixtures/seeds';
import { run, unoPython } from '../uno';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rapporteur-tracked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EDITS = [
  { from: 'Au cours du débat,', to: 'Pendant le débat,' },
  { from: 'En général, ', to: '' },
  { from: 'sous-régionales', to: 'sous-régionales et locales' },
];
const COMMENTS = [
  // on a paragraph the reviewer also changed, and on one left as it was
  { comment: 'Citer la résolution qui le prévoit.', on: 'coopération quadripartite' },
  { comment: 'Préciser lesquelles.', on: 'réunions tenues par le Secrétariat' },
];
// annex paragraph 7 moved up, before paragraph 5
const MOVE = { move: 'Certains membres du Conseil de sécurité ont également souligné', before: 'En ce qui concerne les réunions' };

let draft: RDocument;
let returned: Uint8Array;

beforeAll(async () => {
  draft = importText(readSeed('004')).doc;
  const { bytes } = await exportDocx(draft, defaultExportOptions('fr', 'issued'));
  writeFileSync(join(dir, 'draft.docx'), bytes);
  writeFileSync(join(dir, 'edits.json'), JSON.stringify([...EDITS, ...COMMENTS, MOVE]));
  await run(await unoPython(), [join(here, 'track-changes.py'), join(dir, 'draft.docx'), join(dir, 'returned.docx'), 'Jean Dupont', join(dir, 'edits.json')], { timeout: 120_000 });
  returned = new Uint8Array(readFileSync(join(dir, 'returned.docx')));
}, 150_000);

describe('a returned DOCX with its own tracked changes (made in LibreOffice)', () => {
  it('really carries them: w:ins and w:del by the reviewer', () => {
    const xml = new TextDecoder().decode(unzipSync(returned)['word/document.xml']!);
    expect(xml.match(/<w:ins [^>]*w:author="Jean Dupont"/g)).toHaveLength(2);
    expect(xml.match(/<w:del [^>]*w:author="Jean Dupont"/g)).toHaveLength(3);
    expect(xml.match(/<w:moveFrom [^>]*w:author="Jean Dupont"/g)?.length).toBeGreaterThan(0);
    expect(xml.match(/<w:moveTo [^>]*w:author="Jean Dupont"/g)?.length).toBeGreaterThan(0);
    expect(xml.match(/<w:commentRangeStart /g)).toHaveLength(2);
    expect(xml.match(/<w:commentReference /g)).toHaveLength(2);
    const comments = new TextDecoder().decode(unzipSync(returned)['word/comments.xml']!);
    expect(comments.match(/<w:comment [^>]*w:author="Jean Dupont"/g)).toHaveLength(2);
  });

  it('keeps its comments as notes on the blocks they are on, with author, date and the words they cover', async () => {
    const store = await openStore(join(dir, 'notes-data'), { create: true });
    try {
      const { id } = store.create(draft);
      const r = importRevision(store, id, returned, { name: 'returned.docx' });
      const saved = store.get(id).document;
      expect(r.notes).toHaveLength(2);
      expect(saved.notes).toEqual(r.notes);
      const layer = saved.text.fr!;
      const words = (blockId: string) => layer[blockId]!.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
      const [first, second] = [r.notes.find((n) => n.text === COMMENTS[0]!.comment)!, r.notes.find((n) => n.text === COMMENTS[1]!.comment)!];
      expect(first).toMatchObject({ lang: 'fr', author: 'Jean Dupont', quote: 'coopération quadripartite', source: 'returned.docx', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
      expect(words(first.block)).toContain('sous-régionales et locales');
      expect(words(first.block)).toContain('(coopération quadripartite)');
      expect(second).toMatchObject({ author: 'Jean Dupont', quote: 'réunions tenues par le Secrétariat' });
      expect(words(second.block)).toMatch(/^En ce qui concerne les réunions tenues par le Secrétariat/);
      // on the draft's own blocks: the block ids are the draft's
      const draftIds = new Set(Object.keys(draft.text.fr!));
      expect(r.notes.every((n) => draftIds.has(n.block))).toBe(true);
      // the text itself carries no trace of them
      expect(JSON.stringify(layer)).not.toContain('Citer la résolution');
    } finally {
      store.close();
    }
  });

  it('the revision holds the text with them accepted; the comparison lists them as the reviewer’s', async () => {
    const store = await openStore(join(dir, 'data'), { create: true });
    try {
      const { id } = store.create(draft);
      const r = importRevision(store, id, returned, { name: 'returned.docx' });
      expect(r.tracked).toBe(7);
      const text = JSON.stringify(store.get(id).document.text.fr);
      expect(text).toContain('Pendant le débat,');
      expect(text).not.toContain('Au cours du débat,');
      expect(text).toContain('sous-régionales et locales');

      const changed = r.comparison.blocks.filter((c) => c.op === 'changed');
      expect(changed).toHaveLength(3);
      expect(r.comparison.summary).toMatchObject({ changed: 3, moved: 1, inserted: 0, deleted: 0 });
      for (const c of changed) {
        expect(c.tracked!.length).toBeGreaterThan(0);
        for (const t of c.tracked!) expect(t).toMatchObject({ author: 'Jean Dupont', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
      }
      // the paragraph the reviewer moved: where it was and where it went, as theirs
      const moved = r.comparison.blocks.filter((c) => c.op === 'moved');
      expect(moved).toHaveLength(1);
      expect(moved[0]!.op === 'moved' && moved[0]!.old.label?.ref).toBe('7');
      expect(moved[0]!.tracked!.map((t) => [t.kind, t.author])).toEqual([
        ['moveFrom', 'Jean Dupont'],
        ['moveTo', 'Jean Dupont'],
      ]);
      expect(moved[0]!.tracked![1]!.text).toMatch(/^Certains membres du Conseil de sécurité/);
      const first = changed[0]!;
      expect(first.tracked!.map((t) => [t.kind, t.text])).toEqual([
        ['delete', 'Au cours du débat,'],
        ['insert', 'Pendant le débat,'],
      ]);
      expect(first.op === 'changed' && first.runs!.filter((x) => x.op !== 'equal').map((x) => [x.op, x.text])).toEqual([
        ['delete', 'Au cours du'],
        ['insert', 'Pendant le'],
      ]);
    } finally {
      store.close();
    }
  });

  it('db import-revision --show says whose changes they were', async () => {
    const lib = join(dir, 'cli-data');
    mkdirSync(lib);
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(`err: ${t}`), cwd: dir, env: {} };
    expect(await main(['db', '--data-dir', lib, 'import', 'draft.json'], io)).toBe(0);
    const id = out.pop()!;
    expect(await main(['db', '--data-dir', lib, 'import-revision', id, 'returned.docx', '--show'], io)).toBe(0);
    expect(out[0]).toMatch(/^revision \d+: \d+ blocks matched, 0 added, 0 removed \(draft kept as revision \d+\); 7 tracked changes in the file, accepted; 2 comments kept as notes$/);
    expect(out).toContain('annexe par. 3\u00a0: modification (suivi des modifications\u00a0: Jean Dupont)\t[-Au cours du-]{+Pendant le+} débat, les pays participants …');
    expect(out.filter((l) => l.includes('(suivi des modifications\u00a0: Jean Dupont)'))).toHaveLength(4);
    expect(out).toContain('note de Jean Dupont, ' + new Date().toISOString().slice(0, 10) + '\u00a0: Citer la résolution qui le prévoit. (sur «\u00a0coopération quadripartite\u00a0»)');
    expect(out.filter((l) => l.startsWith('note de Jean Dupont'))).toHaveLength(2);
  });
});
