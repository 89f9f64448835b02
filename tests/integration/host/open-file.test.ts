/**
 * Opening a `.rapporteur` file handed over by the system (src/services/host/open-file.ts), on a
 * real store and real files: imported with its history; a folder, a FIFO, a damaged file or a
 * missing one refused with one sentence naming the file, and nothing is added to the library.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../../src/core/templates/index';
import { importSharedFile, sharedFilesInArgs } from '../../../src/services/host/open-file';
import { freshStore } from '../store/helpers';

describe('opening a shared file', () => {
  it('finds the .rapporteur files among a launch’s arguments', () => {
    expect(sharedFilesInArgs(['--inspect', 'rapport.RAPPORTEUR', '/abs/lettre.rapporteur', 'notes.txt', '--allow-file-access-from-files'], '/home/ana')).toEqual([
      '/home/ana/rapport.RAPPORTEUR',
      '/abs/lettre.rapporteur',
    ]);
  });

  it('imports the file as a new dossier with its history', async () => {
    const { store: from } = await freshStore();
    const created = from.create(createFromTemplate('letter', 'fr'));
    from.snapshot(created.id, 'Envoyée à la Mission');
    const { dir, store } = await freshStore();
    const file = join(dir, 'lettre.rapporteur');
    writeFileSync(file, JSON.stringify(from.exportDossier(created.id, { history: true })));
    const r = await importSharedFile(store, file);
    expect(r).toMatchObject({ ok: true, value: { kind: 'letter' } });
    if (!r.ok) return;
    expect(store.history(r.value.id).some((h) => h.label === 'Envoyée à la Mission')).toBe(true);
  });

  it('refuses what is not a readable Rapporteur file, in one sentence, adding nothing', async () => {
    const { dir, store } = await freshStore();
    const folder = join(dir, 'dossier.rapporteur');
    mkdirSync(folder);
    const fifo = join(dir, 'pipe.rapporteur');
    execFileSync('mkfifo', [fifo]);
    const damaged = join(dir, 'abîmé.rapporteur');
    writeFileSync(damaged, '{"format": "rapporteur", "document": {');
    for (const [path, message] of [
      [folder, /^dossier\.rapporteur is a folder, not a file\.$/],
      [fifo, /^pipe\.rapporteur is a named pipe, not a file: save what it carries to a file and give that\.$/],
      [join(dir, 'absent.rapporteur'), /^absent\.rapporteur: no such file\.$/],
      [damaged, /abîmé\.rapporteur/],
    ] as const) {
      const r = await importSharedFile(store, path);
      expect(r.ok, path).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toMatch(message);
        expect(r.error.message).not.toContain('\n');
      }
    }
    expect(store.list()).toEqual([]);
  });
});
