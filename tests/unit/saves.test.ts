/** A save's answer keeps the library's list current: the saved dossier's summary takes its place. */
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../src/core/templates';
import type { DossierSummary, RapporteurApi, SaveResult } from '../../src/shared/ipc-contract';
import { onDossierSaved, saveDossier, withSaved } from '../../src/renderer/saves';

const summary = (id: string, title: string, updatedAt: number): DossierSummary => ({
  id,
  title,
  kind: 'letter',
  originalLanguage: 'fr',
  languages: ['fr'],
  symbols: [],
  createdAt: 0,
  updatedAt,
  version: 1,
  trashedAt: null,
});

describe('saving from the renderer', () => {
  it('tells every listener the saved dossier’s new summary, and stops when asked', async () => {
    const answer: SaveResult = { ...summary('aaaaaaaaaaaa', 'Nouveau titre', 5), version: 2, changed: true, revision: undefined };
    const calls: unknown[] = [];
    const api = { invoke: async (channel: string, input: unknown) => (calls.push([channel, input]), { ok: true, value: answer }) } as unknown as RapporteurApi;
    const heard: DossierSummary[] = [];
    const stop = onDossierSaved((s) => heard.push(s));
    const document = createFromTemplate('letter', 'fr');
    const r = await saveDossier(api, 'aaaaaaaaaaaa', document, 1);
    expect(r).toEqual({ ok: true, value: answer });
    expect(calls).toEqual([['dossier.save', { id: 'aaaaaaaaaaaa', document, baseVersion: 1 }]]);
    expect(heard).toEqual([{ ...summary('aaaaaaaaaaaa', 'Nouveau titre', 5), version: 2 }]);
    stop();
    await saveDossier(api, 'aaaaaaaaaaaa', document, 2);
    expect(heard).toHaveLength(1);
  });

  it('says nothing when the save is refused (a conflict keeps the list as the store has it)', async () => {
    const api = { invoke: async () => ({ ok: false, error: { code: 'conflict', message: 'changed', details: { id: 'aaaaaaaaaaaa', base: 1, current: 3, updatedAt: 0 } } }) } as unknown as RapporteurApi;
    const heard: DossierSummary[] = [];
    const stop = onDossierSaved((s) => heard.push(s));
    const r = await saveDossier(api, 'aaaaaaaaaaaa', createFromTemplate('letter', 'fr'), 1);
    stop();
    expect(r.ok).toBe(false);
    expect(heard).toEqual([]);
  });

  it('puts the saved summary first in a list that shows it, and leaves other lists alone', () => {
    const list = [summary('aaaaaaaaaaaa', 'A', 3), summary('bbbbbbbbbbbb', 'B', 2), summary('cccccccccccc', 'C', 1)];
    const saved = summary('cccccccccccc', 'C, retitled', 9);
    expect(withSaved(list, saved).map((d) => d.title)).toEqual(['C, retitled', 'A', 'B']);
    const trash = [summary('dddddddddddd', 'D', 1)];
    expect(withSaved(trash, saved)).toBe(trash);
  });
});
