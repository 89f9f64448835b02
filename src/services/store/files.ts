/** Small durable file-system helpers: write-then-rename with fsync, folder checks, timestamps. */
import { closeSync, constants, accessSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeSync, existsSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { StoreError } from './errors';

/** fsync a folder so a rename inside it survives a power cut (no-op where folders cannot be opened, e.g. Windows). */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this platform; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `data` to `file` atomically: a temporary file in the same folder, fsync, rename, fsync the folder. */
export function writeFileDurable(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${Date.now().toString(36)}-${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // best effort
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}

/**
 * Checks that `dir` is a folder Rapporteur can write to; creates it first when `create` is set.
 * Throws 'missing-dir' or 'read-only' with a plain message.
 */
export function checkWritableDir(dir: string, what: string, create = false): void {
  if (!existsSync(dir)) {
    if (!create) {
      throw new StoreError('missing-dir', `The ${what} ${dir} does not exist. Check the path, or create the folder and try again.`, { dir });
    }
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
        throw new StoreError('read-only', `Rapporteur cannot create the ${what} ${dir}: permission denied.`, { dir });
      }
      throw new StoreError('missing-dir', `Rapporteur cannot create the ${what} ${dir} (${code ?? 'error'}).`, { dir });
    }
  }
  if (!statSync(dir).isDirectory()) {
    throw new StoreError('missing-dir', `The ${what} ${dir} is a file, not a folder.`, { dir });
  }
  try {
    accessSync(dir, constants.W_OK | constants.R_OK);
  } catch {
    throw new StoreError('read-only', `The ${what} ${dir} is read-only: Rapporteur cannot save anything there. Choose a folder you can write to.`, { dir });
  }
}

/** File-name-safe UTC timestamp: 2026-03-12T10-30-00-123Z. */
export function fileStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/:/g, '-').replace('.', '-');
}

export function parseFileStamp(stamp: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!m) return undefined;
  const t = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(t) ? undefined : t;
}

/** Renames `file` and its SQLite companions (-wal, -shm, -journal) to `target` (+ same suffixes). */
export function moveDatabaseFiles(file: string, target: string): void {
  renameSync(file, target);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  fsyncDir(dirname(target));
}

/** A path that does not exist yet: `base` + `ext`, or `base-2` + `ext`, … */
export function freshPath(base: string, ext: string): string {
  let candidate = `${base}${ext}`;
  for (let i = 2; existsSync(candidate); i++) candidate = `${base}-${i}${ext}`;
  return candidate;
}
