/**
 * Opening a `.rapporteur` file the operating system hands the app (double-click through the file
 * association, "Open with", a second launch with a path): the file is imported into the library
 * as a new dossier (with its history), and the page is told to open it. No Electron here: the main
 * process passes the paths (argv, macOS `open-file`) and shows the message of a refusal.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { fail, ok, type DossierSummary, type Result } from '../../shared/ipc-contract';
import { decodeText } from '../import/decode';
import { ImportError, MAX_TEXT_BYTES, megabytes } from '../import/errors';
import { asResult, RAPPORTEUR_EXTENSION, type Store } from '../store/index';

/** The `.rapporteur` files among a launch's arguments (options and the app's own path left out). */
export function sharedFilesInArgs(argv: readonly string[], cwd: string): string[] {
  return argv.filter((a) => !a.startsWith('-') && extname(a).toLowerCase() === RAPPORTEUR_EXTENSION).map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

/** Imports the shared file at `path` as a new dossier; a refusal is one sentence naming the file. */
export async function importSharedFile(store: Store, path: string): Promise<Result<DossierSummary>> {
  const name = basename(path);
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ImportError('unreadable', `${name} is not a file that can be opened.`);
    if (s.size > MAX_TEXT_BYTES) throw new ImportError('too-large', `${name} is too large to open (${megabytes(s.size)}; the limit is ${megabytes(MAX_TEXT_BYTES)}).`);
    const bytes = await readFile(path);
    const { text } = decodeText(bytes, name);
    const r = await asResult(() => store.importText(text, name));
    return r.ok ? ok(r.value) : fail(r.error.code, r.error.message, r.error.details);
  } catch (e) {
    if (e instanceof ImportError) return fail('invalid-file', e.message);
    const code = (e as NodeJS.ErrnoException).code;
    return fail('io-error', code === 'ENOENT' ? `${name}: no such file.` : `${name} cannot be read (${code ?? String(e)}).`);
  }
}
