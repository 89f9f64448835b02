/**
 * Search: accent- and case-insensitive over every language, typographic punctuation that does not
 * glue words, ranking, snippets, filters and the trash, index kept up to date with saves.
 */
import { describe, expect, it } from 'vitest';
import { foldInPlace, ftsQuery, makeSnippet, parseQuery } from '../../../src/services/store/search';
import { editParagraph, makeDocument } from './docs';
import { freshStore } from './helpers';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

async function library() {
  const ctx = await freshStore();
  const { store } = ctx;
  const security = store.create(
    makeDocument({
      seed: 11,
      title: { fr: 'Note de cadrage', en: 'Concept note' },
      plant: { fr: `Le débat portera sur la «${NNBSP}sécurité${NNBSP}» des Casques bleus et l’Organisation des Nations${NBSP}Unies.`, en: 'Protection of peacekeepers.' },
      kind: 'concept-note',
    }),
  );
  const elections = store.create(
    makeDocument({ seed: 12, title: { fr: 'Élections présidentielles', en: 'Presidential elections' }, plant: { fr: 'Préparation du scrutin.', en: 'Electoral assistance.' } }),
  );
  const english = store.create(
    makeDocument({ seed: 13, languages: ['en'], originalLanguage: 'en', title: { en: 'Sanctions committee' }, plant: { en: 'Humanitarian exemptions were discussed.' }, symbols: ['S/2026/507'] }),
  );
  return { ...ctx, security, elections, english };
}

describe('search', () => {
  it('finds accented French words typed without accents, in any case', async () => {
    const { store, security, elections } = await library();
    expect(store.search('securite casques').map((h) => h.id)).toEqual([security.id]);
    expect(store.search('SÉCURITÉ').map((h) => h.id)).toEqual([security.id]);
    expect(store.search('preparation scrutin').map((h) => h.id)).toEqual([elections.id]);
    expect(store.search('elections presidentielles').map((h) => h.id)).toEqual([elections.id]);
  });

  it('is not fooled by guillemets, no-break spaces and typographic apostrophes', async () => {
    const { store, security } = await library();
    // « sécurité » with narrow no-break spaces inside the guillemets, l’Organisation with U+2019.
    expect(store.search('securite').map((h) => h.id)).toEqual([security.id]);
    expect(store.search('organisation').map((h) => h.id)).toEqual([security.id]);
    expect(store.search("l'Organisation").map((h) => h.id)).toEqual([security.id]);
    expect(store.search('"Nations Unies"').map((h) => h.id)).toEqual([security.id]);
  });

  it('finds English words, symbols and matches word beginnings', async () => {
    const { store, security, english } = await library();
    expect(store.search('humanitarian exemptions').map((h) => h.id)).toEqual([english.id]);
    expect(store.search('peacekeepers').map((h) => h.id)).toEqual([security.id]);
    expect(store.search('S/2026/507').map((h) => h.id)).toEqual([english.id]);
    expect(store.search('exempt').map((h) => h.id)).toEqual([english.id]);
    expect(store.search('nothingmatchesthis')).toEqual([]);
  });

  it('gives a snippet with the matching words marked', async () => {
    const { store } = await library();
    const [hit] = store.search('securite');
    expect(hit).toBeDefined();
    const marked = hit!.snippet.filter((p) => p.hit).map((p) => p.text);
    expect(marked).toEqual(['sécurité']);
    expect(hit!.snippet.map((p) => p.text).join('')).toContain('Casques bleus');
  });

  it('ranks a title match above a passing mention in the body', async () => {
    const { store } = await freshStore();
    const body = store.create(makeDocument({ seed: 21, title: { fr: 'Rapport général' }, plant: { fr: 'Il est question de désarmement en passant.' } }));
    const title = store.create(makeDocument({ seed: 22, title: { fr: 'Désarmement nucléaire' } }));
    expect(store.search('desarmement').map((h) => h.id)).toEqual([title.id, body.id]);
  });

  it('leaves the trash out unless asked, and filters by kind and language', async () => {
    const { store, security, elections, english } = await library();
    store.trash(security.id);
    expect(store.search('securite')).toEqual([]);
    expect(store.search('securite', { trash: 'include' }).map((h) => h.id)).toEqual([security.id]);
    expect(store.search('securite', { trash: 'only' }).map((h) => h.id)).toEqual([security.id]);
    // "Paragraph(e) N." opens every paragraph of every test document.
    const all = store.search('paragraph', { limit: 10 }).map((h) => h.id).sort();
    expect(all).toEqual([elections.id, english.id].sort());
    expect(store.search('paragraph', { kind: 'annual-report', language: 'fr' }).map((h) => h.id)).toEqual([elections.id]);
    expect(store.search('paragraph', { language: 'en' }).map((h) => h.id).sort()).toEqual([elections.id, english.id].sort());
    expect(store.search('paragraph', { limit: 1 })).toHaveLength(1);
  });

  it('sees the latest save, and forgets words that were removed', async () => {
    const { store, english } = await library();
    const doc = store.get(english.id);
    store.save(english.id, editParagraph(doc.document, 0, 'Maritime boundaries were the whole subject.', 'en'), { base: doc.version });
    expect(store.search('maritime').map((h) => h.id)).toEqual([english.id]);
    expect(store.search('humanitarian')).toEqual([]);
  });

  it('treats FTS syntax in the query as plain words, never as an error', async () => {
    const { store } = await library();
    for (const q of ['AND', 'NOT securite', 'title:x', '(', '"', 'a"b', '*', '«', '', '   ', 'NEAR(a b)', "l'", '-']) {
      expect(() => store.search(q)).not.toThrow();
    }
    expect(ftsQuery('  ')).toBeUndefined();
    expect(ftsQuery('« »')).toBeUndefined();
    expect(ftsQuery('sécurité "Conseil de"')).toBe('"sécurité"* "Conseil de"');
  });

  it('snippets: whole words marked, accents and case ignored, the densest passage chosen', () => {
    const text =
      'Le Conseil a examiné la question des réfugiés. ' +
      'Plus loin, sans rapport. '.repeat(12) +
      'La SÉCURITÉ des Casques bleus et la sécurisation des camps ont été débattues avec la coopération régionale.';
    const { parts, distinct } = makeSnippet(text, parseQuery('secur casques'));
    expect(distinct).toBe(2);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['SÉCURITÉ', 'Casques', 'sécurisation']);
    expect(parts[0]!.text.startsWith('…')).toBe(true);
    expect(parts.map((p) => p.text).join('')).toContain('des Casques bleus');
    // A quoted phrase matches whole words only.
    expect(makeSnippet(text, parseQuery('"secur"')).distinct).toBe(0);
    expect(makeSnippet('Rien ici.', parseQuery('paix'))).toEqual({ parts: [], distinct: 0 });
    expect(foldInPlace('Élection À Genève')).toBe('election a geneve');
  });
});
