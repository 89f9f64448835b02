/** Reading the files a command is given, with the one-line reasons the CLI promises. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO } from './io';
import { UsageError } from './io';

/** Reads `file` (relative to the command's folder) or throws a UsageError saying plainly why not. */
export async function readInputFile(file: string, io: CliIO): Promise<Buffer>;
export async function readInputFile(file: string, io: CliIO, encoding: 'utf8'): Promise<string>;
export async function readInputFile(file: string, io: CliIO, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(resolve(io.cwd, file), encoding) : await readFile(resolve(io.cwd, file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file}: is a folder, not a file` : `${file}: cannot be read (${code ?? (e as Error).message})`,
    );
  }
}
