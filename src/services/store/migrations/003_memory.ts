/**
 * Version 3: translation memory. One row per block of a dossier that holds both languages and whose
 * translation is current (core/translation/memory.ts decides which), rebuilt when the dossier is
 * reindexed, with an FTS5 index on each language's text to find candidates fast. Matching and
 * scoring are in ../memory.ts. Every existing dossier is marked for reindexing, so the memory is
 * built from the library already there.
 */
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'translation-memory',
  up(db) {
    db.exec(`
      CREATE TABLE segments (
        id INTEGER PRIMARY KEY,
        dossier_num INTEGER NOT NULL REFERENCES dossiers (num) ON DELETE CASCADE,
        block_id TEXT NOT NULL,
        label TEXT NOT NULL,
        fr TEXT NOT NULL,
        en TEXT NOT NULL,
        UNIQUE (dossier_num, block_id)
      );
      CREATE VIRTUAL TABLE segments_fts USING fts5 (
        fr, en, content = 'segments', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
        INSERT INTO segments_fts (rowid, fr, en) VALUES (NEW.id, NEW.fr, NEW.en);
      END;
      CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
        INSERT INTO segments_fts (segments_fts, rowid, fr, en) VALUES ('delete', OLD.id, OLD.fr, OLD.en);
      END;
      UPDATE dossiers SET indexed_version = NULL;
    `);
  },
};
