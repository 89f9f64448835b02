/**
 * The store on a real file: dossiers in and out (validated), autosave with conflict detection,
 * revisions (timing, dedupe, named, finalised, restore), trash, list, settings, images.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { asResult, openStore, StoreError, type Store } from '../../../src/services/store';
import { editParagraph, makeDocument } from './docs';
import { addLanguageVersion } from '../../../src/core/translation/versions';
import { freshStore, MINUTE, TINY_PNG, track } from './helpers';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e.code;
    throw e;
  }
  return undefined;
}

function countRows(store: Store, table: string): number {
  return store.connection.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

describe('store: dossiers in and out', () => {
  it('opens with WAL, synchronous=FULL and foreign keys on', async () => {
    const { store } = await freshStore();
    expect(store.connection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.connection.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.connection.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('creates a dossier and gives back exactly the document, with list facts derived from it', async () => {
    const { store, clock } = await freshStore();
    const doc = makeDocument({ paragraphs: 3, symbols: ['S/2026/123'], title: { fr: 'Rapport annuel du Groupe', en: 'Annual report of the Group' } });
    const created = store.create(doc);
    expect(created.id).toMatch(/^[0-9a-hjkmnp-tv-z]{12}$/);
    expect(created).toMatchObject({ title: 'Rapport annuel du Groupe', kind: 'annual-report', languages: ['fr', 'en'], symbols: ['S/2026/123'], version: 1, trashedAt: null });
    expect(created.createdAt).toBe(clock.t);
    expect(created.revision).toMatchObject({ seq: 1, reason: 'created', locked: false });
    const got = store.get(created.id);
    expect(got.document).toEqual(doc);
  });

  it('derives the title in the original language, falling back to the other', async () => {
    const { store } = await freshStore();
    const en = store.create(makeDocument({ originalLanguage: 'en', title: { fr: 'Titre', en: 'Title' } }));
    expect(en.title).toBe('Title');
    const frOnly = store.create(makeDocument({ originalLanguage: 'en', languages: ['fr'], title: { fr: 'Seulement en français' } }));
    expect(frOnly.title).toBe('Seulement en français');
    expect(frOnly.languages).toEqual(['fr']);
    // A translation just begun (its version created empty) is listed in both languages.
    const begun = store.create(addLanguageVersion(makeDocument({ languages: ['fr'] }), 'fr', 'en', 'empty'));
    expect(begun.languages).toEqual(['fr', 'en']);
  });

  it('refuses an invalid document with the exact path, and stores nothing', async () => {
    const { store } = await freshStore();
    const bad = makeDocument() as unknown as { parts: { blocks: { numbered: unknown }[] }[] };
    bad.parts[0]!.blocks[1]!.numbered = 'yes';
    let err: StoreError | undefined;
    try {
      store.create(bad);
    } catch (e) {
      err = e as StoreError;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect(err!.code).toBe('invalid-document');
    expect(err!.message).toContain('parts[0].blocks[1].numbered');
    expect(store.list({ trash: 'include' })).toEqual([]);
    expect(code(() => store.create('not a document'))).toBe('invalid-document');
  });

  it('reports a stored row that no longer validates as invalid-document naming the dossier, and keeps listing', async () => {
    const { store, dir } = await freshStore();
    const a = store.create(makeDocument({ title: { fr: 'Abîmé' } }));
    const b = store.create(makeDocument({ title: { fr: 'Intact' } }));
    // A row an older or buggy writer left behind: well-formed, checksummed, but not a valid document.
    const raw = new Database(join(dir, 'rapporteur.db'));
    const num = raw.prepare('SELECT num FROM dossiers WHERE id = ?').pluck().get(a.id);
    const stored = JSON.parse(raw.prepare('SELECT json FROM documents WHERE dossier_num = ?').pluck().get(num) as string);
    stored.parts[0].kind = 'chapitre';
    const json = JSON.stringify(stored);
    raw.prepare('UPDATE documents SET checksum = ?, json = ? WHERE dossier_num = ?').run(crc32(json), json, num);
    raw.close();
    let err: StoreError | undefined;
    try {
      store.get(a.id);
    } catch (e) {
      err = e as StoreError;
    }
    expect(err?.code).toBe('invalid-document');
    expect(err?.message).toContain(a.id);
    expect(err?.message).toContain('Abîmé');
    expect(err?.message).toContain('parts[0].kind');
    expect(store.get(b.id).title).toBe('Intact');
    expect(store.list().map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    // Not-JSON is reported the same way.
    const raw2 = new Database(join(dir, 'rapporteur.db'));
    raw2.prepare(`UPDATE documents SET checksum = ?, json = '{"trunc' WHERE dossier_num = ?`).run(crc32('{"trunc'), num);
    raw2.close();
    expect(code(() => store.get(a.id))).toBe('invalid-document');
    // Search still works and still finds the damaged dossier by its title.
    expect(store.search('abime').map((h) => h.id)).toEqual([a.id]);
  });

  it('not-found for unknown ids and revisions', async () => {
    const { store } = await freshStore();
    const d = store.create(makeDocument());
    expect(code(() => store.get('zzzzzzzzzzzz'))).toBe('not-found');
    expect(code(() => store.revision(d.id, 99))).toBe('not-found');
    expect(code(() => store.restore(d.id, 99))).toBe('not-found');
  });

  it('gives errors as data for IPC', async () => {
    const { store } = await freshStore();
    expect(await asResult(() => store.list())).toEqual({ ok: true, value: [] });
    const r = await asResult(() => store.get('zzzzzzzzzzzz'));
    expect(r).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no dossier zzzzzzzzzzzz.', details: { id: 'zzzzzzzzzzzz' } } });
  });

  it('refuses every call after close', async () => {
    const { store } = await freshStore();
    store.close();
    expect(code(() => store.list())).toBe('closed');
  });
});

describe('store: autosave and conflicts', () => {
  it('bumps the version on a change and writes nothing for an identical document', async () => {
    const { store } = await freshStore();
    const doc = makeDocument();
    const d = store.create(doc);
    const same = store.save(d.id, structuredClone(doc), { base: 1 });
    const { document: _, ...summary } = store.get(d.id);
    expect(same).toEqual({ ...summary, changed: false, revision: undefined });
    const changed = store.save(d.id, editParagraph(doc, 0, 'Nouveau texte.'), { base: 1 });
    expect(changed).toMatchObject({ version: 2, changed: true });
    expect(store.get(d.id).version).toBe(2);
  });

  it('answers a save with the dossier’s new summary: the title the library lists follows the text', async () => {
    const { store, clock } = await freshStore();
    const doc = makeDocument();
    const d = store.create(doc);
    const retitled = structuredClone(doc);
    const titled = retitled.parts.find((p) => retitled.text.fr?.[p.id] !== undefined)!;
    retitled.text.fr![titled.id] = { content: [{ type: 'text', text: 'Un tout autre titre' }] };
    clock.advance(1000);
    const saved = store.save(d.id, retitled, { base: 1 });
    const { document: _, ...summary } = store.get(d.id);
    expect(saved).toMatchObject({ ...summary, changed: true });
    expect(saved.title).toBe('Un tout autre titre');
    expect(saved.updatedAt).toBeGreaterThan(d.updatedAt);
    expect(store.list()[0]).toEqual(summary);
  });

  it('refuses a save from a stale base as a conflict and keeps the newer text (two windows on one file)', async () => {
    const { store: windowA, dir, clock } = await freshStore();
    const windowB = track(await openStore(dir, { now: clock.now }));
    const doc = makeDocument();
    const d = windowA.create(doc);
    const opened = windowB.get(d.id);
    expect(opened.version).toBe(1);

    windowA.save(d.id, editParagraph(doc, 0, 'Texte de la fenêtre A.'), { base: 1 });
    let err: StoreError | undefined;
    try {
      windowB.save(d.id, editParagraph(doc, 0, 'Texte de la fenêtre B.'), { base: opened.version });
    } catch (e) {
      err = e as StoreError;
    }
    expect(err?.code).toBe('conflict');
    expect(err?.details).toMatchObject({ id: d.id, base: 1, current: 2 });
    const now = windowA.get(d.id);
    expect(JSON.stringify(now.document)).toContain('Texte de la fenêtre A.');
    expect(JSON.stringify(now.document)).not.toContain('fenêtre B');
    // After reloading, window B can save on the current version.
    expect(windowB.save(d.id, editParagraph(now.document, 1, 'Ensuite B.'), { base: now.version }).version).toBe(3);
  });

  it('refuses an invalid save and leaves the stored text as it was', async () => {
    const { store } = await freshStore();
    const doc = makeDocument();
    const d = store.create(doc);
    const bad = structuredClone(doc) as unknown as { meta: { symbols: string[] } };
    bad.meta.symbols = ['A/1', 'S/2', 'E/3'];
    expect(code(() => store.save(d.id, bad, { base: 1 }))).toBe('invalid-document');
    expect(store.get(d.id)).toMatchObject({ version: 1, document: doc });
  });
});

describe('store: revisions', () => {
  it('records an automatic revision every few minutes of editing, not on every save', async () => {
    const { store, clock } = await freshStore();
    let doc = makeDocument();
    const d = store.create(doc);
    let version = d.version;
    const recorded: number[] = [];
    for (let i = 1; i <= 12 * 60; i++) {
      clock.advance(1000);
      doc = editParagraph(doc, 0, `Frappe ${i}`);
      const r = store.save(d.id, doc, { base: version });
      version = r.version;
      if (r.revision) recorded.push(r.revision.createdAt);
    }
    // 12 minutes of typing with the default 5-minute interval: revisions at 5 and 10 minutes.
    expect(recorded.length).toBe(2);
    const history = store.history(d.id);
    expect(history.map((r) => r.reason)).toEqual(['auto', 'auto', 'created']);
    expect(history[0]!.createdAt - history[1]!.createdAt).toBeGreaterThanOrEqual(5 * MINUTE);
    // Closing records the text typed since the last revision, once.
    const closed = store.closeDossier(d.id);
    expect(closed).toMatchObject({ seq: 4, reason: 'close' });
    expect(store.closeDossier(d.id)).toBeUndefined();
    expect(store.history(d.id)).toHaveLength(4);
    expect(store.revision(d.id, 4).document).toEqual(doc);
  });

  it('stores identical texts once: named snapshots of an unchanged text share its blob', async () => {
    const { store } = await freshStore();
    const d = store.create(makeDocument({ paragraphs: 50 }));
    const blobs = countRows(store, 'blobs');
    const s1 = store.snapshot(d.id, 'Sent to the Secretariat 12 March');
    const s2 = store.snapshot(d.id, 'Copie pour la capitale');
    expect(s1).toMatchObject({ seq: 2, reason: 'named', label: 'Sent to the Secretariat 12 March' });
    expect(s2.hash).toBe(s1.hash);
    expect(countRows(store, 'blobs')).toBe(blobs);
    expect(store.closeDossier(d.id)).toBeUndefined();
    expect(code(() => store.snapshot(d.id, '   '))).toBe('invalid-request');
  });

  it('restores a revision as a new revision, recording unsaved history first; nothing is overwritten', async () => {
    const { store, clock } = await freshStore();
    const v1 = makeDocument();
    const d = store.create(v1);
    clock.advance(MINUTE);
    const v2 = editParagraph(v1, 0, 'Deuxième état.');
    store.save(d.id, v2, { base: 1 });
    store.snapshot(d.id, 'Second state');
    clock.advance(MINUTE);
    const v3 = editParagraph(v2, 0, 'Troisième état, jamais mis en révision.');
    store.save(d.id, v3, { base: 2 });
    const before = store.history(d.id);
    expect(before.map((r) => r.seq)).toEqual([2, 1]);

    const out = store.restore(d.id, 1);
    expect(out.revision).toMatchObject({ seq: 4, reason: 'restore', restoredFrom: 1 });
    expect(out.version).toBe(4);
    const after = store.history(d.id);
    expect(after.map((r) => `${r.seq}:${r.reason}`)).toEqual(['4:restore', '3:auto', '2:named', '1:created']);
    // The text that was current before the restore is in history (revision 3), and the restored text is current.
    expect(store.revision(d.id, 3).document).toEqual(v3);
    expect(store.get(d.id).document).toEqual(v1);
    // Every older revision is unchanged.
    expect(store.revision(d.id, 2).document).toEqual(v2);
    expect(store.revision(d.id, 1).document).toEqual(v1);
    // A restore from a stale base is a conflict.
    expect(code(() => store.restore(d.id, 2, { base: 1 }))).toBe('conflict');
  });

  it('locks a finalised revision: it can be copied and restored from, never changed or deleted', async () => {
    const { store, dir } = await freshStore();
    const doc = makeDocument({ title: { fr: 'Lettre signée' } });
    const d = store.create(doc);
    const fin = store.finalize(d.id, { label: 'Signed by the Ambassador' });
    expect(fin).toMatchObject({ seq: 2, reason: 'final', locked: true, label: 'Signed by the Ambassador' });
    expect(code(() => store.renameRevision(d.id, 2, 'Other name'))).toBe('locked-revision');
    expect(code(() => store.finalize(d.id, { seq: 2 }))).toBe('locked-revision');

    // Even raw SQL cannot change or delete it (triggers).
    const raw = new Database(join(dir, 'rapporteur.db'));
    expect(() => raw.prepare(`UPDATE revisions SET label = 'x' WHERE locked = 1`).run()).toThrow(/locked revision/);
    expect(() => raw.prepare(`DELETE FROM revisions WHERE locked = 1`).run()).toThrow(/locked revision/);
    raw.close();

    // Copy: a new dossier with the finalised text.
    const copy = store.copy(d.id, 2);
    expect(copy.id).not.toBe(d.id);
    expect(store.get(copy.id).document).toEqual(doc);
    // Editing and restoring around it leaves it as it was.
    store.save(d.id, editParagraph(doc, 0, 'Modifié après signature.'), { base: 1 });
    store.restore(d.id, 2);
    expect(store.revision(d.id, 2).info).toMatchObject({ locked: true, label: 'Signed by the Ambassador' });
    expect(store.revision(d.id, 2).document).toEqual(doc);
    // A dossier holding a finalised revision cannot be purged.
    store.trash(d.id);
    expect(code(() => store.purge(d.id))).toBe('locked-revision');
    expect(store.summary(d.id).id).toBe(d.id);
  });

  it('finalises an existing revision and renames named snapshots', async () => {
    const { store } = await freshStore();
    const d = store.create(makeDocument());
    const named = store.snapshot(d.id, 'Draft for capital');
    expect(store.renameRevision(d.id, named.seq, 'Draft for the capital').label).toBe('Draft for the capital');
    expect(code(() => store.renameRevision(d.id, 1, 'x'))).toBe('invalid-request');
    expect(store.finalize(d.id, { seq: named.seq })).toMatchObject({ locked: true, label: 'Draft for the capital' });
  });
});

describe('store: trash, list, purge', () => {
  async function three() {
    const ctx = await freshStore();
    const { store, clock } = ctx;
    const a = store.create(makeDocument({ title: { fr: 'Élections au Conseil' }, kind: 'letter', languages: ['fr'] }));
    clock.advance(MINUTE);
    const b = store.create(makeDocument({ title: { fr: 'Bilan annuel', en: 'Annual review' }, kind: 'annual-report' }));
    clock.advance(MINUTE);
    const c = store.create(makeDocument({ title: { en: 'Concept note' }, kind: 'concept-note', languages: ['en'], originalLanguage: 'en' }));
    clock.advance(MINUTE);
    store.save(a.id, editParagraph(store.get(a.id).document, 0, 'Mis à jour.'), { base: 1 });
    return { ...ctx, a, b, c };
  }

  it('sorts by updated, created and title (accents folded), both ways', async () => {
    const { store, a, b, c } = await three();
    expect(store.list().map((d) => d.id)).toEqual([a.id, c.id, b.id]);
    expect(store.list({ sort: 'created' }).map((d) => d.id)).toEqual([c.id, b.id, a.id]);
    expect(store.list({ sort: 'created', direction: 'asc' }).map((d) => d.id)).toEqual([a.id, b.id, c.id]);
    expect(store.list({ sort: 'title' }).map((d) => d.title)).toEqual(['Bilan annuel', 'Concept note', 'Élections au Conseil']);
    expect(store.list({ sort: 'title', limit: 1, offset: 1 }).map((d) => d.id)).toEqual([c.id]);
  });

  it('filters by kind and language, and keeps the trash out unless asked', async () => {
    const { store, a, b, c } = await three();
    expect(store.list({ kind: 'letter' }).map((d) => d.id)).toEqual([a.id]);
    expect(store.list({ language: 'en', sort: 'created', direction: 'asc' }).map((d) => d.id)).toEqual([b.id, c.id]);
    expect(store.list({ language: 'fr', sort: 'created', direction: 'asc' }).map((d) => d.id)).toEqual([a.id, b.id]);
    store.trash(b.id);
    expect(store.list().map((d) => d.id)).not.toContain(b.id);
    expect(store.list({ trash: 'only' }).map((d) => d.id)).toEqual([b.id]);
    expect(store.list({ trash: 'include' })).toHaveLength(3);
    expect(store.summary(b.id).trashedAt).not.toBeNull();
    store.untrash(b.id);
    expect(store.list()).toHaveLength(3);
    expect(code(() => store.list({ limit: -1 }))).toBe('invalid-request');
  });

  it('purges only from the trash, and frees blobs and images nothing else uses', async () => {
    const { store, a, b } = await three();
    store.putAsset(a.id, { name: 'logo.png', role: 'letterhead', bytes: TINY_PNG });
    expect(code(() => store.purge(a.id))).toBe('invalid-request');
    store.trash(a.id);
    store.purge(a.id);
    expect(code(() => store.get(a.id))).toBe('not-found');
    expect(countRows(store, 'assets')).toBe(0);
    const referenced = store.connection.prepare('SELECT count(DISTINCT blob_hash) FROM revisions').pluck().get();
    expect(countRows(store, 'blobs')).toBe(referenced);
    expect(store.get(b.id).title).toBe('Bilan annuel');
  });
});

describe('store: settings and images', () => {
  it('keeps settings across reopening', async () => {
    const { store, dir, clock } = await freshStore();
    store.setSetting('ui.language', 'fr');
    store.setSetting('ui.recent', ['a', 'b']);
    store.close();
    const again = track(await openStore(dir, { now: clock.now }));
    expect(again.getSetting('ui.language')).toBe('fr');
    expect(again.getSetting('ui.recent')).toEqual(['a', 'b']);
    again.setSetting('ui.language', undefined);
    expect(again.getSetting('ui.language')).toBeUndefined();
  });

  it('stores an image once by hash, checks what it is, and frees it when no dossier uses it', async () => {
    const { store } = await freshStore();
    const a = store.create(makeDocument());
    const b = store.create(makeDocument());
    const info = store.putAsset(a.id, { name: 'logo.png', role: 'letterhead', bytes: TINY_PNG, mime: 'image/png' });
    store.putAsset(b.id, { name: 'mission.png', role: 'image', bytes: TINY_PNG });
    expect(countRows(store, 'assets')).toBe(1);
    expect(store.getAsset(a.id, 'logo.png').bytes.equals(Buffer.from(TINY_PNG))).toBe(true);
    expect(store.listAssets(b.id)).toEqual([{ name: 'mission.png', role: 'image', mime: 'image/png', size: TINY_PNG.length, hash: info.hash }]);
    expect(code(() => store.putAsset(a.id, { name: 'x.png', role: 'image', bytes: Buffer.from('GIF89a, not really'), mime: 'image/png' }))).toBe('invalid-asset');
    expect(code(() => store.putAsset(a.id, { name: 'x.txt', role: 'image', bytes: Buffer.from('hello') }))).toBe('invalid-asset');
    expect(code(() => store.putAsset(a.id, { name: '../x.png', role: 'image', bytes: TINY_PNG }))).toBe('invalid-asset');
    store.removeAsset(a.id, 'logo.png');
    expect(countRows(store, 'assets')).toBe(1);
    store.removeAsset(b.id, 'mission.png');
    expect(countRows(store, 'assets')).toBe(0);
    expect(code(() => store.getAsset(a.id, 'logo.png'))).toBe('not-found');
  });
});
