/**
 * The real Electron main process (src/main/index.ts) run in Node against a fake `electron`
 * (fixtures/fake-electron.mjs, put in place by a module resolution hook), on a real library in
 * a temporary folder: it opens the library named by RAPPORTEUR_DATA_DIR, answers every channel
 * of the contract through the store, refuses foreign frames, rebuilds its menu when the
 * interface language changes, prints PDF in a hidden sandboxed window, takes the daily backup,
 * closes the library on quit, and asks with a native dialog when the library is damaged.
 *
 * What this cannot show (Electron itself: real windows, the preload, printToPDF's output) is
 * covered by tests/e2e/electron.spec.ts where the Electron binary is installed.
 */
import { EMPTY_MISSION } from '../../../src/core/templates/mission';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../src/shared/ipc-contract';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

// The child's JSON report, checked field by field below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function runMain(env: Record<string, string>): Record<string, any> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', join(here, 'fixtures', 'register-fake-electron.mjs'), join(here, 'fixtures', 'main-child.ts')], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) throw new Error(`main process failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line);
}

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'rapporteur-main-'));
  dirs.push(d);
  return d;
}

describe('the main process', () => {
  it('opens the library, answers the contract from it, and closes it on quit', () => {
    const dir = dataDir();
    const out = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_SYSTEM_LANGUAGES: 'fr-CA,en-US' });
    expect(out.sandboxEnabled).toBe(true);
    expect(out.dialogs).toEqual([]);
    expect(out.channels).toEqual(CHANNELS.map((c) => `rapporteur:${c}`).sort());
    expect(out.mainPrefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(out.info).toEqual({ ok: true, value: { name: 'Rapporteur', version: '0.1.0', platform: process.platform } });
    // The library is the folder RAPPORTEUR_DATA_DIR names (as for the CLI), not Electron's userData.
    expect(out.settings).toEqual({ ok: true, value: { interfaceLanguage: 'fr', frenchSpacing: 'new-york', backupDir: join(dir, 'backups'), backupDirIsDefault: true, authorName: '', mission: EMPTY_MISSION, images: { emblem: null, signatures: {} } } });
    expect(readdirSync(dir)).toContain('rapporteur.db');
    expect(out.created).toMatchObject({ ok: true, value: { kind: 'letter', version: 1 } });
    expect(out.list.value.map((d: { id: string }) => d.id)).toEqual([out.created.value.id]);
    expect(out.foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The menu follows the interface language, which starts as the system's.
    expect(out.menusBefore).toEqual(['Fichier', 'Édition', 'Insertion', 'Document', 'Affichage', 'Aide']);
    expect(out.setLanguage).toMatchObject({ ok: true, value: { interfaceLanguage: 'en' } });
    expect(out.menusAfter).toEqual(['File', 'Edit', 'Insert', 'Document', 'View', 'Help']);
    // The page said which commands its screen offers: those items are enabled, the others not;
    // choosing one sends it to the page.
    expect(out.menuPrintEnabled).toBe(true);
    expect(out.menuExportEnabled).toBe(false);
    expect(out.commandEvents).toEqual([['app.command', { command: 'file.print' }]]);
    // The backup folder comes from the native dialog (cancelled here: nothing changes).
    expect(out.chooseFolder).toMatchObject({ ok: true, value: { backupDirIsDefault: true } });
    // Quitting waited for the page's save before the library closed.
    expect(out.quitOrder).toEqual(['flush asked', 'quit called (completed: false)', 'saved (quit completed: false)']);
    // PDF: printed by a hidden, sandboxed window without preload or JavaScript, then cleaned up.
    expect(out.pdf).toBe('%PDF-fake ');
    expect(out.printWindow).toMatchObject({ show: false, destroyed: true, fileGone: true, printed: [{ pageSize: 'A4', preferCSSPageSize: true }] });
    expect(out.printWindow.prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(out.printWindow.prefs.preload).toBeUndefined();
    // The daily backup was taken at start.
    expect(out.backups).toBe(1);
    // After quitting, the library is closed.
    expect(out.afterQuit).toMatchObject({ ok: false, error: { code: 'closed' } });
  });

  it('imports a .rapporteur file passed on the command line and tells the page to open it', () => {
    const dir = dataDir();
    // A shared file made by another library (the CLI's own export).
    const other = dataDir();
    runMain({ RAPPORTEUR_DATA_DIR: other });
    const file = join(dataDir(), 'lettre.rapporteur');
    const id = JSON.parse(spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', other, 'list', '--json'], { encoding: 'utf8' }).stdout)[0].id;
    const exported = spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', other, 'export', id, '-o', file], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    const out = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_OPEN_FILE: file, FAKE_CHOSEN_FOLDER: other });
    expect(out.openedEvents).toHaveLength(1);
    const ids = out.listAfterOpen.value.map((d: { id: string }) => d.id);
    expect(ids).toContain(out.openedEvents[0][1].id);
    expect(ids).toHaveLength(2); // the letter created by the run, and the one opened
    // The folder picked in the (fake) native dialog became the backup folder.
    expect(out.chooseFolder).toMatchObject({ ok: true, value: { backupDir: other, backupDirIsDefault: false } });
  });

  it('opens the window where it was left, the next time', () => {
    const dir = dataDir();
    const userData = dataDir();
    const first = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_USER_DATA: userData });
    expect(first.mainBounds).toEqual({ width: 1280, height: 860 });
    const again = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_USER_DATA: userData });
    expect(again.mainBounds).toEqual({ x: 120, y: 90, width: 1100, height: 720 });
  });

  it('keeps the interface language chosen before, over the system’s', () => {
    const dir = dataDir();
    runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_SYSTEM_LANGUAGES: 'fr-FR' }); // switches to English
    const again = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_SYSTEM_LANGUAGES: 'fr-FR' });
    expect(again.menusBefore).toEqual(['File', 'Edit', 'Insert', 'Document', 'View', 'Help']);
    expect(again.list.value).toHaveLength(2);
  });

  it('asks what to do with a damaged library (in the interface language), and starts empty when told to', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'rapporteur.db'), Buffer.alloc(16384, 0x42));
    const out = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_SYSTEM_LANGUAGES: 'en-GB', FAKE_ANSWERS: '0' });
    expect(out.dialogs).toEqual([{ message: 'The library file is damaged and cannot be opened safely.', buttons: ['Start with an empty library', 'Quit'] }]);
    expect(out.windows).toBe(1); // the main window opened, after the dialog
    expect(out.list.value).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => /^rapporteur-damaged-.*\.db$/.test(f))).toHaveLength(1);
  });

  it('quits without opening a window when the user chooses to', () => {
    const dir = join(dataDir(), 'not-created');
    const out = runMain({ RAPPORTEUR_DATA_DIR: dir, FAKE_SYSTEM_LANGUAGES: 'fr-FR', FAKE_ANSWERS: '1' });
    expect(out.dialogs).toEqual([{ message: 'Le dossier de la bibliothèque n’existe pas.', buttons: ['Réessayer', 'Quitter'] }]);
    expect(out.quitCalled).toBe(true);
    expect(out.windows).toBe(0);
  });
});
