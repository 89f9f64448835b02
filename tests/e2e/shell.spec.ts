/**
 * The application shell in real Chromium, against the built renderer (in-page host, no
 * Electron): the numbered template renders with each language's labels, the interface language
 * switches instantly and independently of the document language, and nothing logs an error.
 * Waits on the app's own state (data attributes, text), never on sleeps.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const NBSP = '\u00a0';

function appUrl(): string {
  const url = process.env['RAPPORTEUR_E2E_URL'];
  if (!url) throw new Error('RAPPORTEUR_E2E_URL is not set: the global setup did not run');
  return url;
}

/** Console errors and uncaught exceptions, asserted empty after each test that uses it. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: false });
}

test('renders the annual report template with French, then English, numbering', async ({ page }) => {
  const errors = watchErrors(page);
  const response = await page.goto(appUrl());
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  const doc = page.getByTestId('document');
  await expect(doc).toHaveAttribute('data-kind', 'annual-report');
  await expect(doc).toHaveAttribute('data-lang', 'fr');

  // Labels come from numberDocument(doc, 'fr').
  await expect(doc.locator('.heading-chapter > .label')).toHaveText(['I.', 'II.', 'III.']);
  await expect(doc.locator('.heading-section > .label')).toHaveText(['A.', 'B.']);
  await expect(doc.locator('.paragraph.numbered > .label')).toHaveText(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
  await expect(doc.locator('.subparagraph > .label')).toHaveText(['a)', 'b)']);
  await expect(doc.locator('.heading-chapter').first()).toContainText('Introduction');
  // Text from doc.text.fr, with French typography (no-break space before the colon).
  await expect(doc.locator('.paragraph.numbered').nth(2)).toHaveText(`3. Le Groupe de travail s’est penché sur les thèmes suivants${NBSP}:`);
  // Generated wording from core: the annex heading and the French signature block.
  await expect(doc.locator('.part-annex .part-heading')).toHaveText('Annexe');
  await expect(doc.locator('.signature')).toContainText('(Signé)');
  // The letter's opening sentence is generated: it states the reporting period (none yet: « … »).
  await expect(doc.locator('.part-letter [data-kind="opening"]')).toHaveText(`J’ai l’honneur de vous faire tenir ci-joint le rapport sur les activités menées par le Groupe de travail au cours de la période allant du … au ….`);
  await screenshot(page, 'shell-fr-document');

  // Same structure, English labels.
  await page.getByTestId('doc-lang-en').click();
  await expect(doc).toHaveAttribute('data-lang', 'en');
  await expect(doc.locator('.subparagraph > .label')).toHaveText(['(a)', '(b)']);
  await expect(doc.locator('.paragraph.numbered > .label')).toHaveText(['1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.']);
  await expect(doc.locator('.heading-chapter > .label')).toHaveText(['I.', 'II.', 'III.']);
  await expect(doc.locator('.paragraph.numbered').nth(2)).toHaveText('3. The Working Group considered the following themes:');
  await expect(doc.locator('.part-annex .part-heading')).toHaveText('Annex');
  await expect(doc.locator('.signature')).toContainText('(Signed)');

  expect(errors).toEqual([]);
});

test('the page on screen has the geometry of the exports: width, margins, type, hanging heading numbers', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(appUrl());
  const doc = page.getByTestId('document');
  await expect(doc.locator('.heading-chapter > .label').first()).toHaveText('I.');
  // 1 pt = 4/3 CSS px: the issued Letter page (612 × 792 pt, 60 pt side margins, body 10 pt on 12 pt lines).
  const page1 = await doc.evaluate((el) => {
    const s = getComputedStyle(el);
    const pt = (css: string) => (parseFloat(css) * 3) / 4;
    return { width: pt(s.width), paddingLeft: pt(s.paddingLeft), paddingRight: pt(s.paddingRight), fontSize: pt(s.fontSize), lineHeight: pt(s.lineHeight), font: s.fontFamily };
  });
  expect(page1.font).toBe('"Times New Roman", "Liberation Serif", Tinos, Times, serif');
  for (const [k, v] of Object.entries({ width: 612, paddingLeft: 60, paddingRight: 60, fontSize: 10, lineHeight: 12 })) expect(page1[k as keyof typeof page1], k).toBeCloseTo(v, 1);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--page-width'))).toBe('612pt');
  // The text column starts 63 pt in; a chapter's number hangs 32 pt to the left of its text.
  const offsets = await doc.evaluate((el) => {
    const left = (q: string) => el.querySelector(q)!.getBoundingClientRect().left - el.getBoundingClientRect().left;
    return { paragraph: left('.paragraph.numbered'), chapterLabel: left('.heading-chapter > .label'), chapterText: left('.heading-chapter > .text') };
  });
  expect(offsets.paragraph).toBeCloseTo(((60 + 63) * 4) / 3, 0);
  expect(offsets.chapterText).toBeCloseTo(((60 + 63) * 4) / 3, 0);
  expect(offsets.chapterLabel).toBeCloseTo(((60 + 63 - 32) * 4) / 3, 0);
  expect(errors).toEqual([]);
});

test('switches the interface language instantly, independently of the document language', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(appUrl());
  const header = page.getByTestId('app-header');
  const doc = page.getByTestId('document');

  // Browser locale en-GB → English interface; the default document is French.
  await expect(header).toContainText('Interface language');
  await expect(page.getByTestId('library')).toContainText('Library');
  await expect(page.getByLabel('Document type')).toBeVisible();
  await expect(page.getByTestId('doc-kind').locator('option:checked')).toHaveText('Annual report');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('ui-lang-en')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('doc-lang-en').click();
  await expect(doc).toHaveAttribute('data-lang', 'en');
  await expect(doc.locator('.subparagraph > .label').first()).toHaveText('(a)');

  await page.getByTestId('ui-lang-fr').click();
  await expect(header).toContainText('Langue de l’interface');
  await expect(header).not.toContainText('Interface language');
  await expect(page.getByTestId('library')).toContainText('Bibliothèque');
  await expect(page.getByLabel('Type de document')).toBeVisible();
  await expect(page.getByTestId('doc-kind').locator('option:checked')).toHaveText('Rapport annuel');
  await expect(page.getByTestId('doc-lang-en')).toHaveText('Anglais');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByTestId('ui-lang-fr')).toHaveAttribute('aria-pressed', 'true');
  // The document did not change language with the interface.
  await expect(doc).toHaveAttribute('data-lang', 'en');
  await expect(doc.locator('.subparagraph > .label').first()).toHaveText('(a)');
  await screenshot(page, 'shell-fr-interface-en-document');

  await page.getByTestId('ui-lang-en').click();
  await expect(header).toContainText('Interface language');
  await expect(page.getByTestId('library')).toContainText('Library');

  expect(errors).toEqual([]);
});

test('renders every document type in both languages', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto(appUrl());
  const doc = page.getByTestId('document');
  const kinds = await page.getByTestId('doc-kind').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(kinds).toEqual(['letter', 'annual-report', 'concept-note', 'debate-summary', 'presidential-statement', 'seminar-report']);
  for (const lang of ['fr', 'en'] as const) {
    await page.getByTestId(`doc-lang-${lang}`).click();
    for (const kind of kinds) {
      await page.getByTestId('doc-kind').selectOption(kind);
      await expect(doc).toHaveAttribute('data-kind', kind);
      await expect(doc).toHaveAttribute('data-lang', lang);
      await expect(doc.locator('.part').first()).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    }
  }
  // The seminar report has two annexes: numbered I and II.
  await expect(doc.locator('.part-annex .part-heading').first()).toContainText('Annex I ');
  await expect(doc.locator('.part-annex .part-heading').nth(1)).toContainText('Annex II ');
  expect(errors).toEqual([]);
});

test('the Content-Security-Policy blocks inline scripts', async ({ page }) => {
  await page.goto(appUrl());
  await expect(page.getByTestId('document')).toBeVisible();
  const violation = page.waitForEvent('console', (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()));
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'document.documentElement.dataset.inline = "ran"';
    document.head.append(s);
    return document.documentElement.dataset['inline'] ?? null;
  });
  expect(ran).toBeNull();
  await violation;
});
