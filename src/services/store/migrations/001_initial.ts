/**
 * Version 1: dossiers and their current document, revisions over content-addressed document
 * blobs, settings, and images (assets) stored once by hash.
 *
 * - `dossiers`: one row per dossier, with what lists need (title, kind, languages, symbols,
 *   dates) derived from the document on every save. `num` is internal (and the rowid the search
 *   index uses); `id` is the 12-character id users and files see. `version` grows on every change
 *   of the current document: a save must name the version it was based on (conflict check).
 *   `trashed_at` is the trash: NULL for live dossiers.
 * - `documents`: the current document of each dossier, as validated JSON (kept apart from
 *   `dossiers` so that lists never read documents), with its CRC-32: SQLite's own checks cover
 *   the file's structure, not the bytes of a text, so the store checks those itself on every read.
 * - `blobs`: documents kept by revisions, keyed by the SHA-256 of their JSON, deflated;
 *   identical documents are stored once whatever the number of revisions that point to them.
 * - `revisions`: the history, numbered 1, 2, 3… per dossier (`seq`). A locked revision (a
 *   finalised, signed text) cannot be updated or deleted: triggers refuse it, so even a dossier
 *   purge cannot take it away.
 * - `settings`: key → JSON value.
 * - `assets` / `dossier_assets`: image bytes by SHA-256, and which dossier uses which, under
 *   what name and role (a signature is only exported when asked).
 */
import type { Migration } from './types';

/** 'Rapp' in the database header: tells a Rapporteur library from any other SQLite file. */
export const APPLICATION_ID = 0x52617070;

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE dossiers (
        num INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE CHECK (length(id) = 12),
        title TEXT NOT NULL,
        title_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        original_language TEXT NOT NULL,
        languages TEXT NOT NULL,
        symbols TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        trashed_at INTEGER
      );
      CREATE INDEX dossiers_by_updated ON dossiers (updated_at);
      CREATE INDEX dossiers_by_created ON dossiers (created_at);
      CREATE INDEX dossiers_by_title ON dossiers (title_key);

      CREATE TABLE documents (
        dossier_num INTEGER PRIMARY KEY REFERENCES dossiers (num) ON DELETE CASCADE,
        checksum INTEGER NOT NULL,
        json TEXT NOT NULL
      );

      CREATE TABLE blobs (
        hash TEXT PRIMARY KEY,
        encoding TEXT NOT NULL CHECK (encoding IN ('json', 'deflate')),
        size INTEGER NOT NULL,
        data BLOB NOT NULL
      );

      CREATE TABLE revisions (
        num INTEGER PRIMARY KEY,
        dossier_num INTEGER NOT NULL REFERENCES dossiers (num) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        created_at INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('created', 'imported', 'copied', 'auto', 'close', 'named', 'final', 'restore')),
        label TEXT,
        blob_hash TEXT NOT NULL REFERENCES blobs (hash),
        restored_from INTEGER,
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        UNIQUE (dossier_num, seq)
      );
      CREATE INDEX revisions_by_blob ON revisions (blob_hash);

      CREATE TRIGGER revisions_locked_no_update BEFORE UPDATE ON revisions WHEN OLD.locked = 1
      BEGIN SELECT RAISE(ABORT, 'locked revision'); END;
      CREATE TRIGGER revisions_locked_no_delete BEFORE DELETE ON revisions WHEN OLD.locked = 1
      BEGIN SELECT RAISE(ABORT, 'locked revision'); END;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) WITHOUT ROWID;

      CREATE TABLE assets (
        hash TEXT PRIMARY KEY,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );

      CREATE TABLE dossier_assets (
        dossier_num INTEGER NOT NULL REFERENCES dossiers (num) ON DELETE CASCADE,
        name TEXT NOT NULL,
        asset_hash TEXT NOT NULL REFERENCES assets (hash),
        role TEXT NOT NULL CHECK (role IN ('image', 'letterhead', 'signature')),
        PRIMARY KEY (dossier_num, name)
      ) WITHOUT ROWID;
      CREATE INDEX dossier_assets_by_asset ON dossier_assets (asset_hash);
    `);
  },
};
