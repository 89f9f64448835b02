/**
 * Places on disk the user chose in a host's own dialogs: which folders the app refuses as a
 * place to write its backups, whoever names them (the roots and the operating system's own
 * folders: tried, `/etc` was accepted and backups were written there when the app ran with the
 * rights to; the store still checks that the folder exists and is writable), and reading a file
 * chosen in the open dialog (a regular file, bounded).
 */
import { basename, posix, win32 } from 'node:path';
import { fail, ok, type Result } from '../../shared/ipc-contract';
import { ImportError, MAX_DOCX_BYTES, type ImportErrorCode } from '../import/errors';
import { readRegularFile } from '../import/read-file';

const POSIX_SYSTEM = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/run', '/sbin', '/sys', '/usr', '/var', '/System', '/Library', '/Applications', '/private'];
const WINDOWS_SYSTEM = ['windows', 'program files', 'program files (x86)', 'programdata'];

/** Why `dir` may not hold backups, or undefined when it may. */
export function refusedBackupFolder(dir: string, platform: NodeJS.Platform = process.platform): string | undefined {
  // The platform's own path rules (so the Windows rules are tested on any machine).
  const path = platform === 'win32' ? win32 : posix;
  const full = path.resolve(dir);
  const { root } = path.parse(full);
  if (full === root) return `the backup folder cannot be the root of a disk (${full}).`;
  if (platform === 'win32') {
    const first = full.slice(root.length).split(/[\\/]/)[0]?.toLowerCase();
    if (first !== undefined && WINDOWS_SYSTEM.includes(first)) return `the backup folder cannot be inside a system folder (${full}).`;
    return undefined;
  }
  // /var/folders (macOS temporary folders) and /var/tmp stay allowed: users may try a backup there.
  if (full.startsWith('/var/folders/') || full.startsWith('/var/tmp/')) return undefined;
  const system = POSIX_SYSTEM.find((s) => full === s || full.startsWith(s + '/'));
  return system === undefined ? undefined : `the backup folder cannot be inside a system folder (${system}).`;
}

/** readRegularFile's codes for a file system that failed (io-error); the others (not a file, too large) say the file is not one to open. */
const READ_FAILED: ReadonlySet<ImportErrorCode> = new Set(['not-found', 'permission-denied', 'unreadable']);

/** The bytes of a file chosen in the open dialog: a regular file (not a folder, a pipe or a device), at most `limit`. */
export async function readChosenFile(path: string, limit = MAX_DOCX_BYTES): Promise<Result<Uint8Array>> {
  try {
    return ok(await readRegularFile(path, { limit, name: basename(path), tooLarge: (size, max) => `${basename(path)} is too large to open (${size}; the limit is ${max}).` }));
  } catch (e) {
    if (e instanceof ImportError) return fail(READ_FAILED.has(e.code) ? 'io-error' : 'invalid-file', e.message);
    throw e;
  }
}
