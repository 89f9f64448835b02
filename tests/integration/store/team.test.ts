/**
 * The library's side of co-editing (src/services/store/team.ts), on a real SQLite file: a dossier
 * never shared carries no `team`; a share is recorded once per remote dossier; the offline copy of
 * a version keeps every Yjs update appended, merges them once there are many (without losing any),
 * survives reopening, and goes with the dossier when it is deleted.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createFromTemplate } from '../../../src/core/templates/index';
import { openStore } from '../../../src/services/store';
import { MERGE_AFTER } from '../../../src/services/store/team';
import { freshStore, track } from './helpers';

describe('the team tables of the library', () => {
  it('record a share, and keep the offline copy of each version through many updates and a reopening', async () => {
    const { store, dir } = await freshStore();
    const d = store.create(createFromTemplate('letter', 'fr'));
    expect('team' in store.get(d.id)).toBe(false);
    store.recordTeamShare(d.id, { server: 'https://team.example', remoteId: 'abcabcabcabc', role: 'editor' });
    expect(store.get(d.id).team).toEqual({ server: 'https://team.example', remoteId: 'abcabcabcabc', role: 'editor' });
    expect(store.dossierOfShare('https://team.example', 'abcabcabcabc')).toBe(d.id);
    // The same remote dossier recorded for another local one moves there (one local copy of it).
    const other = store.create(createFromTemplate('letter', 'en'));
    store.recordTeamShare(other.id, { server: 'https://team.example', remoteId: 'abcabcabcabc', role: 'reader' });
    expect(store.get(d.id).team).toBeUndefined();
    expect(store.dossierOfShare('https://team.example', 'abcabcabcabc')).toBe(other.id);

    // A Yjs document typed into, one update per keystroke, each appended as the editor sends it.
    const doc = new Y.Doc();
    const text = doc.getText('t');
    doc.on('update', (u: Uint8Array) => store.appendYUpdate(d.id, 'fr', u));
    const typed = 'Le Groupe de travail a tenu trois réunions. '.repeat(8);
    for (const ch of typed) text.insert(text.length, ch);
    expect(typed.length).toBeGreaterThan(MERGE_AFTER);
    store.close();
    // Merged as it went: far fewer pieces than keystrokes (read from the file itself).
    const db = new Database(store.file, { readonly: true });
    const pieces = db.prepare('SELECT count(*) FROM ydoc_updates').pluck().get() as number;
    db.close();
    expect(pieces).toBeGreaterThan(0);
    expect(pieces).toBeLessThan(MERGE_AFTER);

    const again = track(await openStore(dir));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, again.offlineCopy(d.id, 'fr')!);
    expect(copy.getText('t').toString()).toBe(typed);
    expect(again.offlineCopy(d.id, 'en')).toBeNull();
    // Deleted for good: its offline copy goes with it.
    again.trash(d.id);
    again.purge(d.id);
    expect(() => again.offlineCopy(d.id, 'fr')).toThrow(/no dossier/);
  });
});
