/**
 * Playwright fixture: the app served by scripts/serve-app.ts (the built renderer + the real
 * handlers over loopback HTTP) on a REAL library in a fresh temporary folder, one per test, so
 * tests never see each other's dossiers. `appHost.url` is the page to open; `appHost.dataDir`
 * is the library's folder (the CLI can open it too).
 */
import { test as base } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type AppHost = {
  url: string;
  dataDir: string;
  /** Makes the host's dossier.save fail (a disk error) until switched off: the test fault switch of scripts/serve-app.ts. */
  failSaves: (on: boolean) => Promise<void>;
  /** Sends the pages a menu command, as the desktop app's menu does (the same switch); resolves with how many pages listen. */
  command: (name: string) => Promise<number>;
  /** Stops the host as a quit would (stdin closed) and resolves with everything it printed once it has exited. */
  stop: () => Promise<string>;
};

/**
 * Starts scripts/serve-app.ts on the library in `dataDir` and resolves once it serves (the
 * benches start it this way too). `testFaults`: with the test fault switches (on by default, as
 * the tests use them); `timeoutMs`: how long it may take to start.
 */
export function startServeApp(dataDir: string, { testFaults = true, timeoutMs = 60_000 }: { testFaults?: boolean; timeoutMs?: number } = {}): Promise<{ child: ChildProcess; url: string }> {
  const args = [join(root, 'scripts', 'serve-app.ts'), '--interface-language', 'en', '--exit-with-stdin', ...(testFaults ? ['--test-faults'] : [])];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, RAPPORTEUR_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return new Promise((ok, ko) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => ko(new Error(`serve-app did not start within ${timeoutMs / 1000} s:\n${out}${err}`)), timeoutMs);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^serving (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({ child, url: m[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      ko(new Error(`serve-app exited (${code}) before serving:\n${out}${err}`));
    });
  });
}

/** A browser host on a fresh library of its own (the fixture below; tests that need two hosts call it twice). */
export async function launchAppHost(): Promise<AppHost & { dispose: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-'));
  const { child, url } = await startServeApp(dataDir);
  const failSaves = (on: boolean) =>
    new Promise<void>((ok) => {
      const line = `save-fault ${on ? 'on' : 'off'}`;
      const onData = (d: Buffer) => {
        if (d.toString().includes(line)) {
          child.stdout!.off('data', onData);
          ok();
        }
      };
      child.stdout!.on('data', onData);
      child.stdin!.write(`${line}\n`);
    });
  let printed = '';
  child.stdout!.on('data', (d: Buffer) => (printed += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (printed += d.toString()));
  const command = (name: string) =>
    new Promise<number>((ok) => {
      const onData = (d: Buffer) => {
        const m = new RegExp(`sent command ${name.replace('.', '\\.')} to (\\d+) page`).exec(d.toString());
        if (m) {
          child.stdout!.off('data', onData);
          ok(Number(m[1]));
        }
      };
      child.stdout!.on('data', onData);
      child.stdin!.write(`command ${name}\n`);
    });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.stdin!.end();
      await exited;
    }
    return printed;
  };
  const dispose = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.stdin!.end(); // serve-app stops when its stdin closes
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, failSaves, command, stop, dispose };
}

export const test = base.extend<{ appHost: AppHost }>({
  // Playwright requires the fixtures argument to be destructured, even when none is used.
  // eslint-disable-next-line no-empty-pattern
  appHost: async ({}, use) => {
    const host = await launchAppHost();
    try {
      await use(host);
    } finally {
      await host.dispose();
    }
  },
});

export { expect } from '@playwright/test';
