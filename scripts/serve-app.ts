#!/usr/bin/env node
// The app in a browser, with a REAL library: serves the built renderer (out/renderer) and
// answers the IPC contract over loopback HTTP with the same handlers as the Electron main
// process (src/services/host/). For development and the end-to-end tests.
//
//   node --import tsx scripts/serve-app.ts [--data-dir DIR] [--port 0] [--root out/renderer]
//                                          [--interface-language fr|en] [--exit-with-stdin] [--test-faults]
//   (npm run serve -- …)
//
// The library is found as the CLI finds it: --data-dir, else $RAPPORTEUR_DATA_DIR, else the
// per-user default. Bound to 127.0.0.1; the page gets a per-run secret token (see
// src/services/host/http.ts). Prints "serving <url>" once listening. PDF export goes through the
// system's Chromium, as the CLI's does. --exit-with-stdin: stop when stdin closes (a test runner
// that starts this process and dies does not leave it behind). --test-faults (end-to-end tests
// only): lines "save-fault on" / "save-fault off" on stdin make every dossier.save fail as a disk
// error until switched off, and "command <name>" sends the pages that menu command (the
// desktop app's menus, which this host has not: src/shared/host-events.ts); nothing else can
// reach these switches, and without the flag they do not exist.
// On stop (SIGINT, SIGTERM, stdin closed) the pages are asked to save what is unsaved first, as
// the desktop app does before it quits (at most FLUSH_TIMEOUT_MS).
import './require-node.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher, fail, type Dispatch, type InterfaceLanguage } from '../src/shared/ipc-contract';
import { createHostHandlers } from '../src/services/host/handlers';
import { createHostEvents } from '../src/services/host/events';
import { appCommandSchema } from '../src/shared/host-events';
import { startHttpHost } from '../src/services/host/http';
import { teamOrigins } from '../src/services/host/team';
import { htmlToPdf } from '../src/services/export/pdf';
import { libraryLocation, openStore, StoreError } from '../src/services/store/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function die(message: string): never {
  console.error(`serve-app: ${message}`);
  process.exit(1);
}

function systemLanguage(): InterfaceLanguage {
  for (const l of [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG]) {
    const base = l?.toLowerCase().split(/[-_.]/)[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

const given = argValue('--interface-language');
if (given !== undefined && given !== 'fr' && given !== 'en') die(`--interface-language must be fr or en, not "${given}"`);
const location = libraryLocation({ explicit: argValue('--data-dir') });
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

let store;
try {
  store = await openStore(location.dir, { create: location.create });
} catch (e) {
  if (e instanceof StoreError) die(`${e.code}: ${e.message}`);
  throw e;
}

const FLUSH_TIMEOUT_MS = 5000;
const events = createHostEvents();
const handlers = createHostHandlers({
  store,
  events,
  appInfo: { name: 'Rapporteur', version, platform: 'web' },
  defaultLanguage: (given as InterfaceLanguage | undefined) ?? systemLanguage(),
  printPdf: (html, options) => htmlToPdf(html, options),
});
const dispatch = withTestFaults(createDispatcher(handlers, (channel, error) => console.error(`[serve-app] ${channel} failed:`, error)));

/** The test fault switch (see the header): only with --test-faults, only through this process's stdin. */
function withTestFaults(inner: Dispatch): Dispatch {
  if (!process.argv.includes('--test-faults')) return inner;
  let failSaves = false;
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line === 'save-fault on' || line === 'save-fault off') {
        failSaves = line.endsWith('on');
        console.log(line);
      } else if (line.startsWith('command ')) {
        const command = appCommandSchema.safeParse(line.slice('command '.length));
        if (command.success) events.emit('app.command', { command: command.data });
        console.log(command.success ? `sent ${line} to ${events.pages} page(s)` : `no such command: ${line}`);
      }
    }
  });
  process.stdin.resume();
  return (channel, input) =>
    failSaves && channel === 'dossier.save' ? Promise.resolve(fail('io-error', 'the disk could not be written (test fault switch)')) : inner(channel, input);
}

let host;
try {
  host = await startHttpHost({ dispatch, events, connectOrigins: () => teamOrigins(store), rendererRoot: argValue('--root') ?? join(root, 'out', 'renderer'), port: Number(argValue('--port') ?? 0) });
} catch (e) {
  store.close();
  die(e instanceof Error ? e.message : String(e));
}

console.log(`serving ${host.url}`);
console.log(`library ${location.dir}`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void events
    .requestFlush(FLUSH_TIMEOUT_MS)
    .then((outcome) => {
      if (outcome.kind === 'timeout') console.warn(`serve-app: ${outcome.expected - outcome.answered} page(s) did not confirm their save within ${FLUSH_TIMEOUT_MS / 1000} s`);
      else if (outcome.kind === 'answered' && !outcome.saved) console.warn('serve-app: a page could not save its last changes before the host stopped');
      else if (outcome.kind === 'answered') console.log('flushed');
    })
    .then(() => host.close())
    .then(() => {
    store.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (process.argv.includes('--exit-with-stdin')) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
