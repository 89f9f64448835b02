import type { Database } from 'better-sqlite3';

/**
 * One schema version. `up` runs inside the single transaction that applies every pending
 * migration, so it must be synchronous and must not touch anything but `db`.
 */
export type Migration = {
  /** The `PRAGMA user_version` the database has after this migration. */
  version: number;
  name: string;
  up: (db: Database) => void;
};
