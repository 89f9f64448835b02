/** The translator's core (src/core/translation): versions, row status, progress, terminology, glossary. */
import { describe, expect, it } from 'vitest';
import { createFromTemplate } from '../../src/core/templates/index';
import { numberDocument } from '../../src/core/numbering/numbering';
import type { RDocument } from '../../src/core/model/schema';
import { addLanguageVersion, confirmTranslation } from '../../src/core/translation/versions';
import { nextToTranslate, translationProgress, translationRows } from '../../src/core/translation/status';
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
