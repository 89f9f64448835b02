/**
 * Opening the database file safely: folder checks, `quick_check`, damaged files set aside (never
 * overwritten or deleted), refusal of a database from a newer version, durability pragmas, and
 * migrations (all pending ones in one transaction, after a backup).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { environmentError, isCorruptionError, StoreError } from './errors';
import { checkWritableDir, fileStamp, freshPath, moveDatabaseFiles } from './files';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { APPLICATION_ID } from './migrations/001_initial';
import { DB_FILE, defaultBackupDir, listBackups, readRecoveryState, writeBackup, writeRecoveryState, type BackupListing } from './backup';

export type OpenDatabaseOptions = {
  now: () => number;
  /** Create the data folder when it does not exist (default false: a missing folder is an error). */
  create?: boolean;
  /** The schema versions to apply (tests); default: every migration of this build. */
  migrations?: readonly Migration[];
};

export type OpenedDatabase = { db: Db; file: string; migratedFrom: number; backupBeforeMigration: string | undefined };

function describeBackup(b: BackupListing | undefined): string {
  if (!b) return 'No backup was found, so Rapporteur will start with an empty library.';
  return `The newest backup was taken on ${new Date(b.takenAt).toISOString().slice(0, 16).replace('T', ' ')} UTC (${b.file}); restore it to get your dossiers back as they were then.`;
}

/** The error for a damaged library, whether just detected or detected earlier and not yet resolved. */
export function corruptError(dataDir: string, damagedFile: string): StoreError {
  const backups = listBackups(dataDir);
  return new StoreError(
    'corrupt',
    `The library file is damaged and cannot be opened safely. It has been set aside, untouched, as ${damagedFile}. ${describeBackup(backups[0])}`,
    { damagedFile, backups: backups.map((b) => ({ file: b.file, takenAt: b.takenAt, size: b.size })) },
  );
}

function quickCheck(db: Db): string {
  const rows = db.prepare('PRAGMA quick_check').pluck().all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? 'ok' : rows.slice(0, 3).join('; ');
}

function setAsideDamaged(dataDir: string, file: string, reason: string, now: number): never {
  const target = freshPath(join(dataDir, `rapporteur-damaged-${fileStamp(now)}`), '.db');
  try {
    moveDatabaseFiles(file, target);
  } catch (e) {
    throw new StoreError(
      'corrupt',
      `The library file ${file} is damaged, and Rapporteur could not set it aside (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Nothing was changed; copy the file somewhere safe before trying again.`,
      { damagedFile: file },
    );
  }
  writeRecoveryState(dataDir, { damagedFile: target, detectedAt: now, reason });
  throw corruptError(dataDir, target);
}

/** Runs every migration above the database's version, all in one transaction, with foreign keys checked at the end. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order: ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const latest = migrations.length;
  db.pragma('foreign_keys = OFF');
  try {
    return db
      .transaction(() => {
        const from = db.pragma('user_version', { simple: true }) as number;
        if (from > latest) {
          throw new StoreError('future-version', futureMessage(from, latest), { version: from, supported: latest });
        }
        for (const m of migrations.slice(from)) {
          m.up(db);
          db.pragma(`user_version = ${m.version}`);
        }
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`foreign key check failed after migrating (${broken.length} rows)`);
        return { from, to: latest };
      })
      .immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function futureMessage(version: number, supported: number): string {
  return `This library was saved by a newer version of Rapporteur (library format ${version}; this version reads up to format ${supported}). Install the newer version to open it. Nothing was changed.`;
}

/**
 * Opens (or creates) `dataDir/rapporteur.db`, checked and migrated, with WAL, synchronous=FULL
 * and foreign keys on. Throws StoreError: 'missing-dir', 'read-only', 'corrupt' (the file has
 * been set aside; details list the backups), 'future-version', 'migration-failed', 'busy', …
 */
export async function openDatabase(dataDir: string, opts: OpenDatabaseOptions): Promise<OpenedDatabase> {
  checkWritableDir(dataDir, 'data folder', opts.create ?? false);
  const pending = readRecoveryState(dataDir);
  if (pending) throw corruptError(dataDir, pending.damagedFile);

  const file = join(dataDir, DB_FILE);
  const existed = existsSync(file);
  if (existed) {
    for (const f of [file, `${file}-wal`]) {
      if (!existsSync(f)) continue;
      try {
        accessSync(f, constants.R_OK | constants.W_OK);
      } catch {
        throw new StoreError('read-only', `The library file ${f} is read-only: Rapporteur cannot save to it. Nothing was changed.`, { file: f });
      }
    }
  }

  let db: Db;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (e) {
    throw environmentError(e, file) ?? e;
  }
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = opts.migrations ? opts.migrations.length : LATEST_VERSION;
  try {
    if (existed) {
      let verdict: string;
      try {
        verdict = quickCheck(db);
      } catch (e) {
        if (!isCorruptionError(e)) throw e;
        verdict = (e as Error).message;
      }
      if (verdict !== 'ok') {
        db.close();
        setAsideDamaged(dataDir, file, verdict, opts.now());
      }
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if ((appId !== 0 && appId !== APPLICATION_ID) || (version === 0 && tables > 0)) {
      throw new StoreError(
        'invalid-file',
        `${file} is a database of another program, not a Rapporteur library. Rapporteur has not changed it; move it elsewhere or choose another data folder.`,
        { file },
      );
    }
    if (version > latest) {
      throw new StoreError('future-version', futureMessage(version, latest), { version, supported: latest });
    }
    // 16 KB pages for a new library: documents are large JSON values, and bigger pages mean fewer
    // WAL frames per save (measured: p95 of a 700 KB save 6.3 ms → 3.0 ms). Existing files keep theirs.
    if (version === 0 && tables === 0) db.pragma('page_size = 16384');
    const mode = db.pragma('journal_mode = WAL', { simple: true }) as string;
    if (mode !== 'wal') {
      throw new StoreError('io-error', `The data folder ${dataDir} does not support the safe write mode Rapporteur needs (WAL). Keep the library on a local disk.`, { dir: dataDir });
    }
    db.pragma('synchronous = FULL');
    db.pragma('journal_size_limit = 67108864');

    let backupBeforeMigration: string | undefined;
    if (version < latest && version > 0) {
      const b = await writeBackup(db, defaultBackupDir(dataDir), opts.now(), { prefix: `before-v${latest}-`, create: true });
      backupBeforeMigration = b.file;
    }
    let from = version;
    if (version < latest) {
      try {
        from = migrate(db, migrations).from;
      } catch (e) {
        if (e instanceof StoreError) throw e;
        const env = environmentError(e, file);
        if (env) throw env;
        throw new StoreError(
          'migration-failed',
          `Rapporteur could not update the library to the new format (${(e as Error).message}). The library was left exactly as it was${backupBeforeMigration ? `, and a backup was taken first (${backupBeforeMigration})` : ''}.`,
          { backup: backupBeforeMigration },
        );
      }
    }
    db.pragma('foreign_keys = ON');
    return { db, file, migratedFrom: from, backupBeforeMigration };
  } catch (e) {
    if (db.open) db.close();
    if (e instanceof StoreError) throw e;
    if (isCorruptionError(e) && existsSync(file)) setAsideDamaged(dataDir, file, (e as Error).message, opts.now());
    throw environmentError(e, file) ?? e;
  }
}
