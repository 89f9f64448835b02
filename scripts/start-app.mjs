#!/usr/bin/env node
// `npm start`: launches the built app (out/) in Electron. If the Electron binary is missing
// (Electron >= 42 no longer downloads it during `npm install`), tries `install-electron` once,
// quietly. If there is still no binary (a machine that cannot reach Electron's download host),
// it says so in one line and starts the same app in the browser host instead (scripts/serve-app.ts:
// loopback only, a per-run token), which prints the address to open, so that the README's run
// command always gives a working app. Every failure is ONE clear line on stderr and exit code 1.
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

/** Runs `command` as the app, passing on Ctrl-C and termination, and exits with it. */
function run(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  child.on('error', (error) => die(`cannot start ${command}: ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

/** The one line of the installer's error worth showing. */
function installError(r) {
  return (r.error?.message ?? r.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0 && !l.startsWith('at '));
}

if (!existsSync(join(root, 'out', 'main', 'index.js'))) die('out/main/index.js is missing: run `npm run build` first.');

let binary = findElectronBinary();
let why = binary.ok ? '' : binary.reason;
// A binary chosen with ELECTRON_OVERRIDE_DIST_PATH is not replaced by a download.
if (!binary.ok && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (existsSync(installer)) {
    const r = spawnSync(process.execPath, [installer], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
    binary = findElectronBinary();
    const detail = installError(r);
    if (!binary.ok) why = `the Electron binary is not installed and \`npx install-electron\` could not download it${detail ? ` (${detail})` : ''}`;
  }
}

if (!binary.ok) {
  console.error(`rapporteur: no desktop window: ${why}; starting the same app in your browser instead (loopback only, with a per-run token): open the address below.`);
  run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'serve-app.ts'), ...process.argv.slice(2)], process.env);
} else {
  const args = [root, ...process.argv.slice(2)];
  // Chromium's OS sandbox cannot start as root (e.g. in a container); the app's own
  // webPreferences (sandbox: true) still apply.
  if (process.getuid?.() === 0 && !args.includes('--no-sandbox')) args.unshift('--no-sandbox');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary.path, args, env);
}
