/**
 * Where the library lives. One rule for every host, so the desktop app and the command line
 * open the same library:
 *
 *   1. a folder given explicitly (the CLI's --data-dir);
 *   2. else $RAPPORTEUR_DATA_DIR;
 *   3. else the per-user default: ~/.local/share/rapporteur ($XDG_DATA_HOME), ~/Library/Application
 *      Support/Rapporteur, %APPDATA%\Rapporteur.
 *
 * The default folder is created on first use; a folder named explicitly (1 or 2) never is, so a
 * typo cannot silently start an empty library. (Electron's userData folder is NOT used for the
 * library: it differs from this one on Linux and would split the app's library from the CLI's.)
 */
import { homedir } from 'node:os';
import { join, resolve, win32 } from 'node:path';

export type Env = Record<string, string | undefined>;

/** The per-user data folder of this system. */
export function defaultDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), 'Rapporteur');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rapporteur');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'rapporteur');
}

export type LibraryLocation = {
  /** Absolute path of the data folder. */
  dir: string;
  /** True for the per-user default (create it if missing); false for a folder named explicitly. */
  create: boolean;
};

/** The data folder to open, by the rule above (`explicit` and $RAPPORTEUR_DATA_DIR are resolved against `cwd`). */
export function libraryLocation(
  opts: { explicit?: string | undefined; env?: Env; cwd?: string; platform?: NodeJS.Platform; home?: string } = {},
): LibraryLocation {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const given = opts.explicit !== undefined && opts.explicit !== '' ? opts.explicit : env.RAPPORTEUR_DATA_DIR;
  if (given !== undefined && given !== '') return { dir: resolve(cwd, given), create: false };
  return { dir: defaultDataDir(env, opts.platform ?? process.platform, opts.home ?? homedir()), create: true };
}
