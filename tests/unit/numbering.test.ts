/** The numbering engine and cross-references. */
import { describe, expect, it } from 'vitest';
import { DocumentBuilder, sequentialIds } from '../../src/core/model/builder';
import type { Block, Meta, Xref } from '../../src/core/model/schema';
import { numberDocument } from '../../src/core/numbering/numbering';
import { renderXref, brokenXrefs, BROKEN_MARKER } from '../../src/core/numbering/xref';
import { toLetter, toRoman } from '../../src/core/numbering/numerals';
import { outline, formatOutline } from '../../src/core/render/text';

const meta: Meta = {
  kind: 'annual-report', originalLanguage: 'fr', symbols: [], organs: ['SC'], distribution: 'general', sessions: [], addressees: [], people: [],
};

function sample() {
  const b = new DocumentBuilder(structuredClone(meta), 'fr', sequentialIds());
  const report = b.part('body', { bodyType: 'report', title: 'Rapport' });
  const ch1 = b.heading(report, 'chapter', 'Introduction');
  const p1 = b.para(report, 'Un.');
  const p2 = b.para(report, 'Deux :');
  const a = b.sub(report, 1, 'alpha');
  const bb = b.sub(report, 1, 'beta');
  const i = b.sub(report, 2, 'i');
  const ii = b.sub(report, 2, 'ii');
  const la = b.sub(report, 3, 'a point');
  const li = b.sub(report, 4, 'i point');
  const c = b.sub(report, 1, 'gamma');
  b.heading(report, 'chapter', 'Réunions');
  const secA = b.heading(report, 'section', 'Première');
  const p3 = b.para(report, 'Trois.');
  const sub1 = b.heading(report, 'subsection', 'Sous-section');
  const p4 = b.para(report, 'Quatre.');
  const secB = b.heading(report, 'section', 'Deuxième');
  b.para(report, 'Non numéroté.', false);
  const a2 = b.sub(report, 1, 'après non numéroté');
  const p5 = b.para(report, 'Cinq.');
  const annex1 = b.part('annex', { owner: report, title: 'Annexe un' });
  const q1 = b.para(annex1, 'Annexe, un.');
  const annex2 = b.part('annex', { owner: report, title: 'Annexe deux' });
  const r1 = b.para(annex2, 'Annexe deux, un.');
  const r2 = b.para(annex2, 'Annexe deux, deux.');
  const enclosure = b.part('enclosure', { owner: report, title: 'Pièce' });
  return { b, doc: b.doc, report, ids: { ch1, p1, p2, a, bb, i, ii, la, li, c, secA, p3, sub1, p4, secB, a2, p5, q1, r1, r2 }, annex1, annex2, enclosure };
}

describe('numbering', () => {
  it('numbers paragraphs across chapters and sections, restarting in each annex', () => {
    const { doc, ids, annex1, annex2, enclosure } = sample();
    const n = numberDocument(doc, 'fr');
    const label = (x: Block) => n.blocks.get(x.id)?.label;
    expect([ids.p1, ids.p2, ids.p3, ids.p4, ids.p5].map(label)).toEqual(['1.', '2.', '3.', '4.', '5.']);
    expect([ids.q1, ids.r1, ids.r2].map(label)).toEqual(['1.', '1.', '2.']);
    expect([ids.ch1, ids.secA, ids.sub1, ids.secB].map(label)).toEqual(['I.', 'A.', '1.', 'B.']);
    expect(n.parts.get(annex1.id)?.label).toBe('Annexe I');
    expect(n.parts.get(annex2.id)?.label).toBe('Annexe II');
    expect(n.parts.get(enclosure.id)?.label).toBe('Pièce jointe');
    expect(numberDocument(doc, 'en').parts.get(annex2.id)?.label).toBe('Annex II');
    expect(numberDocument(doc, 'en').parts.get(enclosure.id)?.label).toBe('Enclosure');
  });

  it('labels subparagraph levels per language: a) i) a. i. in French, (a) (i) a. i. in English', () => {
    const { doc, ids } = sample();
    const fr = numberDocument(doc, 'fr');
    const en = numberDocument(doc, 'en');
    const seq = [ids.a, ids.bb, ids.i, ids.ii, ids.la, ids.li, ids.c];
    expect(seq.map((x) => fr.blocks.get(x.id)?.label)).toEqual(['a)', 'b)', 'i)', 'ii)', 'a.', 'i.', 'c)']);
    expect(seq.map((x) => en.blocks.get(x.id)?.label)).toEqual(['(a)', '(b)', '(i)', '(ii)', 'a.', 'i.', '(c)']);
    // A subparagraph after an unnumbered paragraph restarts at a) and has no paragraph number to cite.
    expect(fr.blocks.get(ids.a2.id)?.label).toBe('a)');
    expect(fr.blocks.get(ids.a2.id)?.ref).toBe('a)');
  });

  it('keeps the same numbers in both languages by construction', () => {
    const { doc } = sample();
    const fr = numberDocument(doc, 'fr');
    const en = numberDocument(doc, 'en');
    for (const [id, l] of fr.blocks) expect(en.blocks.get(id)?.value).toBe(l.value);
  });

  it('numbers footnotes in order through the document', () => {
    const { b, doc, ids, annex1 } = sample();
    b.setText(ids.p2.id, [{ type: 'text', text: 'Deux' }, { type: 'footnote', id: 'fn-a', content: [{ type: 'text', text: 'Note A.' }] }]);
    b.setText(ids.q1.id, [{ type: 'text', text: 'Annexe' }, { type: 'footnote', id: 'fn-b', content: [{ type: 'text', text: 'Note B.' }] }]);
    b.setText(ids.p1.id, [{ type: 'text', text: 'Un' }, { type: 'footnote', id: 'fn-c', content: [{ type: 'text', text: 'Note C.' }] }]);
    const n = numberDocument(doc, 'fr');
    expect([n.footnotes.get('fn-c'), n.footnotes.get('fn-a'), n.footnotes.get('fn-b')]).toEqual([1, 2, 3]);
    expect(annex1.kind).toBe('annex');
  });

  it('converts counters the way Word does', () => {
    expect([1, 4, 9, 14, 40, 1999].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXCIX']);
    expect([1, 26, 27, 28, 53].map(toLetter)).toEqual(['a', 'z', 'aa', 'bb', 'aaa']);
  });
});

describe('cross-references', () => {
  const xref = (target: string, form: Xref['form'], to?: string): Xref => (to ? { type: 'xref', target, form, to } : { type: 'xref', target, form });

  it('render their target’s current label in each language', () => {
    const { doc, ids, annex2, report } = sample();
    const fr = numberDocument(doc, 'fr');
    const en = numberDocument(doc, 'en');
    expect(renderXref(xref(ids.p4.id, 'named'), fr, report.id).text).toBe('paragraphe 4');
    expect(renderXref(xref(ids.bb.id, 'named'), fr, report.id).text).toBe('paragraphe 2 b)');
    expect(renderXref(xref(ids.bb.id, 'named'), en, report.id).text).toBe('paragraph 2 (b)');
    expect(renderXref(xref(ids.ii.id, 'number'), en).text).toBe('2 (b) (ii)');
    expect(renderXref(xref(annex2.id, 'named'), fr).text).toBe('annexe II');
    expect(renderXref(xref(annex2.id, 'named'), en).text).toBe('annex II');
    expect(renderXref(xref(ids.p1.id, 'range', ids.p4.id), fr).text).toBe('paragraphes 1 à 4');
    expect(renderXref(xref(ids.p1.id, 'range', ids.p4.id), en).text).toBe('paragraphs 1 to 4');
    expect(renderXref(xref(ids.ch1.id, 'named'), fr).text).toBe('chapitre I');
    expect(renderXref(xref(ids.secB.id, 'named'), en).text).toBe('section B');
    // A reference into another annex says which.
    expect(renderXref(xref(ids.r2.id, 'named'), fr, report.id).text).toBe("paragraphe 2 de l'annexe II");
    expect(renderXref(xref(ids.r2.id, 'named'), en, report.id).text).toBe('paragraph 2 of annex II');
  });

  it('follow renumbering: insert a paragraph before the target and the reference changes', () => {
    const { b, doc, ids, report } = sample();
    const ref = xref(ids.p4.id, 'named');
    expect(renderXref(ref, numberDocument(doc, 'fr')).text).toBe('paragraphe 4');
    const inserted = { id: 'new1', kind: 'paragraph' as const, numbered: true };
    report.blocks.splice(1, 0, inserted);
    expect(renderXref(ref, numberDocument(doc, 'fr')).text).toBe('paragraphe 5');
    void b;
  });

  it('show a visible broken marker when the target is gone or has no number, never a wrong number', () => {
    const { doc, ids, report } = sample();
    const unnumbered = report.blocks.find((x: Block) => x.kind === 'paragraph' && !x.numbered)!;
    const n = numberDocument(doc, 'fr');
    expect(renderXref(xref('gone', 'named'), n)).toEqual({ text: BROKEN_MARKER.fr, broken: true, reason: 'missing' });
    expect(renderXref(xref(unnumbered.id, 'named'), n)).toEqual({ text: BROKEN_MARKER.fr, broken: true, reason: 'unnumbered' });
    expect(renderXref(xref(ids.p1.id, 'range', 'gone'), numberDocument(doc, 'en')).text).toBe(BROKEN_MARKER.en);
    doc.text.fr![ids.p5.id] = { content: [{ type: 'text', text: 'Voir ' }, xref('gone', 'named')] };
    expect(brokenXrefs(doc, n)).toEqual([{ blockId: ids.p5.id, xref: xref('gone', 'named'), reason: 'missing' }]);
  });
});

describe('outline', () => {
  it('lists parts, headings and numbered blocks with their labels', () => {
    const { doc } = sample();
    const lines = formatOutline(outline(doc, 'fr'));
    expect(lines).toEqual([
      '[part]\tRapport',
      'I.\tIntroduction',
      '1.\tUn.',
      '2.\tDeux :',
      '  a)\talpha',
      '  b)\tbeta',
      '    i)\ti',
      '    ii)\tii',
      '      a.\ta point',
      '        i.\ti point',
      '  c)\tgamma',
      'II.\tRéunions',
      'A.\tPremière',
      '3.\tTrois.',
      '1.\tSous-section',
      '4.\tQuatre.',
      'B.\tDeuxième',
      '  a)\taprès non numéroté',
      '5.\tCinq.',
      '[Annexe I]\tAnnexe un',
      '1.\tAnnexe, un.',
      '[Annexe II]\tAnnexe deux',
      '1.\tAnnexe deux, un.',
      '2.\tAnnexe deux, deux.',
      '[Pièce jointe]\tPièce',
    ]);
  });
});

