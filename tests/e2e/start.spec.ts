/**
 * `npm start` on a machine without the Electron binary (as on any machine that cannot reach
 * Electron's download host): one line says so, the same app starts in the browser host instead
 * and prints its address, and that address is a working app, in real Chromium, on a real library.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, root, test } from './app-host';

test('without an Electron binary, npm start says so in one line and serves the app in the browser host', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-start-'));
  // An empty folder as the Electron "binary": nothing to launch, and no download is attempted.
  const noElectron = mkdtempSync(join(tmpdir(), 'rapporteur-no-electron-'));
  const child = spawn(process.execPath, [join(root, 'scripts', 'start-app.mjs')], {
    cwd: root,
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: noElectron, RAPPORTEUR_DATA_DIR: dataDir, LANG: 'en_GB.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((ok, ko) => {
      const timer = setTimeout(() => ko(new Error(`no address within 30 s:\n${out}${err}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^serving (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      child.once('exit', (code) => ko(new Error(`npm start exited (${code}) without serving:\n${out}${err}`)));
    });
    const lines = err.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rapporteur: no desktop window: ELECTRON_OVERRIDE_DIST_PATH is set but .* does not exist; starting the same app in your browser instead \(loopback only, with a per-run token\): open the address below\.$/);

    await page.goto(url);
    await expect(page.getByTestId('library-empty')).toHaveText('No drafts yet.');
    await page.getByTestId('new-kind').selectOption('letter');
    await page.getByTestId('new-create').click();
    await expect(page.getByTestId('dossier-item')).toHaveCount(1);
  } finally {
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(noElectron, { recursive: true, force: true });
  }
});
