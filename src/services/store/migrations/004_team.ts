/**
 * Version 4: the team (issue 15). `team_shares`: which dossiers are shared with a team server,
 * and under which id there (one row per shared dossier; none for every other dossier, which
 * works exactly as before). `ydoc_updates`: the offline copy of each shared language version,
 * as the Yjs updates the editor sends, appended in order and merged now and then; applied when
 * the dossier is opened, before connecting, so edits made offline reach the server on reconnect.
 */
import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'team',
  up(db) {
    db.exec(`
      CREATE TABLE team_shares (
        dossier_num INTEGER PRIMARY KEY REFERENCES dossiers (num) ON DELETE CASCADE,
        server TEXT NOT NULL,
        remote_id TEXT NOT NULL,
        role TEXT NOT NULL,
        shared_at INTEGER NOT NULL,
        UNIQUE (server, remote_id)
      );
      CREATE TABLE ydoc_updates (
        id INTEGER PRIMARY KEY,
        dossier_num INTEGER NOT NULL REFERENCES dossiers (num) ON DELETE CASCADE,
        lang TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX ydoc_updates_doc ON ydoc_updates (dossier_num, lang, id);
    `);
  },
};
