/**
 * Migrations: each one on a database of the version before it, all pending ones in one
 * transaction (a failure leaves the file as it was), a backup before migrating, and refusal of a
 * database from a newer version or of another program's database.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, LATEST_VERSION, MIGRATIONS } from '../../../src/services/store';
import { openDatabase } from '../../../src/services/store/database';
import { migration001, APPLICATION_ID } from '../../../src/services/store/migrations/001_initial';
import { migration002 } from '../../../src/services/store/migrations/002_search';
import type { Migration } from '../../../src/services/store/migrations';
import { makeDocument } from './docs';
import { Clock, tempDir, track, fileHash, rejects } from './helpers';



/** A database at version 1 holding one dossier, written the way version 1 wrote it. */
async function versionOneLibrary(dir: string): Promise<{ id: string; json: string }> {
  const { db } = await openDatabase(dir, { now: new Clock().now, migrations: [migration001] });
  const doc = makeDocument({ title: { fr: 'Rapport sur la sécurité maritime' } });
  const json = JSON.stringify(doc);
  const hash = createHash('sha256').update(json).digest('hex');
  const id = 'v1dossier000';
  const t = Date.UTC(2025, 0, 1);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO dossiers (num, id, title, title_key, kind, original_language, languages, symbols, created_at, updated_at, version)
       VALUES (1, ?, 'Rapport sur la sécurité maritime', 'rapport sur la securite maritime', 'annual-report', 'fr', 'fr,en', '[]', ?, ?, 1)`,
    ).run(id, t, t);
    db.prepare('INSERT INTO documents (dossier_num, checksum, json) VALUES (1, ?, ?)').run(crc32(json), json);
    db.prepare(`INSERT INTO blobs (hash, encoding, size, data) VALUES (?, 'json', ?, ?)`).run(hash, json.length, Buffer.from(json));
    db.prepare(`INSERT INTO revisions (dossier_num, seq, created_at, reason, blob_hash) VALUES (1, 1, ?, 'created', ?)`).run(t, hash);
  })();
  db.close();
  return { id, json };
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… and the store writes the last one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.name}) applies on a version ${m.version - 1} database and sets user_version ${m.version}`, async () => {
      const dir = tempDir();
      const opened = await openDatabase(dir, { now: new Clock().now, migrations: MIGRATIONS.slice(0, m.version - 1) });
      expect(opened.db.pragma('user_version', { simple: true })).toBe(m.version - 1);
      opened.db.close();
      const again = await openDatabase(dir, { now: new Clock().now, migrations: MIGRATIONS.slice(0, m.version) });
      expect(again.db.pragma('user_version', { simple: true })).toBe(m.version);
      expect(again.migratedFrom).toBe(m.version - 1);
      expect(again.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(again.db.pragma('foreign_key_check')).toEqual([]);
      again.db.close();
    });
  }

  it('001 creates the tables, marks the file as Rapporteur’s, enforces foreign keys and locks', async () => {
    const dir = tempDir();
    const { db } = await openDatabase(dir, { now: new Clock().now, migrations: [migration001] });
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(['assets', 'blobs', 'documents', 'dossier_assets', 'dossiers', 'revisions', 'settings']);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(() => db.prepare(`INSERT INTO documents (dossier_num, checksum, json) VALUES (42, 0, '{}')`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'not json')`).run()).toThrow(/CHECK/);
    db.exec(`
      INSERT INTO dossiers (num, id, title, title_key, kind, original_language, languages, symbols, created_at, updated_at, version)
        VALUES (1, 'abcdefghjkmn', 't', 't', 'letter', 'fr', 'fr', '[]', 0, 0, 1);
      INSERT INTO blobs (hash, encoding, size, data) VALUES ('h', 'json', 2, x'7b7d');
      INSERT INTO revisions (dossier_num, seq, created_at, reason, blob_hash, locked) VALUES (1, 1, 0, 'final', 'h', 1);
    `);
    expect(() => db.prepare(`UPDATE revisions SET label = 'x'`).run()).toThrow(/locked revision/);
    expect(() => db.prepare(`DELETE FROM dossiers`).run()).toThrow(/locked revision/);
    db.close();
  });

  it('002 adds search over dossiers written by version 1, after backing the library up', async () => {
    const dir = tempDir();
    const { id } = await versionOneLibrary(dir);
    const clock = new Clock();
    const store = track(await openStore(dir, { now: clock.now }));
    expect(store.connection.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    // The version-1 dossier is intact and now searchable, accents folded.
    expect(store.get(id).title).toBe('Rapport sur la sécurité maritime');
    expect(store.search('securite maritime').map((h) => h.id)).toEqual([id]);
    expect(store.history(id).map((r) => r.reason)).toEqual(['created']);
    // A backup of the version-1 file was taken first, and it is a sound version-1 library.
    const backups = readdirSync(join(dir, 'backups')).filter((f) => f.startsWith(`rapporteur-before-v${LATEST_VERSION}-`));
    expect(backups).toHaveLength(1);
    const b = new Database(join(dir, 'backups', backups[0]!), { readonly: true });
    expect(b.pragma('user_version', { simple: true })).toBe(1);
    expect(b.prepare('SELECT id FROM dossiers').pluck().all()).toEqual([id]);
    b.close();
    // Opening again (up to date) takes no further backup.
    store.close();
    track(await openStore(dir, { now: clock.now }));
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.startsWith('rapporteur-before-'))).toHaveLength(1);
  });

  it('003 builds the translation memory from the bilingual dossiers already in the library', async () => {
    const dir = tempDir();
    const clock = new Clock();
    // A version-2 library (search, no memory) holding a French/English dossier.
    const { db } = await openDatabase(dir, { now: clock.now, migrations: [migration001, migration002] });
    db.close();
    const v2 = await openStore(dir, { now: clock.now, migrations: [migration001, migration002] });
    const doc = makeDocument({ paragraphs: 3 });
    const { id } = v2.create(doc);
    v2.close();
    const store = track(await openStore(dir, { now: clock.now }));
    expect(store.connection.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const first = doc.parts[0]!.blocks.find((b) => b.kind === 'paragraph')!.id;
    const fr = (doc.text.fr![first]!.content[0] as { text: string }).text;
    expect(store.translationMemory(fr, 'fr', 'en')[0]).toMatchObject({ percent: 100, dossierId: id, blockId: first });
  });

  it('applies all pending migrations in one transaction: one failure leaves the file as it was', async () => {
    const dir = tempDir();
    const { id } = await versionOneLibrary(dir);
    const failing: Migration = {
      version: 3,
      name: 'fails halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        throw new Error('simulated failure');
      },
    };
    const err = await rejects(openDatabase(dir, { now: new Clock().now, migrations: [migration001, migration002, failing] }));
    expect(err.code).toBe('migration-failed');
    expect(err.message).toMatch(/left exactly as it was/);
    const db = new Database(join(dir, 'rapporteur.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type IN ('table') ORDER BY name`).pluck().all();
    expect(tables).not.toContain('half_done');
    expect(tables).not.toContain('search');
    expect(db.prepare('SELECT id FROM dossiers').pluck().all()).toEqual([id]);
    db.close();
  });

  it('refuses a database from a newer version with a clear message and leaves it untouched', async () => {
    const dir = tempDir();
    const store = await openStore(dir, { now: new Clock().now });
    store.create(makeDocument());
    store.close();
    const file = join(dir, 'rapporteur.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fileHash(file);
    const err = await rejects(openStore(dir));
    expect(err.code).toBe('future-version');
    expect(err.message).toContain('newer version of Rapporteur');
    expect(err.message).toContain(`format ${LATEST_VERSION + 5}`);
    expect(err.details).toMatchObject({ version: LATEST_VERSION + 5, supported: LATEST_VERSION });
    expect(fileHash(file)).toBe(before);
  });

  it('refuses another program’s SQLite file without changing it', async () => {
    const dir = tempDir();
    const file = join(dir, 'rapporteur.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (\'x\')');
    other.close();
    const before = fileHash(file);
    const err = await rejects(openStore(dir));
    expect(err.code).toBe('invalid-file');
    expect(fileHash(file)).toBe(before);
  });

  it('an empty file is a new library', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'rapporteur.db'), '');
    const store = track(await openStore(dir));
    expect(store.connection.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });
});
