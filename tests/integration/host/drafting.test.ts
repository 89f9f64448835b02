/**
 * The channels the drafting screens use (issue 12a), through the contract's dispatcher on a REAL
 * store: compare two revisions, finalise, duplicate, import a file as a dossier (text, a DOCX
 * LibreOffice Writer made from the same seed, .rapporteur, bad files), import a returned
 * version, empty the trash (a finalised dossier is kept).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../src/core/compare';
import type { RDocument } from '../../../src/core/model/schema';
import { exportDocx } from '../../../src/services/export/docx/index';
import { defaultExportOptions } from '../../../src/core/render/options';
import { createHostHandlers } from '../../../src/services/host/handlers';
import type { Store } from '../../../src/services/store';
import { createDispatcher, type ChannelName, type Dossier, type EmptiedTrash, type ImportedDossier, type Result, type ReturnedVersion, type RevisionInfo } from '../../../src/shared/ipc-contract';
import { SEEDS_DIR } from '../../fixtures/seeds';
import { freshStore, tempDir } from '../store/helpers';

function host(store: Store) {
  const dispatch = createDispatcher(createHostHandlers({ store, appInfo: { name: 'Rapporteur', version: '0', platform: 'test' }, defaultLanguage: 'fr' }), (channel, error) => {
    throw new Error(`${channel} threw: ${String(error)}`);
  });
  return async <T>(channel: ChannelName, input?: unknown) => (await dispatch(channel, input)) as Result<T>;
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

const SEED_000 = join(SEEDS_DIR, '000_364a0ca6f4d75822.txt');
const SEED_004 = join(SEEDS_DIR, '004_efe4f574585daaaf.txt');

/** The first numbered paragraph's id and words (French). */
function firstParagraph(doc: RDocument): { id: string; text: string } {
  for (const part of [doc.parts[0]!, ...doc.parts[0]!.parts]) {
    for (const b of part.blocks) {
      if (b.kind === 'paragraph' && b.numbered) return { id: b.id, text: doc.text.fr![b.id]!.content.map((r) => (r.type === 'text' ? r.text : '')).join('') };
    }
  }
  throw new Error('no numbered paragraph');
}

describe('history channels: compare, finalise, duplicate', () => {
  it('compares a named snapshot with the current text: the changed word is a run; renumbered-only blocks are not changed', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const imported = value(await call<ImportedDossier>('dossier.import', { name: 'seed004.txt', bytes: readFileSync(SEED_004) }));
    const { id } = imported.dossier;
    const snap = value(await call<RevisionInfo>('dossier.snapshot', { id, label: 'Avant relecture' }));
    const doc = structuredClone(imported.dossier.document);
    const para = firstParagraph(doc);
    doc.text.fr![para.id] = { content: [{ type: 'text', text: para.text.replace('membres', 'représentants') }] };
    value(await call('dossier.save', { id, document: doc, baseVersion: imported.dossier.version }));

    const diff = value(await call<CompareResult>('dossier.compare', { id, from: snap.seq, to: 'current', lang: 'fr' }));
    expect(diff.summary).toMatchObject({ changed: 1, inserted: 0, deleted: 0, renumbered: 0 });
    const change = diff.blocks[0]!;
    expect(change.op).toBe('changed');
    const runs = 'runs' in change ? (change.runs ?? []) : [];
    expect(runs.filter((r) => r.op === 'delete').map((r) => r.text.trim())).toEqual(['membres']);
    expect(runs.filter((r) => r.op === 'insert').map((r) => r.text.trim())).toEqual(['représentants']);
    // The other way round, and a revision against itself.
    expect(value(await call<CompareResult>('dossier.compare', { id, from: 'current', to: snap.seq, lang: 'fr' })).summary.changed).toBe(1);
    expect(value(await call<CompareResult>('dossier.compare', { id, from: snap.seq, to: snap.seq, lang: 'fr' })).blocks).toEqual([]);
    expect(await call('dossier.compare', { id, from: 999, to: 'current', lang: 'fr' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('finalises the current text as a locked named revision, refuses a stale version, and duplicates a dossier', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    expect(await call('dossier.finalize', { id: d.id, label: 'Signée', baseVersion: d.version + 1 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(store.history(d.id).some((r) => r.locked)).toBe(false);
    const final = value(await call<RevisionInfo>('dossier.finalize', { id: d.id, label: 'Version signée', baseVersion: d.version }));
    expect(final).toMatchObject({ reason: 'final', locked: true, label: 'Version signée' });
    expect(store.history(d.id)[0]).toMatchObject({ seq: final.seq, locked: true });
    // "New draft from this version": a restore of the finalised revision; the locked one stays.
    const restored = value(await call<{ dossier: Dossier; revision: RevisionInfo }>('dossier.restore', { id: d.id, seq: final.seq, baseVersion: d.version }));
    expect(restored.revision).toMatchObject({ reason: 'restore', locked: false, restoredFrom: final.seq });
    expect(store.history(d.id).find((r) => r.seq === final.seq)).toMatchObject({ locked: true });

    const copy = value(await call<Dossier>('dossier.copy', { id: d.id }));
    expect(copy.id).not.toBe(d.id);
    expect(copy.title).toBe(d.title);
    expect(copy.document).toEqual(store.get(d.id).document);
    expect(store.list().map((x) => x.id).sort()).toEqual([d.id, copy.id].sort());
    expect(await call('dossier.copy', { id: 'aaaaaaaaaaaa' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('import channels', () => {
  it('imports seed 000 as text and the DOCX LibreOffice Writer saved from it to the same structure, with the unsure table at its block', async () => {
    const dir = tempDir('rapporteur-writer-');
    copyFileSync(SEED_000, join(dir, 'seed000.txt'));
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--infilter=Text (encoded):UTF8', '--convert-to', 'docx', '--outdir', dir, join(dir, 'seed000.txt')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const { store } = await freshStore();
    const call = host(store);
    const text = value(await call<ImportedDossier>('dossier.import', { name: 'seed000.txt', bytes: readFileSync(SEED_000) }));
    const docx = value(await call<ImportedDossier>('dossier.import', { name: 'seed000.docx', bytes: readFileSync(join(dir, 'seed000.docx')) }));
    expect(text.format).toBe('text');
    expect(docx.format).toBe('docx');
    for (const r of [text, docx]) {
      expect(r.dossier.title).toBe("Lettre datée du 13 février 2017, adressée au Président du Conseil de sécurité par le Représentant permanent du Sénégal auprès de l'Organisation des Nations Unies");
      expect(r.dossier.kind).toBe('annual-report');
      expect(store.history(r.dossier.id)[0]).toMatchObject({ reason: 'imported' });
      // What the importer was unsure of names its block, which exists in the document.
      const table = r.unsure.find((u) => u.code === 'table-rebuilt');
      expect(table?.blockId).toBeDefined();
      expect(JSON.stringify(r.dossier.document.parts)).toContain(`"id":"${table!.blockId}","kind":"table"`);
    }
    expect(docx.dossier.document.parts).toEqual(text.dossier.document.parts);
  }, 180_000);

  it('imports a .rapporteur file with its history; refuses an empty, a damaged and a foreign file without creating anything', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const d = value(await call<Dossier>('dossier.create', { kind: 'concept-note', lang: 'en' }));
    value(await call('dossier.snapshot', { id: d.id, label: 'Named' }));
    const file = new TextEncoder().encode(JSON.stringify(store.exportDossier(d.id, { history: true })));
    const back = value(await call<ImportedDossier>('dossier.import', { name: 'note.rapporteur', bytes: file }));
    expect(back.format).toBe('rapporteur');
    expect(back.dossier.document).toEqual(d.document);
    expect(store.history(back.dossier.id).map((r) => r.reason)).toContain('named');

    const before = store.list().length;
    const bad: [string, Uint8Array, RegExp][] = [
      ['empty.txt', new Uint8Array(), /empty/],
      ['broken.docx', new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), /docx|zip|damaged/i],
      ['scan.pdf', new TextEncoder().encode('%PDF-1.4'), /cannot be imported/],
      ['bad.rapporteur', new TextEncoder().encode('{"format":"rapporteur"'), /not valid JSON/],
    ];
    for (const [name, bytes, message] of bad) {
      const r = await call('dossier.import', { name, bytes });
      expect(r, name).toMatchObject({ ok: false });
      if (!r.ok) {
        expect(['invalid-file', 'invalid-document']).toContain(r.error.code);
        expect(r.error.message).toMatch(message);
      }
    }
    expect(store.list()).toHaveLength(before);
    expect(await call('dossier.import', { name: 'x.txt', bytes: 'not bytes' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await call('dossier.import', { name: '', bytes: new Uint8Array([65]) })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('brings a returned DOCX in as a new revision, keeps the draft under the given name, and compares them', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const draft = value(await call<ImportedDossier>('dossier.import', { name: 'seed004.txt', bytes: readFileSync(SEED_004) })).dossier;
    const returned = structuredClone(draft.document);
    const para = firstParagraph(returned);
    returned.text.fr![para.id] = { content: [{ type: 'text', text: para.text.replace('Le 10 juillet 2019', 'Le mercredi 10 juillet 2019') }] };
    const { bytes } = await exportDocx(returned, defaultExportOptions('fr', 'manuscript'));
    const dir = tempDir('rapporteur-returned-');
    writeFileSync(join(dir, 'returned.docx'), bytes);

    expect(await call('dossier.importRevision', { id: draft.id, name: 'returned.docx', bytes, baseVersion: draft.version + 5, label: 'Version renvoyée', beforeLabel: 'Avant' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(store.history(draft.id)).toHaveLength(1);
    const r = value(await call<ReturnedVersion>('dossier.importRevision', { id: draft.id, name: 'returned.docx', bytes, baseVersion: draft.version, label: 'Version renvoyée', beforeLabel: 'Avant la version renvoyée' }));
    expect(r.before).toMatchObject({ reason: 'named', label: 'Avant la version renvoyée' });
    expect(r.revision).toMatchObject({ reason: 'named', label: 'Version renvoyée' });
    expect(r.comparison.summary.changed).toBe(1);
    // an edited export without comments or tracked changes of its own
    expect([r.tracked, r.notes]).toEqual([0, 0]);
    const change = r.comparison.blocks.find((b) => b.op === 'changed')!;
    expect('runs' in change && change.runs?.some((w) => w.op === 'insert' && w.text.includes('mercredi'))).toBe(true);
    expect(r.dossier.version).toBeGreaterThan(draft.version);
    // After finalisation a returned version still comes in.
    value(await call('dossier.finalize', { id: draft.id, label: 'Signée', baseVersion: r.dossier.version }));
    const again = value(await call<ReturnedVersion>('dossier.importRevision', { id: draft.id, name: 'returned.docx', bytes, baseVersion: r.dossier.version, label: 'Encore', beforeLabel: 'Avant encore' }));
    expect(again.revision.label).toBe('Encore');
    expect(store.history(draft.id).filter((x) => x.locked)).toHaveLength(1);
  });
});

describe('library.emptyTrash', () => {
  it('deletes the trash for good but keeps a dossier holding a finalised revision', async () => {
    const { store } = await freshStore();
    const call = host(store);
    const a = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'fr' }));
    const b = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'en' }));
    const live = value(await call<Dossier>('dossier.create', { kind: 'letter', lang: 'en' }));
    value(await call('dossier.finalize', { id: b.id, label: 'Signed', baseVersion: b.version }));
    value(await call('dossier.trash', { id: a.id }));
    value(await call('dossier.trash', { id: b.id }));
    const r = value(await call<EmptiedTrash>('library.emptyTrash'));
    expect(r.purged).toBe(1);
    expect(r.kept.map((k) => k.id)).toEqual([b.id]);
    expect(store.list({ trash: 'include' }).map((x) => x.id).sort()).toEqual([b.id, live.id].sort());
    expect(value(await call<EmptiedTrash>('library.emptyTrash'))).toEqual({ purged: 0, kept: [expect.objectContaining({ id: b.id })] });
  });
});
