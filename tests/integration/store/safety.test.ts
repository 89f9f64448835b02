/**
 * Safety on real files: a damaged database is refused in plain words, set aside untouched and a
 * backup can be restored; backups (daily, kept 7, folder as a setting, self-contained); missing
 * and read-only folders give clear errors.
 */
import { describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listBackups, openStore, restoreBackup, scheduleBackups, startEmpty, StoreError } from '../../../src/services/store';
import { makeDocument } from './docs';
import { Clock, damageMiddle, DAY, HOUR, tempDir, track, fileHash, rejects } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
/** setpriv's list of the capabilities that let root ignore file permissions (read/search and write). */
const DROP_DAC_CAPS = '-dac_override,-dac_read_search';

/** Why a child process gave no answer, in one sentence: it could not start, was killed, or exited. */
function spawnFailure(command: string, r: SpawnSyncReturns<string>): string {
  const stderr = (r.stderr ?? '').trim().split('\n').slice(-3).join(' | ');
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' && command === 'setpriv' ? ' (setpriv, from util-linux, is needed to run this test as root)' : '';
    return `the child process could not be started: ${command}: ${r.error.message}${hint}`;
  }
  const how = r.signal ? `was killed by ${r.signal}` : `exited with code ${r.status} without an answer`;
  return `the child process ${how}${stderr ? `: ${stderr}` : ''}`;
}


describe('a damaged database', () => {
  it('is refused with a clear message, kept on disk untouched, and the newest backup can be restored', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const store = await openStore(dir, { now: clock.now });
    const early: string[] = [];
    for (let i = 0; i < 150; i++) early.push(store.create(makeDocument({ seed: i, paragraphs: 10 })).id);
    const backup = await store.backup();
    clock.advance(HOUR);
    const late = store.create(makeDocument({ seed: 999 })).id;
    store.close();

    const file = join(dir, 'rapporteur.db');
    damageMiddle(file);
    const damagedHash = fileHash(file);

    const err = await rejects(openStore(dir, { now: clock.now }));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^The library file is damaged and cannot be opened safely\. It has been set aside, untouched, as .*rapporteur-damaged-.*\.db\. The newest backup was taken on 2026-03-12 09:00 UTC/);
    const damaged = err.details.damagedFile as string;
    expect(existsSync(damaged)).toBe(true);
    expect(fileHash(damaged)).toBe(damagedHash);
    expect(existsSync(file)).toBe(false);
    expect((err.details.backups as { file: string }[])[0]!.file).toBe(backup.file);

    // Until the user decides, opening again gives the same answer and creates no empty library.
    expect((await rejects(openStore(dir, { now: clock.now }))).code).toBe('corrupt');
    expect(existsSync(file)).toBe(false);

    const outcome = restoreBackup(dir, undefined, clock.now());
    expect(outcome.restored.file).toBe(backup.file);
    expect(outcome.setAside).toBeUndefined();
    const restored = track(await openStore(dir, { now: clock.now }));
    expect(restored.integrityCheck()).toBe('ok');
    const ids = restored.list().map((d) => d.id);
    expect(ids.sort()).toEqual([...early].sort());
    expect(ids).not.toContain(late);
    expect(restored.get(early[0]!).document).toEqual(makeDocument({ seed: 0, paragraphs: 10 }));
    // The damaged file is still there, byte for byte; the backup was copied, not moved.
    expect(fileHash(damaged)).toBe(damagedHash);
    expect(existsSync(backup.file)).toBe(true);
  });

  it('a damaged header (not a database any more) is handled the same way; "start empty" keeps the damaged file', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.create(makeDocument());
    store.close();
    const file = join(dir, 'rapporteur.db');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('this is not sqlite at all'), 0, 25, 0);
    closeSync(fd);
    const err = await rejects(openStore(dir));
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('No backup was found');
    startEmpty(dir);
    const fresh = track(await openStore(dir));
    expect(fresh.list()).toEqual([]);
    expect(existsSync(err.details.damagedFile as string)).toBe(true);
  });

  it('bytes changed inside a text (which quick_check cannot see) are caught by the checksum; history restores it', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const store = await openStore(dir, { now: clock.now });
    const v1 = makeDocument({ plant: { fr: 'MARQUEUR-UNIQUE-QZX vers la fin.' } });
    const d = store.create(v1);
    const other = store.create(makeDocument({ seed: 5 }));
    store.close();
    const file = join(dir, 'rapporteur.db');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('MARQUEUR-UNIQUE-QZX');
    expect(at).toBeGreaterThan(0);
    expect(bytes.indexOf('MARQUEUR-UNIQUE-QZX', at + 1)).toBe(-1);
    // Still valid JSON and a valid document: only a checksum can tell.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from('marqueur'), 0, 8, at);
    closeSync(fd);

    const reopened = track(await openStore(dir, { now: clock.now }));
    expect(reopened.integrityCheck()).toBe('ok');
    let err: StoreError | undefined;
    try {
      reopened.get(d.id);
    } catch (e) {
      err = e as StoreError;
    }
    expect(err?.code).toBe('invalid-document');
    expect(err?.message).toMatch(new RegExp(`dossier ${d.id} .*damaged on disk.*restore its latest revision`));
    expect(reopened.get(other.id).document).toEqual(makeDocument({ seed: 5 }));
    reopened.restore(d.id, 1);
    expect(reopened.get(d.id).document).toEqual(v1);
    // The damaged text was kept in history too (nothing is thrown away), as revision 2.
    expect(reopened.history(d.id).map((r) => `${r.seq}:${r.reason}`)).toEqual(['3:restore', '2:auto', '1:created']);
  });

  it('restoring a backup over a live library sets the live file aside instead of overwriting it', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const store = await openStore(dir, { now: clock.now });
    const a = store.create(makeDocument()).id;
    await store.backup();
    const b = store.create(makeDocument()).id;
    store.close();
    const outcome = restoreBackup(dir, undefined, clock.now());
    expect(outcome.setAside).toMatch(/rapporteur-replaced-.*\.db$/);
    const aside = new Database(outcome.setAside!, { readonly: true });
    expect(aside.prepare('SELECT id FROM dossiers ORDER BY id').pluck().all()).toEqual([a, b].sort());
    aside.close();
    const reopened = track(await openStore(dir, { now: clock.now }));
    expect(reopened.list().map((d) => d.id)).toEqual([a]);
  });

  it('refuses to restore a damaged backup, and changes nothing', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    for (let i = 0; i < 60; i++) store.create(makeDocument({ seed: i, paragraphs: 10 }));
    const b = await store.backup();
    store.close();
    damageMiddle(b.file);
    const live = fileHash(join(dir, 'rapporteur.db'));
    let err: StoreError | undefined;
    try {
      restoreBackup(dir, b.file);
    } catch (e) {
      err = e as StoreError;
    }
    expect(err?.code).toBe('backup-failed');
    expect(fileHash(join(dir, 'rapporteur.db'))).toBe(live);
  });
});

describe('backups', () => {
  it('are taken once a day when asked, are sound self-contained files, and only the last 7 are kept', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const store = track(await openStore(dir, { now: clock.now }));
    const d = store.create(makeDocument());
    const first = await store.maybeBackup();
    expect(first).toBeDefined();
    clock.advance(3 * HOUR);
    expect(await store.maybeBackup()).toBeUndefined();
    const taken = [first!.file];
    for (let day = 1; day <= 9; day++) {
      clock.advance(DAY);
      taken.push((await store.maybeBackup())!.file);
    }
    const files = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.db'));
    expect(files.sort()).toEqual(taken.slice(-7).map((f) => f.split('/').pop()!).sort());
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('-wal') || f.endsWith('.partial'))).toBe(false);
    const copy = new Database(taken.at(-1)!, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.prepare('SELECT id FROM dossiers').pluck().all()).toEqual([d.id]);
    copy.close();
  });

  it('are scheduled by the host: at once, then at every tick, failures reported, until stopped', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const errors: unknown[] = [];
      const stop = scheduleBackups(
        {
          maybeBackup: async () => {
            calls++;
            if (calls === 2) throw new StoreError('missing-dir', 'USB key not plugged in');
          },
        },
        { everyMs: 1000, onError: (e) => errors.push(e) },
      );
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(3000);
      expect(calls).toBe(4);
      expect(errors).toHaveLength(1);
      stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });

  it('go to the folder chosen in the settings, which is found again even when the library is damaged', async () => {
    const dir = tempDir();
    const usb = tempDir('rapporteur-usb-');
    const clock = new Clock();
    const store = await openStore(dir, { now: clock.now });
    const d = store.create(makeDocument()).id;
    store.setBackupDir(usb);
    expect(store.backupDir()).toBe(usb);
    const b = await store.backup();
    expect(dirname(b.file)).toBe(usb);
    expect(JSON.parse(readFileSync(join(dir, 'backup-location.json'), 'utf8'))).toEqual({ dir: usb });
    store.close();

    damageMiddle(join(dir, 'rapporteur.db'), 4);
    const err = await rejects(openStore(dir, { now: clock.now }));
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain(b.file);
    expect(listBackups(dir)[0]!.file).toBe(b.file);
    restoreBackup(dir);
    const restored = track(await openStore(dir, { now: clock.now }));
    expect(restored.list().map((x) => x.id)).toEqual([d]);
  });

  it('report a backup folder that is missing (a USB key not plugged in) without harming the library', async () => {
    const dir = tempDir();
    const usb = tempDir('rapporteur-usb-');
    const store = track(await openStore(dir));
    expect(() => store.setBackupDir(join(usb, 'nope'))).toThrow(StoreError);
    store.setBackupDir(usb);
    rmSync(usb, { recursive: true });
    const err = await rejects(store.backup());
    expect(err.code).toBe('missing-dir');
    expect(store.create(makeDocument()).version).toBe(1);
    store.setBackupDir(null);
    expect((await store.backup()).file.startsWith(join(dir, 'backups'))).toBe(true);
  });
});

describe('the data folder', () => {
  it('missing: a clear error, nothing created, unless creating is asked for', async () => {
    const parent = tempDir();
    const missing = join(parent, 'not-here');
    const err = await rejects(openStore(missing));
    expect(err.code).toBe('missing-dir');
    expect(err.message).toContain(missing);
    expect(existsSync(missing)).toBe(false);
    writeFileSync(join(parent, 'a-file'), 'x');
    expect((await rejects(openStore(join(parent, 'a-file')))).code).toBe('missing-dir');
    track(await openStore(missing, { create: true }));
    expect(existsSync(join(missing, 'rapporteur.db'))).toBe(true);
  });

  /**
   * Opens the store in a child process to which file permissions apply. Root ignores them, so
   * when the tests run as root the child stays root but loses CAP_DAC_OVERRIDE and
   * CAP_DAC_READ_SEARCH (setpriv, util-linux): it can still reach Node and the checkout wherever
   * they are (a home folder, a 0700 temporary folder), and a read-only folder is read-only to it.
   */
  function openAsUser(dir: string, nodePath = process.execPath): { ok?: boolean; code?: string; message?: string; crash?: string } {
    const node = [nodePath, '--import', 'tsx', join(here, 'fixtures', 'open-child.ts'), dir];
    const asRoot = process.getuid?.() === 0;
    const [command, ...args] = asRoot ? ['setpriv', `--inh-caps=${DROP_DAC_CAPS}`, `--bounding-set=${DROP_DAC_CAPS}`, '--', ...node] : node;
    const r = spawnSync(command!, args, { encoding: 'utf8', cwd: join(here, '..', '..', '..'), timeout: 30_000 });
    const line = r.stdout?.trim().split('\n').pop() ?? '';
    if (r.error || !line) throw new Error(spawnFailure(command!, r));
    return JSON.parse(line);
  }

  it('read-only folder: a clear error', () => {
    const parent = tempDir();
    const ro = join(parent, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const out = openAsUser(ro);
    expect(out.code).toBe('read-only');
    expect(out.message).toMatch(/is read-only/);
    // The same folder made writable works, so the error above was the permission and nothing else.
    chmodSync(ro, 0o777);
    expect(openAsUser(ro)).toEqual({ ok: true });
  });

  it('the read-only check works wherever Node lives, even behind a folder only its owner can enter', () => {
    const hidden = tempDir('rapporteur-node-'); // mkdtemp makes it 0700, like a home folder
    expect(statSync(hidden).mode & 0o777).toBe(0o700);
    const node = join(hidden, 'node');
    symlinkSync(process.execPath, node);
    const ro = join(tempDir(), 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    expect(openAsUser(ro, node).code).toBe('read-only');
  });

  it('a child that cannot start says why, instead of failing on its missing output', () => {
    expect(() => openAsUser(tempDir(), join(tempDir(), 'no-node-here'))).toThrow(/child process (could not be started|exited with code \d+ without an answer).*no-node-here|ENOENT/);
  });

  it('read-only database file: a clear error, the file unchanged', async () => {
    const parent = tempDir();
    const dir = join(parent, 'lib');
    mkdirSync(dir);
    const store = await openStore(dir);
    store.create(makeDocument());
    store.close();
    chmodSync(dir, 0o777);
    const file = join(dir, 'rapporteur.db');
    chmodSync(file, 0o444);
    const before = fileHash(file);
    const out = openAsUser(dir);
    expect(out.code).toBe('read-only');
    expect(out.message).toContain(file);
    expect(fileHash(file)).toBe(before);
  });
});
