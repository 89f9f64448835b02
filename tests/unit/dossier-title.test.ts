/** The dossier's title on screen: stored as typed, shown typeset by the core's rule (typographic apostrophes; French spacing for a French title). */
import { describe, expect, it } from 'vitest';
import { shownTitle } from '../../src/renderer/components/dossierTitle';
import { NBSP, NNBSP } from '../../src/core/locale/typography';
import type { Lang } from '../../src/core/model/schema';

const summary = (title: string, originalLanguage: Lang, languages: Lang[] = [originalLanguage]) => ({ title, originalLanguage, languages });

describe('shownTitle', () => {
  it('curls the apostrophes of a title in either language', () => {
    expect(shownTitle(summary("Lettre adressée au Président par le Représentant permanent auprès de l'Organisation", 'fr'), { frenchSpacing: 'new-york' })).toBe(
      'Lettre adressée au Président par le Représentant permanent auprès de l’Organisation',
    );
    expect(shownTitle(summary("The Council's programme of work", 'en'), { frenchSpacing: 'new-york' })).toBe('The Council’s programme of work');
  });

  it('puts French spacing in a French title, by the setting given, and none in an English one', () => {
    const fr = summary('Note de cadrage : quel bilan ? « Paix »', 'fr');
    expect(shownTitle(fr, { frenchSpacing: 'new-york' })).toBe(`Note de cadrage${NBSP}: quel bilan${NNBSP}? «${NBSP}Paix${NBSP}»`);
    expect(shownTitle(fr, { frenchSpacing: 'nbsp' })).toBe(`Note de cadrage${NBSP}: quel bilan${NBSP}? «${NBSP}Paix${NBSP}»`);
    expect(shownTitle(fr, { frenchSpacing: 'off' })).toBe('Note de cadrage : quel bilan ? « Paix »');
    expect(shownTitle(summary('Concept note: what next ?', 'en'), { frenchSpacing: 'new-york' })).toBe('Concept note: what next ?');
  });

  it('takes the language of the version the title comes from: the original, else the one with text', () => {
    expect(shownTitle(summary('Bilan : 2026', 'en', ['fr']), { frenchSpacing: 'new-york' })).toBe(`Bilan${NBSP}: 2026`);
    expect(shownTitle(summary('Review : 2026', 'en', ['en', 'fr']), { frenchSpacing: 'new-york' })).toBe('Review : 2026');
  });

  it('leaves an untitled dossier empty (the interface says "Untitled")', () => {
    expect(shownTitle(summary('', 'fr'), { frenchSpacing: 'new-york' })).toBe('');
  });
});
