/**
 * Every template (6 kinds × French and English) in each DOCX profile, rendered by LibreOffice:
 * the numbers LibreOffice lays out (Word numbering, not typed text) must be the labels the
 * numbering engine computes, in order; page 1 carries the masthead (issued) and no page number;
 * later pages are numbered "n/N" (issued); signatures keep each language's order.
 */
import { describe, expect, test } from 'vitest';
import { LANGS, type Lang, type RDocument } from '../../../src/core/model/schema';
import { sequentialIds } from '../../../src/core/model/builder';
import { createFromTemplate, TEMPLATE_KINDS } from '../../../src/core/templates';
import { layoutDocument } from '../../../src/core/render/layout';
import { spansText } from '../../../src/core/render/spans';
import { defaultExportOptions, type ExportProfile } from '../../../src/core/render/options';
import { renderJobs, type RenderJob } from './libreoffice';
import { expectedParagraphs, fold, missingInOrder } from './docx-documents';

const PROFILES: ExportProfile[] = ['issued', 'manuscript', 'letterhead'];
const cases = TEMPLATE_KINDS.flatMap((kind) => LANGS.flatMap((lang) => PROFILES.map((profile) => ({ name: `${kind}-${lang}-${profile}`, kind, lang, profile }))));

const docs = new Map<string, RDocument>();
const jobs: Record<string, RenderJob> = {};
for (const c of cases) {
  const doc = createFromTemplate(c.kind, c.lang, sequentialIds());
  docs.set(c.name, doc);
  jobs[c.name] = { doc, options: defaultExportOptions(c.lang, c.profile) };
}
const rendered = renderJobs(jobs, 'templates rendered');

const lines = (page: string) => page.split('\n').map((l) => fold(l).trim()).filter((l) => l !== '');

describe.each(cases)('template $name', ({ name, lang, profile }) => {
  test('every paragraph, with the number LibreOffice gives it, in order', () => {
    const doc = docs.get(name)!;
    const expected = expectedParagraphs(doc, lang);
    expect(expected.length).toBeGreaterThan(0);
    const miss = missingInOrder(rendered(name).pages.join('\n'), expected);
    expect(miss, miss && `missing "${miss.item.label} ${miss.item.opening}" (#${miss.index}) near: ${miss.context}`).toBeUndefined();
  });

  test('page 1: masthead by profile, no page number', () => {
    const doc = docs.get(name)!;
    const m = layoutDocument(doc, lang).masthead;
    const page1 = fold(rendered(name).pages[0]!);
    const p1 = lines(rendered(name).pages[0]!);
    expect(page1).not.toMatch(/(^|\s)1\/\d+(\s|$)/m);
    expect(p1[p1.length - 1]).not.toMatch(/^\d+$/);
    const distr = lang === 'fr' ? 'Distr. générale' : 'Distr.: General';
    const original = lang === 'fr' ? 'Original : français' : 'Original: English';
    if (profile === 'issued') {
      expect(p1[0]).toContain(m.unitedNations);
      for (const organ of m.organs) expect(page1).toContain(spansText(organ));
      expect(page1).toContain(distr);
      expect(page1).toContain(original);
    } else {
      expect(page1).not.toContain(distr);
      expect(page1).not.toContain(original);
    }
  });

  test('later pages of the issued layout are numbered n/N', () => {
    const pages = rendered(name).pages;
    if (profile !== 'issued' || pages.length < 2) {
      // Manuscript and letterhead number pages plainly from page 2; single pages have no number.
      pages.slice(1).forEach((p, i) => expect(lines(p)).toContain(String(i + 2)));
      return;
    }
    pages.slice(1).forEach((p, i) => expect(fold(p)).toContain(`${i + 2}/${pages.length}`));
  });

  test('signature lines in the language’s order', () => {
    const text = lines(rendered(name).pages.join('\n'));
    const doc = docs.get(name)!;
    if (doc.meta.people.length === 0) return expect(text.some((l) => l.includes('(Sign'))).toBe(false);
    const title = lang === 'fr' ? 'Le Représentant permanent' : 'Permanent Representative';
    const nameLine = text.findIndex((l) => l.endsWith(lang === 'fr' ? '[Prénom Nom]' : '[First name Last name]'));
    const titleLine = text.findIndex((l) => l.endsWith(title));
    expect(nameLine).toBeGreaterThan(-1);
    expect(titleLine).toBeGreaterThan(-1);
    if (lang === 'fr') expect(titleLine).toBeLessThan(nameLine);
    else expect(nameLine).toBeLessThan(titleLine);
    expect(text[nameLine]!.includes(lang === 'fr' ? '(Signé)' : '(Signed)')).toBe(profile !== 'letterhead');
  });
});

test('the templates cover 6 kinds in 2 languages and 3 profiles', () => {
  expect(cases).toHaveLength(36);
  expect(new Set(cases.map((c) => c.lang))).toEqual(new Set<Lang>(['fr', 'en']));
});
