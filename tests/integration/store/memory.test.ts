/**
 * Translation memory over a real library (SQLite on disk): last year's French/English report in
 * the library; this year's French draft, made from it with new ids and one paragraph changed by a
 * word, gets an exact match for every unchanged paragraph and a near match, with the differing
 * word marked, for the changed one. Outdated translations and the trash are never offered.
 */
import { describe, expect, it } from 'vitest';
import type { RDocument, TextLayer } from '../../../src/core/model/schema';
import { confirmTranslation } from '../../../src/core/translation/versions';
import { translationRows } from '../../../src/core/translation/status';
import { plainWords } from '../../../src/core/translation/terms';
import { seed000 } from '../../fixtures/seeds';
import { freshStore } from './helpers';

/** A stand-in English text (the test needs a translation, not a good one): each word tagged. */
function english(doc: RDocument): RDocument {
  const en: TextLayer = {};
  for (const [id, t] of Object.entries(doc.text.fr!)) en[id] = { content: t.content.map((r) => (r.type === 'text' ? { ...r, text: r.text.replace(/[\p{L}]+/gu, (w) => `${w}-en`) } : r)) };
  const both = { ...doc, text: { ...doc.text, en } };
  return confirmTranslation(both, Object.keys(en), 'fr', 'en');
}

/** The same report with every id renamed (as an import or a new edition gives it). */
function renamed(doc: RDocument): RDocument {
  const json = JSON.stringify({ ...doc, text: { fr: doc.text.fr } });
  return JSON.parse(json.replace(/"([A-Za-z][A-Za-z0-9_-]{0,60})"/g, (m, id: string) => (id in doc.text.fr! ? `"n${id}"` : m)));
}

const rowText = (doc: RDocument, id: string) => plainWords(doc.text.fr![id]!.content).replace(/\s+/g, ' ').trim();

describe('translation memory', () => {
  it('offers last year’s translation of every unchanged paragraph, and a near match for one changed by a word', async () => {
    const { store } = await freshStore();
    const lastYear = english(seed000().doc);
    store.create(lastYear);
    const thisYear = renamed(lastYear);
    const rows = translationRows(thisYear, 'fr', 'en').filter((r) => r.kind === 'paragraph');
    expect(rows.length).toBeGreaterThan(100);
    const changed = rows.find((r) => /\bGroupe\b/.test(rowText(thisYear, r.id)))!;
    const before = rowText(thisYear, changed.id);
    const after = before.replace(/\bGroupe\b/, 'Comité');
    expect(after).not.toBe(before);

    for (const r of rows) {
      const text = r === changed ? after : rowText(thisYear, r.id);
      const [best] = store.translationMemory(text, 'fr', 'en');
      if (r === changed) {
        expect(best!.percent).toBeGreaterThanOrEqual(90);
        expect(best!.percent).toBeLessThan(100);
        expect(best!.runs.filter((x) => x.op === 'delete').map((x) => x.text.trim())).toEqual(['Groupe']);
        expect(best!.runs.filter((x) => x.op === 'insert').map((x) => x.text.trim())).toEqual(['Comité']);
        expect(best!.target).toContain('Groupe-en');
      } else {
        expect(best, text.slice(0, 60)).toBeDefined();
        expect(best!.percent, text.slice(0, 60)).toBe(100);
        expect(best!.source).toBe(text);
        expect(best!.target).toBe(rowText({ ...lastYear, text: { fr: lastYear.text.en! } }, r.id.slice(1)));
      }
    }
  });

  it('says where a match comes from, and offers neither an outdated translation nor the trash', async () => {
    const { store } = await freshStore();
    const doc = english(seed000().doc);
    const id = doc.parts[1]!.blocks.find((b) => b.kind === 'paragraph')!.id;
    const text = rowText(doc, id);
    const d = store.create(doc);
    const [hit] = store.translationMemory(text, 'fr', 'en');
    expect(hit).toMatchObject({ percent: 100, dossierId: d.id, blockId: id, label: '1.', dossierTitle: d.title });

    // The French changed after the translation was made: that pair is no longer offered.
    const stale = structuredClone(doc);
    stale.text.fr![id] = { content: [{ type: 'text', text: `${text} Ajout.` }] };
    store.save(d.id, stale, { base: store.get(d.id).version });
    expect(store.translationMemory(text, 'fr', 'en').some((m) => m.blockId === id)).toBe(false);

    const other = store.create(doc);
    expect(store.translationMemory(text, 'fr', 'en')[0]!.dossierId).toBe(other.id);
    store.trash(other.id);
    expect(store.translationMemory(text, 'fr', 'en').some((m) => m.dossierId === other.id)).toBe(false);
  });

  it('works from English into French too, and finds nothing for words it has never seen', async () => {
    const { store } = await freshStore();
    const doc = english(seed000().doc);
    store.create(doc);
    const id = doc.parts[1]!.blocks.find((b) => b.kind === 'paragraph')!.id;
    const en = plainWords(doc.text.en![id]!.content).replace(/\s+/g, ' ').trim();
    expect(store.translationMemory(en, 'en', 'fr')[0]).toMatchObject({ percent: 100, target: rowText(doc, id) });
    expect(store.translationMemory('Zxqv wplk', 'fr', 'en')).toEqual([]);
    expect(store.translationMemory('', 'fr', 'en')).toEqual([]);
  });
});
