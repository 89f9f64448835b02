#!/usr/bin/env node
// `npm start`: launches the built app (out/) in Electron. If the Electron binary is missing
// (Electron >= 42 no longer downloads it during `npm install`), tries `install-electron` once,
// quietly, then launches. Every failure is ONE clear line on stderr and exit code 1.
import './require-node.mjs';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const INSTALL_TIMEOUT_MS = 180_000;

function die(message) {
  console.error(`rapporteur: ${message}`);
  process.exit(1);
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) die('out/main/index.js is missing: run `npm run build` first.');

let binary = findElectronBinary();
if (!binary.ok) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) die(`${binary.reason}.`);
  const r = spawnSync(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  binary = findElectronBinary();
  if (!binary.ok) {
    const detail = (r.error?.message ?? r.stderr ?? '')
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0 && !l.startsWith('at '));
    die(
      `cannot start: the Electron binary is not installed, and \`npx install-electron\` could not download it${detail ? ` (${detail})` : ''}. ` +
        'Run `npx install-electron` where the Electron download host is reachable, or set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.',
    );
  }
}

const args = [root, ...process.argv.slice(2)];
// Chromium's OS sandbox cannot start as root (e.g. in a container); the app's own
// webPreferences (sandbox: true) still apply.
if (process.getuid?.() === 0 && !args.includes('--no-sandbox')) args.unshift('--no-sandbox');

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary.path, args, { cwd: root, stdio: 'inherit', env });
child.on('error', (error) => die(`cannot start Electron at ${binary.path}: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
