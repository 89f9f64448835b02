/** Reading the files a command is given, with the one-line reasons the CLI promises. */
import { resolve } from 'node:path';
import type { CliIO } from './io';
import { UsageError } from './io';
import { ImportError, MAX_DOCX_BYTES } from '../services/import/errors';
import { readRegularFile } from '../services/import/read-file';

/**
 * Reads `file` (relative to the command's folder) or throws a UsageError saying plainly why not:
 * only a regular file (not a folder, pipe or device), of at most `limit` bytes (default: the
 * largest DOCX imported, which is also more than any document JSON or .rapporteur file needs).
 */
export async function readInputFile(file: string, io: CliIO, encoding?: undefined, limit?: number): Promise<Buffer>;
export async function readInputFile(file: string, io: CliIO, encoding: 'utf8', limit?: number): Promise<string>;
export async function readInputFile(file: string, io: CliIO, encoding?: 'utf8', limit = MAX_DOCX_BYTES): Promise<Buffer | string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(resolve(io.cwd, file), { name: file, limit });
  } catch (e) {
    if (e instanceof ImportError) throw new UsageError(e.message.replace(/\.$/, ''));
    throw e;
  }
  return encoding ? bytes.toString('utf8') : bytes;
}
