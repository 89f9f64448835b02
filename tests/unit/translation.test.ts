/** The translator's core (src/core/translation): versions, row status, progress, terminology, glossary. */
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../src/core/templates/index';
import { numberDocument } from '../../src/core/numbering/numbering';
import type { RDocument } from '../../src/core/model/schema';
import { addLanguageVersion, confirmTranslation, deskPair, structureLanguage, translationOf, versionsOf, withGlossary } from '../../src/core/translation/versions';
import { checkDocument } from '../../src/core/checker/index';
import { parseDocument } from '../../src/core/model/validate';
import { seed000 } from '../fixtures/seeds';
import { nextToTranslate, progressPercent, translationProgress, translationRows } from '../../src/core/translation/status';
import { condenseChanges, sourceChanges } from '../../src/core/translation/changes';
import { findTerms, glossaryMisses, productTerms, type TermPair } from '../../src/core/translation/terms';

const text = (t: string) => ({ content: [{ type: 'text' as const, text: t }] });

function report(): RDocument {
  return createFromTemplate('annual-report', 'fr');
}

describe('language versions', () => {
  it('adds an empty version with every block untranslated, same structure, same labels', () => {
    const fr = report();
    const both = addLanguageVersion(fr, 'fr', 'en', 'empty');
    expect(both.parts).toBe(fr.parts);
    expect(both.meta).toBe(fr.meta);
    const rows = translationRows(both, 'fr', 'en');
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.status === 'untranslated')).toBe(true);
    const [nf, ne] = [numberDocument(both, 'fr'), numberDocument(both, 'en')];
    expect([...ne.blocks.keys()]).toEqual([...nf.blocks.keys()]);
    expect([...ne.blocks.values()].map((l) => l.value)).toEqual([...nf.blocks.values()].map((l) => l.value));
    expect(() => addLanguageVersion(both, 'fr', 'en', 'empty')).toThrow(/exists already/);
  });

  it('keeps every block id and label, in each language’s form, and records the direction', () => {
    const fr = seed000().doc;
    const both = addLanguageVersion(fr, 'fr', 'en', 'copy');
    expect(both.translation).toEqual({ source: 'fr', glossary: [] });
    expect(parseDocument(both).ok).toBe(true);
    const [nf, ne] = [numberDocument(both, 'fr'), numberDocument(both, 'en')];
    expect([...ne.blocks.keys()]).toEqual([...nf.blocks.keys()]);
    expect([...nf.blocks.values()].filter((l) => l.label === 'e)')).toHaveLength([...ne.blocks.values()].filter((l) => l.label === '(e)').length);
    expect([...ne.blocks.values()].map((l) => l.label.replace(/^\((.*)\)$/, '$1)'))).toEqual([...nf.blocks.values()].map((l) => l.label));
    expect(Object.keys(both.text.en!).sort()).toEqual(Object.keys(fr.text.fr!).sort());
    expect(versionsOf(fr)).toEqual(['fr']);
    expect(versionsOf(addLanguageVersion(fr, 'fr', 'en', 'empty'))).toEqual(['fr', 'en']);
    expect(() => addLanguageVersion({ ...fr, text: {} }, 'fr', 'en', 'empty')).toThrow(/no fr version/);
  });

  it('knows which version is the translation: recorded, else the one layer with source hashes, else none', () => {
    const fr = report();
    expect(translationOf(fr)).toBeUndefined();
    expect(deskPair(fr)).toBeUndefined();
    expect(structureLanguage(fr)).toBeUndefined();
    // A French version of an English original (seed 000 is French, say its original is English):
    // the French the dossier holds is the source, the English added is the translation — even
    // when the English starts as a copy, which the default-version rule would read as the original.
    const frOfEnglish: RDocument = { ...fr, meta: { ...fr.meta, originalLanguage: 'en' } };
    const withEn = addLanguageVersion(frOfEnglish, 'fr', 'en', 'copy');
    expect(translationOf(withEn)).toEqual({ source: 'fr', target: 'en' });
    expect(deskPair(withEn)).toEqual({ source: 'fr', target: 'en' });
    expect(structureLanguage(withEn)).toBe('fr');
    // Recorded before the field existed: the layer with source hashes.
    const id = translationRows(withEn, 'fr', 'en')[0]!.id;
    const legacy = confirmTranslation({ ...withEn, translation: undefined }, [id], 'fr', 'en');
    delete legacy.translation;
    expect(translationOf(legacy)).toEqual({ source: 'fr', target: 'en' });
    // Two versions written independently: no translation; the desk goes from the default version.
    const independent: RDocument = { ...withEn, translation: undefined, text: { fr: withEn.text.fr, en: withEn.text.en } };
    delete independent.translation;
    expect(translationOf(independent)).toBeUndefined();
    expect(deskPair(independent)).toEqual({ source: 'en', target: 'fr' });
  });

  it('refuses a translation whose source has no text layer, and a glossary entry without words', () => {
    const fr = report();
    const bad = parseDocument({ ...fr, translation: { source: 'en', glossary: [] } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues[0]).toEqual({ path: 'translation.source', message: 'the en version, named as the source of the translation, has no text layer' });
    const empty = parseDocument({ ...fr, text: { ...fr.text, en: {} }, translation: { source: 'fr', glossary: [{ fr: ' ', en: 'x' }] } });
    expect(!empty.ok && empty.issues[0]).toEqual({ path: 'translation.glossary[0].fr', message: 'a glossary term has words in French' });
  });

  it('a copy to overwrite stays untranslated until confirmed', () => {
    const both = addLanguageVersion(report(), 'fr', 'en', 'copy');
    const rows = translationRows(both, 'fr', 'en');
    expect(rows.every((r) => r.status === 'untranslated')).toBe(true);
    expect(both.text.en![rows[0]!.id]!.content).toEqual(both.text.fr![rows[0]!.id]!.content);
  });
});

describe('row status', () => {
  it('marks exactly the rows whose source changed outdated, and "still correct" clears them', () => {
    let doc = addLanguageVersion(report(), 'fr', 'en', 'empty');
    const ids = translationRows(doc, 'fr', 'en').map((r) => r.id);
    const [a, b, c] = ids as [string, string, string];
    doc = { ...doc, text: { ...doc.text, en: { ...doc.text.en, [a]: text('One'), [b]: text('Two') } } };
    doc = confirmTranslation(doc, [a, b], 'fr', 'en');
    const status = () => Object.fromEntries(translationRows(doc, 'fr', 'en').map((r) => [r.id, r.status]));
    expect([status()[a], status()[b], status()[c]]).toEqual(['translated', 'translated', 'untranslated']);
    expect(translationProgress(translationRows(doc, 'fr', 'en'))).toMatchObject({ translated: 2, outdated: 0 });

    // The French of b changes: b alone turns outdated.
    doc = { ...doc, text: { ...doc.text, fr: { ...doc.text.fr, [b]: text('Deux, révisé') } } };
    expect([status()[a], status()[b], status()[c]]).toEqual(['translated', 'outdated', 'untranslated']);
    expect(nextToTranslate(translationRows(doc, 'fr', 'en'), a)!.id).toBe(b);
    doc = confirmTranslation(doc, [b], 'fr', 'en');
    expect(status()[b]).toBe('translated');
  });

  it('reads a started desk as more than 0 % and only a finished one as 100 %', () => {
    expect([progressPercent(0, 174), progressPercent(1, 174), progressPercent(1, 1000), progressPercent(87, 174)]).toEqual([0, 1, 1, 50]);
    expect([progressPercent(173, 174), progressPercent(999, 1000), progressPercent(174, 174), progressPercent(0, 0)]).toEqual([99, 99, 100, 100]);
  });

  it('keeps the source text a translation was made from, and shows an outdated row the words that changed', () => {
    let doc = addLanguageVersion(report(), 'fr', 'en', 'empty');
    const [a, b] = translationRows(doc, 'fr', 'en').map((r) => r.id) as [string, string];
    doc = {
      ...doc,
      text: {
        ...doc.text,
        fr: { ...doc.text.fr, [a]: text('Le Comité a tenu sa   première session à Genève.') },
        en: { ...doc.text.en, [a]: text('The Committee held its first session in Geneva.'), [b]: text('Two') },
      },
    };
    doc = confirmTranslation(doc, [a, b], 'fr', 'en');
    expect(doc.text.en![a]!.sourceText).toBe('Le Comité a tenu sa première session à Genève.');
    // The stored field passes the schema (a v2 superset: the document reads back with it).
    const round = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(round.ok && round.value.text.en![a]!.sourceText).toBe('Le Comité a tenu sa première session à Genève.');
    expect(sourceChanges(doc, a, 'fr', 'en')).toBeUndefined(); // translated: nothing to show

    doc = { ...doc, text: { ...doc.text, fr: { ...doc.text.fr, [a]: text('Le Comité a tenu sa deuxième session à New York.') } } };
    const runs = sourceChanges(doc, a, 'fr', 'en')!;
    const changed = (op: string) => runs.filter((r) => r.op === op).map((r) => r.text.trim()).filter((w) => w !== '');
    expect(changed('delete')).toEqual(['première', 'Genève']);
    expect(changed('insert')).toEqual(['deuxième', 'New York']);
    expect(runs.filter((r) => r.op === 'equal').map((r) => r.text).join('|')).toContain('Le Comité a tenu sa ');
    expect(sourceChanges(doc, b, 'fr', 'en')).toBeUndefined(); // b's source did not change

    // "Still correct" records the source as it reads now: nothing left to show.
    doc = confirmTranslation(doc, [a], 'fr', 'en');
    expect(doc.text.en![a]!.sourceText).toBe('Le Comité a tenu sa deuxième session à New York.');
    expect(sourceChanges(doc, a, 'fr', 'en')).toBeUndefined();

    // A translation made before the source text was recorded knows only that the source changed.
    const { sourceText: _dropped, ...hashOnly } = doc.text.en![a]!;
    void _dropped;
    doc = { ...doc, text: { fr: { ...doc.text.fr, [a]: text('Autre texte.') }, en: { ...doc.text.en, [a]: hashOnly } } };
    expect(translationRows(doc, 'fr', 'en').find((r) => r.id === a)!.status).toBe('outdated');
    expect(sourceChanges(doc, a, 'fr', 'en')).toBeUndefined();
  });

  it('cuts the unchanged words around a change to a few words of context', () => {
    const eq = (t: string) => ({ op: 'equal' as const, text: t, content: [{ type: 'text' as const, text: t }] });
    const ins = (t: string) => ({ op: 'insert' as const, text: t, content: [{ type: 'text' as const, text: t }] });
    const runs = condenseChanges([eq('un deux trois quatre cinq six sept '), ins('huit'), eq(' neuf dix onze douze treize quatorze quinze seize vingt '), ins('X'), eq(' a b c d e f')], 2);
    expect(runs.map((r) => r.text)).toEqual(['… six sept ', 'huit', ' neuf dix … seize vingt ', 'X', ' a b …']);
    expect(condenseChanges([eq('court '), ins('mot')], 4).map((r) => r.text)).toEqual(['court ', 'mot']);
  });

  it('puts a block added to the source structure in the target as an untranslated row', () => {
    const doc = addLanguageVersion(report(), 'fr', 'en', 'empty');
    const body = doc.parts.find((p) => p.kind === 'body')!;
    const added: RDocument = {
      ...doc,
      parts: doc.parts.map((p) => (p === body ? { ...p, blocks: [...p.blocks, { id: 'pNew', kind: 'paragraph', numbered: true }] } : p)),
      text: { ...doc.text, fr: { ...doc.text.fr, pNew: text('Nouveau paragraphe.') } },
    };
    expect(translationRows(added, 'fr', 'en').find((r) => r.id === 'pNew')).toMatchObject({ status: 'untranslated', kind: 'paragraph' });
  });
});

describe('terminology', () => {
  it('finds the States, organs and phrases in a source text, longest first, accents and apostrophes ignored', () => {
    const hits = findTerms('Le Conseil de sécurité et l’Assemblee generale ; le point de l\'ordre du jour ; la République démocratique du Congo.', 'fr', productTerms());
    expect(hits.map((h) => h.term.en)).toEqual(['Security Council', 'General Assembly', 'agenda item', 'Democratic Republic of the Congo']);
  });

  it('does not find a term inside another word', () => {
    expect(findTerms('Les Maliens et le Malinké', 'fr', productTerms()).map((h) => h.term.en)).toEqual([]);
  });

  it('reports a glossary term whose translation is missing from the target block', () => {
    const glossary: TermPair[] = [{ fr: 'pays fournisseurs de contingents', en: 'troop-contributing countries', origin: 'glossary' }];
    let doc = addLanguageVersion(report(), 'fr', 'en', 'empty');
    const [a, b] = translationRows(doc, 'fr', 'en').map((r) => r.id) as [string, string];
    doc = {
      ...doc,
      text: {
        fr: { ...doc.text.fr, [a]: text('Les pays fournisseurs de contingents ont parlé.'), [b]: text('Les Pays Fournisseurs de Contingents aussi.') },
        en: { [a]: text('The troop contributors spoke.'), [b]: text('The troop-contributing countries too.') },
      },
    };
    doc = confirmTranslation(doc, [a, b], 'fr', 'en');
    expect(glossaryMisses(doc, glossary, 'fr', 'en')).toEqual([{ id: a, term: glossary[0] }]);
  });
});

describe('checker on a translation', () => {
  it('reports the untranslated and outdated blocks and the glossary misses of the version checked, and nothing for the source', () => {
    let doc = addLanguageVersion(report(), 'fr', 'en', 'empty');
    const rows = translationRows(doc, 'fr', 'en');
    const [a, b] = rows.filter((r) => r.kind === 'paragraph').map((r) => r.id) as [string, string];
    doc = { ...doc, text: { fr: { ...doc.text.fr, [a]: text('Le Groupe de travail a siégé.'), [b]: text('Deuxième paragraphe.') }, en: { [a]: text('The Group sat.'), [b]: text('Second paragraph.') } } };
    doc = confirmTranslation(doc, [a, b], 'fr', 'en');
    doc = withGlossary(doc, { source: 'fr', target: 'en' }, [{ fr: 'Groupe de travail', en: 'Working Group' }]);
    doc = { ...doc, text: { ...doc.text, fr: { ...doc.text.fr, [b]: text('Deuxième paragraphe, révisé.') } } };
    const findings = checkDocument(doc, 'en').filter((f) => f.code.startsWith('translation-') || f.code === 'glossary-term-missing');
    const of = (code: string) => findings.filter((f) => f.code === code).map((f) => f.blockId ?? f.partId);
    expect(of('translation-outdated')).toEqual([b]);
    expect(of('glossary-term-missing')).toEqual([a]);
    expect(findings.find((f) => f.code === 'glossary-term-missing')!.params).toEqual({ term: 'Groupe de travail', translation: 'Working Group' });
    expect(of('translation-missing').sort()).toEqual(rows.map((r) => r.id).filter((id) => id !== a && id !== b).sort());
    expect(findings.find((f) => f.code === 'translation-missing')!.severity).toBe('error');
    expect(findings.find((f) => f.code === 'translation-outdated')!.severity).toBe('warning');
    expect(checkDocument(doc, 'fr').some((f) => f.code.startsWith('translation-') || f.code === 'glossary-term-missing')).toBe(false);
  });
});
