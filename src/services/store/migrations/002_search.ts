/**
 * Version 2: full-text search. One FTS5 row per dossier (rowid = dossiers.num) with four
 * columns: title, symbols, meta (people, bodies, agenda items, countries…) and body (the text
 * of every language version). `unicode61 remove_diacritics 2` folds case and accents, so
 * "securite" finds « sécurité »; guillemets, apostrophes (’) and no-break spaces separate words.
 *
 * `dossiers.indexed_version` is the version of the document the index reflects. Saving does not
 * reindex (that keeps autosave cheap); the store brings stale rows up to date before a search and
 * when a dossier is closed. A partial index lists the stale rows, so finding them costs nothing
 * when there are none. After this migration every existing dossier is stale (NULL), so the first
 * search indexes them all.
 */
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search USING fts5 (
        title, symbols, meta, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      ALTER TABLE dossiers ADD COLUMN indexed_version INTEGER;
      CREATE INDEX dossiers_unindexed ON dossiers (num) WHERE indexed_version IS NOT version;
      CREATE TRIGGER dossiers_unindex AFTER DELETE ON dossiers
      BEGIN DELETE FROM search WHERE rowid = OLD.num; END;
    `);
  },
};
