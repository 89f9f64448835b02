/**
 * Backups: whole-database copies taken online with better-sqlite3's `backup()` (the app keeps
 * working while it runs), checked with `quick_check`, made self-contained (no -wal file) and only
 * then renamed into place, so a half-written backup never looks like a backup.
 *
 * - Daily: the host calls `store.maybeBackup()` at start and from time to time (see
 *   `scheduleBackups`); a backup is taken when the last one is a day old. The last 7 are kept.
 * - Before a migration: `rapporteur-before-vN-….db`, kept (not counted in the 7).
 * - The folder is a setting (a network drive or USB key keeps copies off the laptop). Its path is
 *   mirrored in `backup-location.json` beside the database so that, when the database itself is
 *   damaged and cannot be read, the backups can still be found.
 * - Restoring never overwrites: the current database (if any) is set aside first.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { StoreError } from './errors';
import { checkWritableDir, fileStamp, freshPath, fsyncDir, moveDatabaseFiles, parseFileStamp, writeFileDurable } from './files';
import { LATEST_VERSION } from './migrations';
import type { BackupInfo } from './types';

export const DB_FILE = 'rapporteur.db';
export const RECOVERY_FILE = 'recovery.json';
export const BACKUP_LOCATION_FILE = 'backup-location.json';
export const DEFAULT_KEEP_BACKUPS = 7;

const BACKUP_NAME = /^rapporteur-(before-v\d+-)?(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-\d+)?\.db$/;

export function defaultBackupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** The backup folder chosen in the settings, as mirrored beside the database (undefined: the default). */
export function readBackupLocation(dataDir: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, BACKUP_LOCATION_FILE), 'utf8')) as { dir?: unknown };
    return typeof parsed.dir === 'string' && parsed.dir !== '' ? parsed.dir : undefined;
  } catch {
    return undefined;
  }
}

export function writeBackupLocation(dataDir: string, dir: string | null): void {
  writeFileDurable(join(dataDir, BACKUP_LOCATION_FILE), `${JSON.stringify({ dir })}\n`);
}

/** The folder new backups go to. */
export function backupDirOf(dataDir: string): string {
  return readBackupLocation(dataDir) ?? defaultBackupDir(dataDir);
}

export type BackupListing = BackupInfo & { kind: 'regular' | 'pre-migration' };

function listDir(dir: string): BackupListing[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const out: BackupListing[] = [];
  for (const name of names) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const takenAt = parseFileStamp(m[2]!);
    if (takenAt === undefined) continue;
    const file = join(dir, name);
    try {
      out.push({ file, takenAt, size: statSync(file).size, kind: m[1] ? 'pre-migration' : 'regular' });
    } catch {
      // vanished meanwhile
    }
  }
  return out;
}

/** Every backup Rapporteur can find for this data folder (the default folder and the chosen one), newest first. */
export function listBackups(dataDir: string): BackupListing[] {
  const dirs = new Set([resolve(defaultBackupDir(dataDir))]);
  const chosen = readBackupLocation(dataDir);
  if (chosen) dirs.add(resolve(chosen));
  return [...dirs].flatMap(listDir).sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a database copy we own, checks it and makes it self-contained (rollback journal, so it is
 * one file). Returns its schema version. Throws when it is not a sound Rapporteur database.
 */
function checkCopy(file: string): number {
  const db = new Database(file, { fileMustExist: true });
  try {
    const ok = db.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new Error(`quick_check: ${String(ok)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    db.pragma('journal_mode = DELETE');
    return version;
  } finally {
    db.close();
  }
}

/** Takes an online backup of `db` into `dir` now. */
export async function writeBackup(
  db: Db,
  dir: string,
  now: number,
  opts: { keep?: number; prefix?: string; create?: boolean } = {},
): Promise<BackupInfo> {
  checkWritableDir(dir, 'backup folder', opts.create ?? false);
  const final = freshPath(join(dir, `rapporteur-${opts.prefix ?? ''}${fileStamp(now)}`), '.db');
  const tmp = `${final}.partial`;
  try {
    await db.backup(tmp);
    checkCopy(tmp);
    fsyncFile(tmp);
    renameSync(tmp, final);
    fsyncDir(dir);
  } catch (e) {
    for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
      try {
        if (existsSync(f)) unlinkSync(f);
      } catch {
        // best effort
      }
    }
    if (e instanceof StoreError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new StoreError(
      code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'disk-full' : 'backup-failed',
      `The backup to ${dir} could not be written (${code ?? (e as Error).message}). Your library itself is unaffected.`,
      { dir },
    );
  }
  if (opts.keep !== undefined) pruneBackups(dir, opts.keep);
  return { file: final, takenAt: now, size: statSync(final).size };
}

/** Deletes all but the newest `keep` regular backups in `dir` (pre-migration backups are left alone). */
export function pruneBackups(dir: string, keep: number): string[] {
  const regular = listDir(dir)
    .filter((b) => b.kind === 'regular')
    .sort((a, b) => b.takenAt - a.takenAt || b.file.localeCompare(a.file));
  const removed: string[] = [];
  for (const b of regular.slice(keep)) {
    try {
      unlinkSync(b.file);
      removed.push(b.file);
    } catch {
      // a backup we cannot delete is merely kept
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// Recovery after damage

export type RecoveryState = { damagedFile: string; detectedAt: number; reason: string };

export function readRecoveryState(dataDir: string): RecoveryState | undefined {
  const file = join(dataDir, RECOVERY_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as RecoveryState;
    if (typeof v.damagedFile === 'string') return v;
  } catch {
    // an unreadable marker still means "recovery pending"
  }
  return { damagedFile: '(unknown)', detectedAt: 0, reason: 'unknown' };
}

export function writeRecoveryState(dataDir: string, state: RecoveryState): void {
  writeFileDurable(join(dataDir, RECOVERY_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

function clearRecoveryState(dataDir: string): void {
  const file = join(dataDir, RECOVERY_FILE);
  if (existsSync(file)) unlinkSync(file);
  fsyncDir(dataDir);
}

/**
 * After damage was reported: start again with an empty library. The damaged file stays where it
 * was set aside; nothing is deleted.
 */
export function startEmpty(dataDir: string): void {
  clearRecoveryState(dataDir);
}

export type RestoreOutcome = { restored: BackupInfo; setAside: string | undefined; skipped: { file: string; reason: string }[] };

/**
 * Puts a backup in place of the library: `backupFile`, or the newest sound backup found. The
 * backup itself is copied, never moved or changed; the current database, if there is one, is
 * set aside as `rapporteur-replaced-….db`. No Store may be open on this data folder meanwhile.
 */
export function restoreBackup(dataDir: string, backupFile?: string, now: number = Date.now()): RestoreOutcome {
  checkWritableDir(dataDir, 'data folder');
  const candidates: BackupInfo[] = backupFile
    ? [{ file: resolve(backupFile), takenAt: 0, size: 0 }]
    : listBackups(dataDir);
  if (candidates.length === 0) {
    throw new StoreError('not-found', `There is no backup of this library in ${backupDirOf(dataDir)}.`, { dir: backupDirOf(dataDir) });
  }
  const skipped: { file: string; reason: string }[] = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate.file)) {
      skipped.push({ file: candidate.file, reason: 'no such file' });
      continue;
    }
    const tmp = join(dataDir, `.restoring-${fileStamp(now)}.db`);
    try {
      copyFileSync(candidate.file, tmp);
      const version = checkCopy(tmp);
      if (version > LATEST_VERSION) throw new Error(`written by a newer version of Rapporteur (format ${version})`);
      if (version < 1) throw new Error('not a Rapporteur library');
      fsyncFile(tmp);
    } catch (e) {
      for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) if (existsSync(f)) unlinkSync(f);
      skipped.push({ file: candidate.file, reason: (e as Error).message });
      continue;
    }
    const dbFile = join(dataDir, DB_FILE);
    let setAside: string | undefined;
    if (existsSync(dbFile)) {
      setAside = freshPath(join(dataDir, `rapporteur-replaced-${fileStamp(now)}`), '.db');
      moveDatabaseFiles(dbFile, setAside);
    }
    renameSync(tmp, dbFile);
    fsyncDir(dataDir);
    clearRecoveryState(dataDir);
    const size = statSync(dbFile).size;
    return { restored: { file: candidate.file, takenAt: candidate.takenAt, size }, setAside, skipped };
  }
  throw new StoreError(
    'backup-failed',
    backupFile
      ? `The backup ${backupFile} cannot be restored: ${skipped[0]?.reason ?? 'unreadable'}. Nothing was changed.`
      : `None of the ${candidates.length} backups could be restored (the newest: ${skipped[0]?.reason ?? 'unreadable'}). Nothing was changed.`,
    { skipped },
  );
}

// ---------------------------------------------------------------------------------------------
// Scheduling (for the host)

/**
 * Calls `maybeBackup` now and then every `everyMs` (default: hourly; it only backs up when the
 * last backup is a day old). Failures go to `onError` (e.g. a USB key that is not plugged in).
 * Returns a function that stops the schedule.
 */
export function scheduleBackups(
  target: { maybeBackup: () => Promise<unknown> },
  opts: { everyMs?: number; onError?: (e: unknown) => void } = {},
): () => void {
  const run = () => void target.maybeBackup().catch((e) => opts.onError?.(e));
  run();
  const timer = setInterval(run, opts.everyMs ?? 3_600_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
