// Where the Electron binary is, without side effects. (`require('electron')` would try to
// download the binary when it is missing; this only looks.) Used by scripts/start-app.mjs and
// tests/e2e/electron.spec.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

/** `{ ok: true, path }` when the binary is installed, else `{ ok: false, reason }`. */
export function findElectronBinary() {
  if (!existsSync(join(electronDir, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed (run `npm install`)' };
  }
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, relative ?? 'electron');
    return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${exe} does not exist` };
  }
  if (!relative) {
    return { ok: false, reason: 'node_modules/electron/dist is absent (Electron >= 42 no longer downloads it during npm install; run `npx install-electron`)' };
  }
  const exe = join(electronDir, 'dist', relative);
  return existsSync(exe) ? { ok: true, path: exe } : { ok: false, reason: `${exe} does not exist (run \`npx install-electron\`)` };
}
