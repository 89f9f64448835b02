/**
 * What the app does when its library cannot be opened (src/services/host/startup.ts), on real
 * files: a damaged database, one from a newer version, a missing folder. The main process only
 * shows `startupDialog(…)` and passes the button back; everything checked here is what it does.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary, problemFromError, resolveProblem, startupDialog, type StartupStep } from '../../../src/services/host/startup';
import { openStore, StoreError, type Store } from '../../../src/services/store';
import { makeDocument } from '../store/docs';
import { Clock, damageMiddle, tempDir, track, fileHash } from '../store/helpers';


function ready(step: StartupStep): Store {
  if (step.kind !== 'ready') throw new Error(`expected an open library, got ${step.kind === 'problem' ? `${step.problem.code}: ${step.problem.message}` : step.kind}`);
  return track(step.store);
}

function problem(step: StartupStep) {
  if (step.kind !== 'problem') throw new Error(`expected a problem, got ${step.kind}`);
  return step.problem;
}

/** A library with `n` dossiers and a backup of them, then one more dossier after the backup. */
async function libraryWithBackup(dir: string, clock: Clock, n = 20) {
  const store = await openStore(dir, { now: clock.now });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(store.create(makeDocument({ seed: i, paragraphs: 10 })).id);
  const backup = await store.backup();
  clock.advance(3_600_000);
  const late = store.create(makeDocument({ seed: 999 })).id;
  store.close();
  return { ids, late, backup };
}

describe('a damaged library', () => {
  it('offers the newest backup; restoring it opens the library as it was then, the damaged file kept', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const { ids, late, backup } = await libraryWithBackup(dir, clock, 150);
    damageMiddle(join(dir, 'rapporteur.db'));

    const p = problem(await openLibrary(dir, { create: false, storeOptions: { now: clock.now } }));
    expect(p.code).toBe('corrupt');
    expect(p.choices).toEqual(['restore-backup', 'start-empty', 'quit']);
    expect(p.newestBackup).toEqual({ file: backup.file, takenAt: Date.UTC(2026, 2, 12, 9, 0, 0) });
    expect(p.damagedFile).toMatch(/rapporteur-damaged-.*\.db$/);
    const damagedHash = fileHash(p.damagedFile!);

    const en = startupDialog(p, 'en', { timeZone: 'UTC' });
    expect(en).toMatchObject({
      type: 'error',
      title: 'Rapporteur',
      message: 'The library file is damaged and cannot be opened safely.',
      buttons: ['Restore the newest backup', 'Start with an empty library', 'Quit'],
      defaultId: 0,
      cancelId: 2,
    });
    expect(en.detail).toContain(`It has been set aside, untouched, as ${p.damagedFile}.`);
    expect(en.detail).toContain('The newest backup was taken on 12 March 2026');
    const fr = startupDialog(p, 'fr', { timeZone: 'UTC' });
    expect(fr.message).toBe('Le fichier de la bibliothèque est endommagé et ne peut pas être ouvert sans risque.');
    expect(fr.buttons).toEqual(['Restaurer la sauvegarde la plus récente', 'Repartir d’une bibliothèque vide', 'Quitter']);
    expect(fr.detail).toContain('La sauvegarde la plus récente date du 12 mars 2026');

    const store = ready(await resolveProblem(p, 'restore-backup', { create: false, storeOptions: { now: clock.now } }));
    expect(store.list().map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(store.list().map((d) => d.id)).not.toContain(late);
    expect(store.integrityCheck()).toBe('ok');
    expect(fileHash(p.damagedFile!)).toBe(damagedHash);
    expect(existsSync(backup.file)).toBe(true);
  });

  it('without a backup: start with an empty library (the damaged file is kept), or quit', async () => {
    const dir = tempDir();
    const store = await openStore(dir);
    store.create(makeDocument());
    store.close();
    writeFileSync(join(dir, 'rapporteur.db'), Buffer.alloc(8192, 0x5a));

    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.code).toBe('corrupt');
    expect(p.choices).toEqual(['start-empty', 'quit']);
    expect(startupDialog(p, 'en').detail).toContain('No backup of this library was found.');
    const damaged = fileHash(p.damagedFile!);

    expect(await resolveProblem(p, 'quit', { create: false })).toEqual({ kind: 'quit' });
    expect(await resolveProblem(p, undefined, { create: false })).toEqual({ kind: 'quit' }); // the dialog was closed
    // A choice that was not offered is not carried out.
    expect(await resolveProblem(p, 'restore-backup', { create: false })).toEqual({ kind: 'quit' });
    // Quitting changed nothing: the question is the same at the next start.
    expect(problem(await openLibrary(dir, { create: false })).code).toBe('corrupt');

    const fresh = ready(await resolveProblem(p, 'start-empty', { create: false }));
    expect(fresh.list()).toEqual([]);
    expect(fileHash(p.damagedFile!)).toBe(damaged);
  });

  it('a backup that cannot be restored: the same question again, with the reason, without that choice', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const { backup } = await libraryWithBackup(dir, clock, 3);
    writeFileSync(backup.file, 'not a database either');
    writeFileSync(join(dir, 'rapporteur.db'), Buffer.alloc(8192, 0x5a));

    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.choices).toEqual(['restore-backup', 'start-empty', 'quit']);
    const again = problem(await resolveProblem(p, 'restore-backup', { create: false }));
    expect(again.code).toBe('corrupt');
    expect(again.choices).toEqual(['start-empty', 'quit']);
    expect(again.failure).toMatch(/cannot be restored|could be restored/);
    expect(startupDialog(again, 'fr').detail).toContain('Cela n’a pas fonctionné\u00a0: ');
    expect(ready(await resolveProblem(again, 'start-empty', { create: false })).list()).toEqual([]);
  });
});

describe('a library from a newer version', () => {
  async function newerLibrary(dir: string) {
    const store = await openStore(dir);
    store.create(makeDocument());
    store.close();
    const db = new Database(join(dir, 'rapporteur.db'));
    db.pragma('user_version = 99');
    db.close();
    return fileHash(join(dir, 'rapporteur.db'));
  }

  it('is never touched: starting empty sets it aside, byte for byte', async () => {
    const dir = tempDir();
    const hash = await newerLibrary(dir);
    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.code).toBe('future-version');
    expect(p.choices).toEqual(['start-empty', 'quit']);
    const d = startupDialog(p, 'en');
    expect(d.message).toBe('This library was saved by a newer version of Rapporteur.');
    expect(d.detail).toContain(`kept, untouched, in ${dir}`);
    expect(d.cancelId).toBe(1);

    const store = ready(await resolveProblem(p, 'start-empty', { create: false }));
    expect(store.list()).toEqual([]);
    const aside = readdirSync(dir).filter((f) => /^rapporteur-newer-.*\.db$/.test(f));
    expect(aside).toHaveLength(1);
    expect(fileHash(join(dir, aside[0]!))).toBe(hash);
  });

  it('can give way to the newest backup this version can read (the newer file set aside)', async () => {
    const dir = tempDir();
    const clock = new Clock();
    const { ids } = await libraryWithBackup(dir, clock, 3);
    const db = new Database(join(dir, 'rapporteur.db'));
    db.pragma('user_version = 99');
    db.close();
    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.choices).toEqual(['restore-backup', 'start-empty', 'quit']);
    const store = ready(await resolveProblem(p, 'restore-backup', { create: false }));
    expect(store.list().map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(readdirSync(dir).filter((f) => /^rapporteur-replaced-.*\.db$/.test(f))).toHaveLength(1);
  });
});

describe('a folder that is missing or cannot be written', () => {
  it('a folder named explicitly is not created: try again once it exists, or quit', async () => {
    const dir = join(tempDir(), 'library');
    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.code).toBe('missing-dir');
    expect(p.choices).toEqual(['retry', 'quit']);
    expect(startupDialog(p, 'fr')).toMatchObject({ message: 'Le dossier de la bibliothèque n’existe pas.', buttons: ['Réessayer', 'Quitter'], cancelId: 1 });
    expect(startupDialog(p, 'en').detail).toContain(dir);
    expect(problem(await resolveProblem(p, 'retry', { create: false })).code).toBe('missing-dir');
    expect(existsSync(dir)).toBe(false);
    mkdirSync(dir);
    expect(ready(await resolveProblem(p, 'retry', { create: false })).list()).toEqual([]);
  });

  it('the per-user default folder is created on first start', async () => {
    const dir = join(tempDir(), 'share', 'rapporteur');
    expect(ready(await openLibrary(dir, { create: true })).list()).toEqual([]);
  });

  it('read-only: try again or quit, worded in both languages', () => {
    const p = problemFromError(new StoreError('read-only', 'The data folder /x is read-only.', { dir: '/x' }), '/x');
    expect(p.choices).toEqual(['retry', 'quit']);
    expect(startupDialog(p, 'en')).toMatchObject({ type: 'warning', message: 'Rapporteur cannot write to its library.', buttons: ['Try again', 'Quit'] });
    expect(startupDialog(p, 'fr').detail).toContain('Le dossier /x ou le fichier de la bibliothèque qu’il contient est en lecture seule.');
  });

  it('another program’s database: the store’s own message, try again or quit', async () => {
    const dir = tempDir();
    const db = new Database(join(dir, 'rapporteur.db'));
    db.exec('CREATE TABLE t (x)');
    db.close();
    const p = problem(await openLibrary(dir, { create: false }));
    expect(p.code).toBe('invalid-file');
    expect(p.choices).toEqual(['retry', 'quit']);
    const d = startupDialog(p, 'fr');
    expect(d.message).toBe('La bibliothèque ne peut pas être ouverte.');
    expect(d.detail).toContain('is a database of another program');
  });
});
