/**
 * Reading a file the user named, for every command and the import service: only a regular file
 * (a named pipe would block forever, /dev/zero never ends and says its size is 0), through a
 * bounded read that stops one chunk past the limit whatever `stat` claims.
 */
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { ImportError, megabytes } from './errors';

const CHUNK = 1024 * 1024;

function notAFile(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'is a folder, not a file';
  if (s.isFIFO()) return 'is a named pipe, not a file: save what it carries to a file and give that';
  if (s.isSocket()) return 'is a socket, not a file';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'is a device, not a file';
  return 'is not a regular file';
}

export type ReadLimit = {
  /** Largest size accepted, in bytes. */
  limit: number;
  /** Name used in messages (the file name as the user gave it). */
  name: string;
  /** The sentence for a file over the limit (default: "X is too large (…; the limit is …)."). */
  tooLarge?: (size: string, limit: string) => string;
};

/**
 * The bytes of a regular file of at most `limit` bytes, or an ImportError with a sentence and a
 * code callers map without reading the sentence: `not-found`, `permission-denied` and `unreadable`
 * (the file system failed), `not-a-file` and `too-large` (the file is not one that is read).
 */
export async function readRegularFile(path: string, { limit, name, tooLarge }: ReadLimit): Promise<Buffer> {
  const refuseSize = (size: string) =>
    new ImportError('too-large', tooLarge ? tooLarge(size, megabytes(limit)) : `${name} is too large (${size}; the limit is ${megabytes(limit)}).`);
  let handle;
  try {
    // O_NONBLOCK: opening a named pipe with no writer must not wait; it is refused just below.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ImportError('not-found', `${name}: no such file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new ImportError('permission-denied', `${name} cannot be read: permission denied.`);
    if (code === 'EISDIR') throw new ImportError('not-a-file', `${name} is a folder, not a file.`);
    throw new ImportError('unreadable', `${name} cannot be read (${code ?? 'unknown error'}).`);
  }
  try {
    const s = await handle.stat();
    const why = notAFile(s);
    if (why) throw new ImportError('not-a-file', `${name} ${why}.`);
    if (s.size > limit) throw refuseSize(megabytes(s.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw refuseSize(`more than ${megabytes(limit)}`);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new ImportError('not-a-file', `${name} is a folder, not a file.`);
    throw new ImportError('unreadable', `${name} cannot be read (${code ?? 'unknown error'}).`);
  } finally {
    await handle.close();
  }
}
