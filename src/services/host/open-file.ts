/**
 * Opening a `.rapporteur` file the operating system hands the app (double-click through the file
 * association, "Open with", a second launch with a path): the file is imported into the library
 * as a new dossier (with its history), and the page is told to open it. No Electron here: the main
 * process passes the paths (argv, macOS `open-file`) and shows the message of a refusal.
 */
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { fail, ok, type DossierSummary, type Result } from '../../shared/ipc-contract';
import { decodeText } from '../import/decode';
import { ImportError, MAX_TEXT_BYTES } from '../import/errors';
import { readRegularFile } from '../import/read-file';
import { asResult, RAPPORTEUR_EXTENSION, type Store } from '../store/index';

/** The `.rapporteur` files among a launch's arguments (options and the app's own path left out). */
export function sharedFilesInArgs(argv: readonly string[], cwd: string): string[] {
  return argv.filter((a) => !a.startsWith('-') && extname(a).toLowerCase() === RAPPORTEUR_EXTENSION).map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

/** Imports the shared file at `path` as a new dossier; a refusal is one sentence naming the file. */
export async function importSharedFile(store: Store, path: string): Promise<Result<DossierSummary>> {
  const name = basename(path);
  try {
    const bytes = await readRegularFile(path, { limit: MAX_TEXT_BYTES, name, tooLarge: (size, max) => `${name} is too large to open (${size}; the limit is ${max}).` });
    const { text } = decodeText(bytes, name);
    const r = await asResult(() => store.importText(text, name));
    // A refusal is already the contract's error (asResult), passed on as it is.
    return r.ok ? ok(r.value) : { ok: false, error: r.error };
  } catch (e) {
    if (e instanceof ImportError) return fail('invalid-file', e.message);
    const code = (e as NodeJS.ErrnoException).code;
    return fail('io-error', code === 'ENOENT' ? `${name}: no such file.` : `${name} cannot be read (${code ?? String(e)}).`);
  }
}
