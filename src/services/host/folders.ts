/**
 * Places on disk the user chose in a host's own dialogs: which folders the app refuses as a
 * place to write its backups, whoever names them (the roots and the operating system's own
 * folders: tried, `/etc` was accepted and backups were written there when the app ran with the
 * rights to; the store still checks that the folder exists and is writable), and reading a file
 * chosen in the open dialog (a regular file, bounded).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, posix, win32 } from 'node:path';
import { fail, ok, type Result } from '../../shared/ipc-contract';
import { MAX_DOCX_BYTES, megabytes } from '../import/errors';

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

/**
 * The bytes of a file chosen in the open dialog: a regular file (not a folder, a pipe or a
 * device), at most MAX_DOCX_BYTES, read through its own handle so its size cannot change between
 * the check and the read.
 */
export async function readChosenFile(path: string, limit = MAX_DOCX_BYTES): Promise<Result<Uint8Array>> {
  const name = basename(path);
  let handle;
  try {
    // Non-blocking: opening a FIFO for reading would otherwise wait for a writer forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return fail('io-error', code === 'ENOENT' ? `${name}: no such file.` : `${name} cannot be read (${code ?? String(e)}).`);
  }
  try {
    const s = await handle.stat();
    if (!s.isFile()) return fail('invalid-file', `${name} is not a file that can be opened.`);
    if (s.size > limit) return fail('invalid-file', `${name} is too large to open (${megabytes(s.size)}; the limit is ${megabytes(limit)}).`);
    const bytes = new Uint8Array(s.size);
    let at = 0;
    while (at < bytes.length) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return ok(at === bytes.length ? bytes : bytes.subarray(0, at));
  } catch (e) {
    return fail('io-error', `${name} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)}).`);
  } finally {
    await handle.close();
  }
}
