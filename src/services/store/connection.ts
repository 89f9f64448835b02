/**
 * The store's connection to its SQLite file, and the plumbing every part of the store shares:
 * cached prepared statements, synchronous IMMEDIATE transactions (nothing is ever half-written,
 * and two processes take turns), consistent reads, and SQLite or file-system failures turned
 * into StoreErrors a user can act on, and the history policy. The parts of the store (dossiers,
 * revisions, search, assets, share) are functions that take this connection.
 */
import type { Database as Db, Statement } from 'better-sqlite3';
import { environmentError, sqliteCode, StoreError } from './errors';
import type { ThinningPolicy } from './thinning';

/** How history is kept: the least time between automatic revisions, and which old ones are thinned. */
export type HistoryPolicy = { revisionInterval: number; thinning: ThinningPolicy };

export class Connection {
  private readonly statements = new Map<string, Statement>();
  private closed = false;

  constructor(
    /** The library's folder and database file (messages name the file). */
    readonly dataDir: string,
    readonly file: string,
    readonly db: Db,
    /** Clock (ms since the epoch); tests drive revision timing and thinning with it. */
    readonly now: () => number,
    readonly history: HistoryPolicy,
  ) {}

  /** Runs `fn`, turning SQLite and file-system failures into StoreErrors. */
  guard<T>(fn: () => T): T {
    this.checkOpen();
    try {
      return fn();
    } catch (e) {
      throw this.mapError(e);
    }
  }

  async guardAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.checkOpen();
    try {
      return await fn();
    } catch (e) {
      throw this.mapError(e);
    }
  }

  /** One synchronous IMMEDIATE transaction (takes the write lock first, so read-check-write is atomic). */
  tx<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).immediate());
  }

  /** A consistent read of several statements. */
  read<T>(fn: () => T): T {
    return this.guard(() => this.db.transaction(fn).deferred());
  }

  /** A prepared statement, cached (`pluck`: rows are their first column). */
  q(sql: string, pluck = false): Statement {
    const key = pluck ? `p:${sql}` : sql;
    let st = this.statements.get(key);
    if (!st) {
      st = this.db.prepare(sql);
      if (pluck) st.pluck();
      this.statements.set(key, st);
    }
    return st;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('optimize');
    } catch {
      // optional
    }
    this.db.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new StoreError('closed', 'The library has been closed.', {});
  }

  private mapError(e: unknown): unknown {
    if (e instanceof StoreError) return e;
    if (sqliteCode(e) === 'SQLITE_CONSTRAINT_TRIGGER' && /locked revision/.test((e as Error).message)) {
      return new StoreError('locked-revision', 'A finalised (signed) revision can be copied or restored from, but never changed or deleted.', {});
    }
    return environmentError(e, this.file) ?? e;
  }
}
