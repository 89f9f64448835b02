/**
 * The real desktop app, driven through Playwright's Electron support: the window's
 * webPreferences are the secure ones, the renderer has no Node, the preload exposes only the
 * contract, and window.open and navigation are refused; a draft typed just before quitting is
 * saved (the flush before quit), the menu's items follow the screen, and a `.rapporteur` file
 * passed on the command line is imported and opened.
 *
 * SKIPPED when the Electron binary is not installed. That is the one honest skip we allow:
 * since Electron 42 `npm install` no longer downloads the binary and `npx install-electron`
 * needs a download host some build machines cannot reach. Everything else (renderer, core,
 * contract, host) is tested without Electron, in Node and in Chromium.
 */
import { _electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary();

test.skip(!binary.ok, `Electron binary not installed: ${binary.ok ? '' : binary.reason}`);

test('the window is sandboxed and isolated; window.open and navigation are refused', async () => {
  if (!binary.ok) return;
  const env = { ...process.env } as Record<string, string>;
  delete env['ELECTRON_RENDERER_URL']; // load the built renderer, not a dev server
  // A library of its own, never the user's.
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-electron-'));
  env['RAPPORTEUR_DATA_DIR'] = dataDir;
  // Chromium's OS sandbox refuses to start as root (CI containers); webPreferences are unaffected.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
  const app = await _electron.launch({ executablePath: binary.path, args, cwd: root, env });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('document')).toBeVisible();

    // getLastWebPreferences() is Electron's (untyped, undocumented) view of the preferences the
    // window really runs with, the one Electron's own test suite reads.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      const p = wc.getLastWebPreferences?.();
      return p ? { contextIsolation: p['contextIsolation'], sandbox: p['sandbox'], nodeIntegration: p['nodeIntegration'], webSecurity: p['webSecurity'], webviewTag: p['webviewTag'] } : null;
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });

    // No Node in the page.
    expect(await page.evaluate(() => [typeof (globalThis as Record<string, unknown>)['require'], typeof (globalThis as Record<string, unknown>)['process']])).toEqual([
      'undefined',
      'undefined',
    ]);

    // The preload exposes the contract, validated in main, and nothing else.
    expect(await page.evaluate(() => window.rapporteur!.invoke('app.info'))).toMatchObject({ ok: true, value: { name: 'Rapporteur' } });
    expect(await page.evaluate(() => window.rapporteur!.invoke('templates.create', { kind: 'nope', lang: 'de' } as never))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const outside = await page.evaluate(() => {
      try {
        void (window.rapporteur as unknown as { invoke: (c: string) => unknown }).invoke('fs.readFile');
        return 'accepted';
      } catch (e) {
        return String(e);
      }
    });
    expect(outside).toContain('not in the contract');

    // window.open is denied: no new window.
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);

    // Navigation is refused: wait for the app's will-navigate and check it was prevented.
    const before = page.url();
    const attempt = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<{ url: string; prevented: boolean }>((resolve) => {
          BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (event) =>
            setImmediate(() => resolve({ url: event.url, prevented: event.defaultPrevented })),
          );
        }),
    );
    await page.evaluate(() => {
      location.href = 'https://example.org/';
    });
    expect(await attempt).toEqual({ url: 'https://example.org/', prevented: true });
    expect(await page.evaluate(() => location.href)).toBe(before);

    // The library behind the preload is the real store in RAPPORTEUR_DATA_DIR, and PDF export
    // goes through the hidden print window's printToPDF.
    expect(await page.evaluate(() => window.rapporteur!.invoke('library.list'))).toEqual({ ok: true, value: [] });
    const pdf = await page.evaluate(async () => {
      const d = await window.rapporteur!.invoke('dossier.create', { kind: 'letter', lang: 'fr' });
      if (!d.ok) return d.error.code;
      const r = await window.rapporteur!.invoke('export.document', { id: d.value.id, format: 'pdf', profile: 'issued', paper: 'a4', lang: 'fr' });
      return r.ok ? new TextDecoder().decode(r.value.bytes.subarray(0, 5)) : `${r.error.code}: ${r.error.message}`;
    });
    expect(pdf).toBe('%PDF-');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a draft typed just before quitting is there after a relaunch; a .rapporteur file passed on the command line opens', async () => {
  if (!binary.ok) return;
  test.setTimeout(120_000);
  const env = { ...process.env, LANG: 'en_US.UTF-8', LANGUAGE: 'en' } as Record<string, string>;
  delete env['ELECTRON_RENDERER_URL'];
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-electron-'));
  const sharedDir = mkdtempSync(join(tmpdir(), 'rapporteur-electron-shared-'));
  env['RAPPORTEUR_DATA_DIR'] = dataDir;
  const launch = (extra: string[] = []) =>
    _electron.launch({ executablePath: binary.path, args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root, ...extra], cwd: root, env });
  /** The enabled state of the application menu's item labelled `label`. */
  const menuItemEnabled = (app: ElectronApplication, label: string) =>
    app.evaluate(({ Menu }, wanted) => {
      type Item = { label: string; enabled: boolean; submenu?: { items: Item[] } | null };
      const find = (items: Item[]): Item | undefined => {
        for (const i of items) {
          if (i.label === wanted) return i;
          const inner = i.submenu ? find(i.submenu.items) : undefined;
          if (inner) return inner;
        }
        return undefined;
      };
      return find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])?.enabled;
    }, label);
  try {
    let app = await launch();
    let page = await app.firstWindow();
    expect(await menuItemEnabled(app, 'Print…')).toBe(false); // no dossier open
    await page.getByTestId('new-kind').selectOption('letter');
    await page.getByTestId('new-lang').selectOption('en');
    await page.getByTestId('new-create').click();
    await page.locator('.rk-placeholder').first().click();
    await page.keyboard.type('Typed just before quitting.');
    await expect.poll(() => menuItemEnabled(app, 'Print…')).toBe(true);
    const id = (await page.getByTestId('dossier-view').getAttribute('data-id'))!;
    // Quitting asks the page to save first (app.flush), well within the autosave's delay.
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await page.getByTestId('dossier-item').first().click();
    await expect(page.getByTestId('editor')).toContainText('Typed just before quitting.');
    await app.close();

    const file = join(sharedDir, 'letter.rapporteur');
    const exported = spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', dataDir, 'export', id, '-o', file], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    app = await launch([file]);
    page = await app.firstWindow();
    await expect(page.getByTestId('dossier-view')).toBeVisible();
    await expect(page.getByTestId('editor')).toContainText('Typed just before quitting.');
    await expect(page.getByTestId('dossier-item')).toHaveCount(2);
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(sharedDir, { recursive: true, force: true });
  }
});
