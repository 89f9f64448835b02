/**
 * The recogniser owns the source blocks it is given (issue 16): `handOver` moves them out of the
 * caller's array, which is left empty rather than full of blocks already let go, and a handed-over
 * source can be read once.
 */
import { describe, expect, it } from 'vitest';
import { handOver, importSource, type SourceBlock } from '../../src/core/import';

const para = (text: string): SourceBlock => ({ type: 'para', lines: [{ runs: [{ type: 'text', text }], indent: 0 }], join: 'break' });

describe('handing source blocks to the recogniser', () => {
  it('moves them out of the caller’s array, and the document holds every one', () => {
    const blocks = [para('Rapport du Groupe de travail'), para('1. Le Groupe de travail a examiné la question.'), para('2. Il en a débattu longuement.')];
    const source = handOver(blocks);
    expect(blocks).toEqual([]);
    const { doc, report } = importSource(source, { lang: 'fr' });
    expect(report.numberedParagraphs).toBe(2);
    const text = JSON.stringify(doc.text.fr);
    for (const words of ['Rapport du Groupe de travail', 'a examiné la question', 'Il en a débattu longuement']) expect(text).toContain(words);
  });

  it('refuses to be read twice instead of giving an empty document', () => {
    const source = handOver([para('Rapport du Groupe de travail')]);
    importSource(source, { lang: 'fr' });
    expect(() => importSource(source, { lang: 'fr' })).toThrow('already read by the recogniser');
  });
});
