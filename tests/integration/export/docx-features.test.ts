/**
 * The seed reproductions and documents built to exercise every feature of the DOCX export,
 * rendered by LibreOffice; assertions read the text (and images) LibreOffice lays out.
 */
import { describe, expect, test } from 'vitest';
import type { Lang, RDocument } from '../../../src/core/model/schema';
import { layoutDocument } from '../../../src/core/render/layout';
import { spansText, type Span } from '../../../src/core/render/spans';
import { defaultExportOptions, type ExportOptions } from '../../../src/core/render/options';
import { code39Png } from '../../../src/services/export/docx/barcode';
import { seed000, seed004 } from '../../fixtures/seeds';
import { imagesPerPage, renderJobs, type RenderJob } from './libreoffice';
import { expectedNumbers, expectedParagraphs, featureDocument, fold, jointLetter, missingInOrder, type FeatureDoc } from './docx-documents';

const s000 = seed000();
const s004 = seed004();
const feature: Record<Lang, FeatureDoc> = { fr: featureDocument('fr'), en: featureDocument('en') };
/** A small PNG (a grey square), standing in for a logo or a scanned signature. */
const picture = code39Png('*1*', 40).png;

const letterheadOptions = (finalised: boolean): ExportOptions => ({
  ...defaultExportOptions('fr', 'letterhead'),
  finalised,
  letterhead: { lines: ['Mission permanente du Sénégal auprès de l’Organisation des Nations Unies', '747 Third Avenue, New York'], reference: 'Réf. : 2024/117', place: 'New York' },
  signatures: { chair: { bytes: picture, mime: 'image/png' } },
});

const jobs: Record<string, RenderJob> = {
  'seed000-fr': { doc: { ...s000.doc, meta: { ...s000.doc.meta, issueDate: '2017-02-14', jobNumber: '17-02619' } }, options: defaultExportOptions('fr', 'issued') },
  'seed004-fr': { doc: s004.doc, options: defaultExportOptions('fr', 'issued') },
  'feature-fr': { doc: feature.fr.doc, options: defaultExportOptions('fr', 'issued') },
  'feature-en': { doc: feature.en.doc, options: defaultExportOptions('en', 'issued') },
  'feature-en-a4': { doc: feature.en.doc, options: { ...defaultExportOptions('en', 'issued'), paper: 'a4' } },
  'feature-fr-manuscript': { doc: feature.fr.doc, options: defaultExportOptions('fr', 'manuscript') },
  'joint-fr': { doc: jointLetter('fr'), options: defaultExportOptions('fr', 'issued') },
  'joint-en': { doc: jointLetter('en'), options: defaultExportOptions('en', 'issued') },
  'letterhead-final': { doc: feature.fr.doc, options: letterheadOptions(true) },
  'letterhead-draft': { doc: feature.fr.doc, options: letterheadOptions(false) },
};

const rendered = renderJobs(jobs, 'DOCX features rendered');

const pages = (name: string) => rendered(name).pages;
const all = (name: string) => fold(pages(name).join('\n'));
const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '');
const lineIndex = (page: string, needle: string) => lines(page).findIndex((l) => fold(l).includes(needle));

function expectInOrder(name: string, doc: RDocument, lang: Lang): void {
  const miss = missingInOrder(pages(name).join('\n'), expectedParagraphs(doc, lang));
  expect(miss, miss && `${name}: missing "${miss.item.label} ${miss.item.opening}" (#${miss.index}) near: ${miss.context}`).toBeUndefined();
}

describe('seed reproductions', () => {
  test.each([
    ['seed000-fr', s000],
    ['seed004-fr', s004],
  ] as const)('%s: LibreOffice numbers the paragraphs exactly as the issued seed printed them', (name, seed) => {
    const printed = seed.printed.filter((p) => p.kind === 'paragraph' || p.kind === 'subparagraph' || p.kind === 'chapter' || p.kind === 'section').map((p) => p.label);
    expect(expectedNumbers(seed.doc, 'fr').map((e) => e.label)).toEqual(printed);
    expectInOrder(name, jobs[name]!.doc, 'fr');
  });

  test('seed 000: later pages carry "n/N" and the symbol at the outer edge; page 1 does not', () => {
    const p = pages('seed000-fr');
    expect(p.length).toBeGreaterThan(5);
    expect(fold(p[0]!)).not.toMatch(/(^|\s)1\/\d+(\s|$)/m);
    for (let k = 2; k <= p.length; k++) {
      const page = p[k - 1]!;
      expect(fold(page)).toContain(`${k}/${p.length}`);
      const header = lines(page)[0]!;
      expect(header.trim()).toBe('S/2017/138');
      // Even pages: symbol at the left edge; odd pages: at the right edge.
      const indent = header.length - header.trimStart().length;
      if (k % 2 === 0) expect(indent).toBeLessThan(10);
      else expect(indent).toBeGreaterThan(60);
      // The job number, without language letter, at the inner edge.
      expect(fold(page)).toMatch(/(^|\s)17-02619(\s|$)/m);
    }
  });

  test('seed 000: page 1 has the masthead, the job number stamp, the barcode and "Merci de recycler"', async () => {
    const p1 = fold(pages('seed000-fr')[0]!);
    for (const line of ['Nations Unies', 'Conseil de sécurité', 'Distr. générale', '14 février 2017', 'Original : français', '17-02619 (F)', '140217', 'Merci de recycler']) expect(p1).toContain(line);
    expect(p1).toMatch(/S\s*\/2017\/138/);
    const images = await imagesPerPage(rendered('seed000-fr').pdf);
    expect(images.get(1) ?? 0).toBeGreaterThanOrEqual(1);
    expect(images.get(2) ?? 0).toBe(0);
  });

  test('seed 004: French version of an English original', () => {
    const p1 = fold(pages('seed004-fr')[0]!);
    for (const line of ['Distr. générale', '23 octobre 2019', 'Français', 'Original : anglais']) expect(p1).toContain(line);
    const text = lines(pages('seed004-fr').join('\n')).map(fold);
    const title = text.findIndex((l) => l.includes("Le Chargé d'affaires par intérim"));
    const signed = text.findIndex((l) => l.includes('(Signé) Paul Duclos'));
    expect(title).toBeGreaterThan(-1);
    expect(signed).toBe(title + 1);
  });
});

describe.each(['fr', 'en'] as const)('feature document (%s)', (lang) => {
  const name = `feature-${lang}`;
  const f = feature[lang];
  const layout = layoutDocument(f.doc, lang);

  test('every paragraph and number in order; annexes restart at 1', () => {
    expectInOrder(name, f.doc, lang);
    const text = all(name);
    const annexII = text.lastIndexOf(lang === 'fr' ? 'Annexe II' : 'Annex II');
    expect(annexII).toBeGreaterThan(-1);
    const after = text.slice(annexII);
    expect(after).toMatch(lang === 'fr' ? /\n\s*1\. Premier paragraphe de l'annexe II/ : /\n\s*1\. First paragraph of annex II/);
    expect(after).toMatch(lang === 'fr' ? /\n\s*2\. Deuxième paragraphe de l'annexe II/ : /\n\s*2\. Second paragraph of annex II/);
  });

  test('masthead lines of a translated version (French) or an original (English)', () => {
    const p1 = fold(pages(name)[0]!);
    const expected =
      lang === 'fr'
        ? ['Nations Unies', 'Conseil de sécurité', 'Distr. générale', '15 mars 2024', 'Français', 'Original : anglais', '24-04321 (F)', '150324', 'Merci de recycler']
        : ['United Nations', 'Security Council', 'Distr.: General', '15 March 2024', 'Original: English', '24-04321 (E)', '150324', 'Please recycle'];
    for (const line of expected) expect(p1).toContain(line);
    if (lang === 'en') expect(p1).not.toMatch(/^\s*English\s*$/m);
    expect(p1).toMatch(/S\s*\/2024\/100/);
  });

  test('"n/N" and the symbol on every later page, none on page 1', () => {
    const p = pages(name);
    expect(p.length).toBeGreaterThan(3);
    expect(fold(p[0]!)).not.toMatch(/(^|\s)1\/\d+(\s|$)/m);
    p.slice(1).forEach((page, i) => {
      expect(fold(page)).toContain(`${i + 2}/${p.length}`);
      expect(lines(page)[0]!.trim()).toBe('S/2024/100');
    });
  });

  test('the footnote is printed at the foot of the page that calls it', () => {
    const note = fold(f.words.footnote!).slice(0, 40);
    const p = pages(name);
    const k = p.findIndex((page) => fold(page).includes(note));
    expect(k).toBeGreaterThan(0);
    const page = p[k]!;
    const noteLine = lineIndex(page, note);
    // The paragraph calling it and the body text after it on that page all come before the note.
    expect(lineIndex(page, fold(f.words.footnoted!).slice(0, 30))).toBeGreaterThan(-1);
    const bodyLines = lines(page).map((l, i) => ({ l: fold(l).trim(), i })).filter(({ l }) => /^\d+\. /.test(l));
    expect(bodyLines.length).toBeGreaterThan(1);
    for (const { i } of bodyLines) expect(i).toBeLessThan(noteLine);
    // Only the note (and the page furniture) below it.
    const below = lines(page).slice(noteLine + 1).map((l) => fold(l).trim());
    expect(below.length).toBeLessThanOrEqual(3);
    // Its number: on the note's line, or just above it (a superscript, which pdftotext sets apart).
    const numbered = /^1\s/.test(fold(lines(page)[noteLine]!).trim()) || lines(page)[noteLine - 1]!.trim() === '1';
    expect(numbered).toBe(true);
  });

  test('the long table repeats its header row on every page it runs over', () => {
    const header = lang === 'fr' ? /Date\s+Intervenants\s+Thème/ : /Date\s+Speakers\s+Topic/;
    const rowWord = lang === 'fr' ? 'Intervenant ' : 'Speaker ';
    const withRows = pages(name).filter((page) => fold(page).includes(`${rowWord}${f.tableRows}`) || /(Intervenant|Speaker) \d+/.test(fold(page)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const page of withRows) expect(fold(page)).toMatch(header);
    expect(all(name)).toContain(`${rowWord}${f.tableRows}`);
  });

  test('"[Original: …]" under the heading of the annex written in the other language, at the right', () => {
    // Annex II was written in the other language: French for the English version and vice versa.
    const marker = lang === 'fr' ? '[Original : anglais]' : '[Original: French]';
    const page = pages(name).find((p) => fold(p).includes(marker));
    expect(page).toBeDefined();
    const heading = lineIndex(page!, lang === 'fr' ? 'Annexe II' : 'Annex II');
    const at = lineIndex(page!, marker);
    const title = lineIndex(page!, fold(f.words.annexNote!));
    expect(heading).toBeGreaterThan(-1);
    expect(at).toBeGreaterThan(heading);
    expect(title).toBeGreaterThan(at);
    const line = lines(page!)[at]!;
    expect(line.length - line.trimStart().length).toBeGreaterThan(50);
    // Annex I was written in the document's language: no marker.
    expect(all(name).split(marker)).toHaveLength(2);
  });

  test('cross-references show the numbers LibreOffice computes from the bookmarks', () => {
    const para = layout.parts.flatMap((p) => p.blocks).find((b) => b.type === 'paragraph' && spansText(b.spans).startsWith(f.words.see!));
    expect(para?.type).toBe('paragraph');
    const spans = (para as { spans: Span[] }).spans;
    const xrefs = spans.filter((s) => s.xref).map((s) => s.text);
    expect(xrefs).toHaveLength(3);
    for (const x of xrefs) expect(x).toMatch(/\d|\b[IVX]+\b/);
    const flat = (t: string) => fold(t).replace(/\s+/g, ' ');
    expect(flat(pages(name).join('\n'))).toContain(flat(spansText(spans)));
  });

  test('two signatories, each in the language’s order, right-aligned', () => {
    const text = lines(pages(name)[0]!);
    const find = (s: string) => text.findIndex((l) => fold(l).trim().endsWith(s));
    const order =
      lang === 'fr'
        ? ['La Représentante permanente', '(Signé) Aminata Diallo', 'Le Représentant permanent adjoint', '(Signé) Paul Martin']
        : ['(Signed) Aminata Diallo', 'Permanent Representative', '(Signed) Paul Martin', 'Deputy Permanent Representative'];
    const at = order.map(find);
    for (const i of at) expect(i).toBeGreaterThan(-1);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const i of at) expect(text[i]!.length - text[i]!.trimStart().length).toBeGreaterThan(40);
  });
});

describe('other layouts', () => {
  test('A4 paper: same content and numbers', () => {
    expectInOrder('feature-en-a4', feature.en.doc, 'en');
    expect(pages('feature-en-a4').length).toBeGreaterThan(3);
  });

  test('manuscript: no masthead furniture, same numbers, plain page numbers from page 2', () => {
    expectInOrder('feature-fr-manuscript', feature.fr.doc, 'fr');
    const p = pages('feature-fr-manuscript');
    const text = all('feature-fr-manuscript');
    for (const absent of ['Distr. générale', 'Français', '24-04321', 'Merci de recycler', 'S/2024/100']) expect(text).not.toContain(absent);
    expect(text).not.toMatch(/(^|\s)Original : anglais/);
    p.slice(1).forEach((page, i) => expect(lines(page).map((l) => l.trim())).toContain(String(i + 2)));
    expect(lines(p[0]!).map((l) => l.trim())).not.toContain('1');
  });

  test.each(['fr', 'en'] as const)('joint GA/SC letter (%s): two organs, session and year columns, joint symbol', (lang) => {
    const p1 = fold(pages(`joint-${lang}`)[0]!);
    const expected =
      lang === 'fr'
        ? ['Assemblée générale', 'Conseil de sécurité', 'Soixante-quatrième session', "Points 10 et 33 de l'ordre du jour", 'Rapport de la Commission de consolidation de la paix', 'Soixante-cinquième année']
        : ['General Assembly', 'Security Council', 'Sixty-fourth session', 'Agenda items 10 and 33', 'Report of the Peacebuilding Commission', 'Sixty-fifth year'];
    for (const line of expected) expect(p1).toContain(line);
    expect(p1).toMatch(/A\s*\/64\/866–\s*S\s*\/2010\/393/);
    const organs = lines(pages(`joint-${lang}`)[0]!);
    const ga = organs.findIndex((l) => fold(l).includes(expected[0]!));
    const sc = organs.findIndex((l) => fold(l).includes(expected[1]!));
    expect(sc).toBeGreaterThan(ga);
  });

  test('letterhead: mission letterhead instead of the masthead; no "(Signé)"; signature image only when finalised', async () => {
    for (const name of ['letterhead-final', 'letterhead-draft']) {
      const text = all(name);
      expect(text).toContain("Mission permanente du Sénégal auprès de l'Organisation des Nations Unies");
      expect(text).toContain('Réf. : 2024/117');
      expect(text).toContain('New York, le 14 mars 2024');
      expect(text).not.toContain('Distr. générale');
      expect(text).not.toContain('(Signé)');
      expect(text).not.toContain('Lettre datée du');
      expect(text).toContain('Aminata Diallo');
      expectInOrder(name, feature.fr.doc, 'fr');
    }
    const final = await imagesPerPage(rendered('letterhead-final').pdf);
    const draft = await imagesPerPage(rendered('letterhead-draft').pdf);
    expect(final.get(1) ?? 0).toBe(1);
    expect(draft.get(1) ?? 0).toBe(0);
  });
});
