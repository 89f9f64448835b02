/**
 * Issue 12b in Chromium against the browser host, a fresh library each: the settings (the
 * mission's letterhead, its people, a scanned signature), the signed letter (finalised letterhead
 * exports of a French letter to the President of the Security Council and an English one to the
 * Secretary-General, read back through LibreOffice), the export dialog (the checker's errors
 * first, DOCX and PDF downloaded), and both screens in both interface languages (no string of
 * the other locale, no serious axe violation, screenshots).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { code39Png } from '../../src/services/export/docx/barcode';
import { fold } from '../integration/export/docx-documents';
import { createDossier, expectSaved, screenshot, watchErrors } from './editor-helpers';
import { openPanel } from './workspace-helpers';
import { axeSerious, clippedSelects, foreignFragments, interfaceText } from './screen-checks';

// axe-core is injected as a script: past the page's Content-Security-Policy for this file only.
test.use({ bypassCSP: true });

/** LibreOffice's rendering of a downloaded file (DOCX → PDF → text; a PDF straight to text), spaces folded. */
function renderedText(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-export-e2e-'));
  let pdf = path;
  if (path.endsWith('.docx')) {
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, path], { stdio: 'ignore', timeout: 120_000 });
    pdf = join(dir, path.split('/').pop()!.replace(/\.docx$/, '.pdf'));
  }
  return fold(execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString()).replace(/\s+/g, ' ');
}

function expectInOrder(text: string, expected: string[]): void {
  let from = 0;
  for (const want of expected.map((e) => fold(e))) {
    const at = text.indexOf(want, from);
    expect(at, `"${want}" not found (in order) in: ${text.slice(0, 3000)}`).toBeGreaterThanOrEqual(from);
    from = at + want.length;
  }
}

async function openSettings(page: Page) {
  await page.getByTestId('settings-open').click();
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog.getByTestId('mission-name')).toBeVisible();
  return dialog;
}

/** The mission (Peru) with its chargée d'affaires as sender and signatory, and her scanned signature. */
async function setUpMission(page: Page): Promise<void> {
  const dialog = await openSettings(page);
  await dialog.getByTestId('mission-name').fill('Mission permanente du Pérou auprès de l’Organisation des Nations Unies');
  await dialog.getByTestId('mission-address').fill('820 Second Avenue\nNew York, NY 10017');
  await dialog.getByTestId('settings-author').fill('Ana Peña');
  await dialog.getByTestId('person-add').click();
  const person = dialog.getByTestId('settings-person').first();
  await person.getByTestId('person-name').fill('Ana Peña');
  await person.getByTestId('person-role').selectOption('charge-d-affaires');
  await person.getByTestId('person-gender').selectOption('f');
  await person.getByTestId('person-sender').check();
  await person.getByTestId('person-signs').check();
  await page.getByTestId('settings-dialog-confirm').click();
  await expect(dialog.getByTestId('settings-status')).not.toBeEmpty();
  await person.getByTestId('person-signature-file').setInputFiles({ name: 'signature.png', mimeType: 'image/png', buffer: Buffer.from(code39Png('*42*', 40).png) });
  await expect(person.getByTestId('person-signature')).toHaveAttribute('data-set', 'true');
  await expect(person.locator('img.settings-image-preview')).toBeVisible();
  // Shown, not only placed: the page's Content-Security-Policy lets the preview load.
  await expect.poll(() => person.locator('img.settings-image-preview').evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await page.getByTestId('settings-dialog-cancel').click();
  await expect(dialog).toHaveCount(0);
}

/** Exports from the dialog and returns the downloaded file's path (the checker's errors accepted when shown). */
async function exportFrom(page: Page, choice: { format: 'docx' | 'pdf' | 'html'; profile?: 'issued' | 'manuscript' | 'letterhead' }): Promise<string> {
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId(`export-format-${choice.format}`).check();
  if (choice.profile) await dialog.getByTestId(`export-profile-${choice.profile}`).check();
  const confirm = page.getByTestId('export-dialog-confirm');
  await expect(dialog.getByText(/Checking the document|Vérification du document/)).toHaveCount(0);
  if (await dialog.getByTestId('export-errors').isVisible()) {
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('export-anyway').check();
  }
  const download = page.waitForEvent('download');
  await confirm.click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'rapporteur-download-')), file.suggestedFilename());
  await file.saveAs(path);
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('workspace-status')).toContainText(file.suggestedFilename());
  return path;
}

async function fillLetter(page: Page, addressee: { kind?: string; gender: 'm' | 'f'; name: string }, date: string): Promise<void> {
  await openPanel(page, 'metadata');
  const form = page.getByTestId('panel-metadata');
  const a = form.getByTestId('meta-addressee').first();
  if (addressee.kind) await a.getByTestId('addressee-kind').selectOption(addressee.kind);
  await a.getByTestId('addressee-gender').selectOption(addressee.gender);
  await a.getByTestId('addressee-name').fill(addressee.name);
  await form.getByTestId('meta-letter-date').fill(date);
  await form.getByTestId('meta-reference').fill('PER/2026/77');
  await expectSaved(page);
}

async function finalise(page: Page): Promise<void> {
  await page.getByTestId('finalise-open').click();
  await page.getByTestId('finalise-dialog-confirm').click();
  await expect(page.getByTestId('finalised-banner')).toBeVisible();
}

test('the signed letter: finalised letterhead exports in French (to the President of the Council) and English (to the Secretary-General)', async ({ page, appHost }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await setUpMission(page);

  await createDossier(page, 'letter', 'fr');
  await fillLetter(page, { gender: 'f', name: 'Joanna Wronecka' }, '2026-02-13');
  await finalise(page);
  const fr = renderedText(await exportFrom(page, { format: 'docx', profile: 'letterhead' }));
  expectInOrder(fr, [
    "Mission permanente du Pérou auprès de l'Organisation des Nations Unies",
    '820 Second Avenue',
    'PER/2026/77',
    'New York, le 13 février 2026',
    'Madame la Présidente,',
    'Veuillez agréer, Madame la Présidente, les assurances de ma très haute considération.',
    "La Chargée d'affaires par intérim",
    'Ana Peña',
    'Son Excellence Madame Joanna Wronecka',
    'Présidente du Conseil de sécurité',
    'New York',
  ]);
  expect(fr).not.toContain('(Signée)');
  expect(fr).not.toContain('PROJET');

  await page.getByTestId('dossier-close').click();
  await createDossier(page, 'letter', 'en');
  await fillLetter(page, { kind: 'secretary-general', gender: 'm', name: 'António Guterres' }, '2026-02-13');
  await finalise(page);
  const enPath = await exportFrom(page, { format: 'docx', profile: 'letterhead' });
  const en = renderedText(enPath);
  expectInOrder(en, [
    'New York, 13 February 2026',
    'Excellency,',
    'Please accept, Excellency, the assurances of my highest consideration.',
    'Ana Peña',
    "Chargé d'affaires a.i.",
    'His Excellency Mr. António Guterres',
    'Secretary-General of the United Nations',
    'New York',
  ]);
  // The scanned signature is in the finalised export (the DOCX's one image).
  const zip = execFileSync('unzip', ['-l', enPath]).toString();
  expect(zip.match(/word\/media\//g) ?? []).toHaveLength(1);
  expect(errors).toEqual([]);
});

test('the signed letter’s courtesy lines in the wording list: in the letter’s language, following the addressee, overridden, kept, printed on the letterhead, reset', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'fr');
  await openPanel(page, 'metadata');
  const form = page.getByTestId('panel-metadata');
  const item = (kind: string) => form.locator(`[data-testid="wording-item"][data-kind="${kind}"]`);
  const salutation = form.getByTestId('courtesy-salutation');
  await expect(salutation).toHaveValue('Monsieur le Président,');
  await expect(form.getByTestId('courtesy-close')).toHaveValue('Veuillez agréer, Monsieur le Président, les assurances de ma très haute considération.');
  // Generated from the addressee as it changes.
  const a = form.getByTestId('meta-addressee').first();
  await a.getByTestId('addressee-gender').selectOption('f');
  await a.getByTestId('addressee-name').fill('Joanna Wronecka');
  await expect(salutation).toHaveValue('Madame la Présidente,');
  await expect(form.getByTestId('courtesy-close')).toHaveValue('Veuillez agréer, Madame la Présidente, les assurances de ma très haute considération.');
  await expect(form.getByTestId('courtesy-addressee')).toHaveValue('Son Excellence Madame Joanna Wronecka\nPrésidente du Conseil de sécurité\nNew York');
  await expect(item('salutation')).toHaveAttribute('data-overridden', 'false');

  // Overridden: marked as edited, saved, still there when the dossier is opened again.
  await salutation.fill('Madame la Présidente et chère collègue,');
  await expect(item('salutation')).toHaveAttribute('data-overridden', 'true');
  await form.getByTestId('courtesy-addressee').fill('Son Excellence Madame Joanna Wronecka\nPrésidente du Conseil de sécurité\nOrganisation des Nations Unies\nNew York');
  await expectSaved(page);
  await item('close').scrollIntoViewIfNeeded();
  await screenshot(page, 'courtesy-fr');
  await page.reload();
  await openPanel(page, 'metadata');
  await expect(salutation).toHaveValue('Madame la Présidente et chère collègue,');
  await expect(item('addressee')).toHaveAttribute('data-overridden', 'true');

  // The letterhead (the signed letter) prints the overrides; the issued letter has none of these lines.
  const printed = (path: string) => fold(readFileSync(path, 'utf8').replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/g, ' ')).replace(/\s+/g, ' ');
  const letterhead = printed(await exportFrom(page, { format: 'html', profile: 'letterhead' }));
  expectInOrder(letterhead, ['Madame la Présidente et chère collègue,', 'Veuillez agréer, Madame la Présidente,', 'Son Excellence Madame Joanna Wronecka', 'Organisation des Nations Unies New York']);
  const issued = printed(await exportFrom(page, { format: 'html', profile: 'issued' }));
  expect(issued).not.toContain('chère collègue');

  // Reset: the generated wording again, following the addressee.
  await item('salutation').getByTestId('wording-list-reset').click();
  await expect(salutation).toHaveValue('Madame la Présidente,');
  await expect(item('salutation')).toHaveAttribute('data-overridden', 'false');
  await a.getByTestId('addressee-gender').selectOption('m');
  await expect(salutation).toHaveValue('Monsieur le Président,');
  // Finalised, the lines are shown but cannot be edited.
  await finalise(page);
  await openPanel(page, 'metadata');
  await expect(salutation).toBeDisabled();
  expect(errors).toEqual([]);
});

test('export dialog: the checker’s errors first, then DOCX and PDF downloaded with the numbers and the title', async ({ page, appHost }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'concept-note', 'en');
  await openPanel(page, 'metadata');
  await page.getByTestId('panel-metadata').getByTestId('meta-symbol-0').fill('S/ 2026/1012');
  await expectSaved(page);
  const title = (await page.getByTestId('editor').locator('.rk-part-title').first().innerText()).trim();
  expect(title.length).toBeGreaterThan(3);

  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  // The default version is chosen, and the letter-only layout is not.
  await expect(dialog.getByTestId('export-lang-en')).toBeChecked();
  await expect(dialog.getByTestId('export-profile-issued')).toBeChecked();
  await expect(dialog.getByTestId('export-errors')).toBeVisible();
  await expect(page.getByTestId('export-dialog-confirm')).toBeDisabled();
  await screenshot(page, 'export-dialog-errors-en');
  await page.getByTestId('export-dialog-cancel').click();

  const docx = renderedText(await exportFrom(page, { format: 'docx' }));
  expect(docx).toContain(fold(title));
  expect(docx).toMatch(/ 1\. .* 2\. /);
  // While the host makes the file (its answer held back here), the dialog says which step it is at.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/export.document', async (route) => {
    await held;
    await route.continue();
  });
  const pdfDone = exportFrom(page, { format: 'pdf' });
  const progress = page.getByTestId('export-progress');
  await expect(progress).toHaveAttribute('data-step', 'building');
  await expect(progress).toContainText('Step 2 of 3: making the PDF file');
  await expect(progress.locator('progress')).toHaveAttribute('value', '1');
  await expect(progress.locator('progress')).toHaveAttribute('max', '3');
  await expect(page.getByTestId('export-format-docx')).toBeDisabled();
  await screenshot(page, 'export-progress-en');
  release();
  const pdfPath = await pdfDone;
  await page.unroute('**/export.document');
  await expect(progress).toHaveCount(0);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pdf = renderedText(pdfPath);
  expect(pdf).toContain(fold(title));
  expect(pdf).toMatch(/ 1\. .* 2\. /);
  expect(errors).toEqual([]);
});

test('the export dialog and the settings in both interface languages: no string of the other locale, no serious axe violation', async ({ page, appHost }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await setUpMission(page);
  await createDossier(page, 'letter', 'fr');
  const found: string[] = [];
  const a11y: string[] = [];
  const cut: string[] = [];
  for (const lang of ['en', 'fr'] as const) {
    await page.getByTestId(`ui-lang-${lang}`).click();
    await expect(page.getByTestId(`ui-lang-${lang}`)).toHaveAttribute('aria-pressed', 'true');
    const foreign = foreignFragments(lang);
    for (const screen of ['export', 'settings'] as const) {
      if (screen === 'export') {
        await page.getByTestId('export-open').click();
        await expect(page.getByTestId('export-dialog').getByText(/Checking the document|Vérification du document/)).toHaveCount(0);
      } else {
        const dialog = await openSettings(page);
        // Each select shows its whole choice (the French spacing's is a short name, what it does said under it).
        for (const spacing of ['new-york', 'nbsp', 'off']) {
          await dialog.getByTestId('settings-spacing').selectOption(spacing);
          await expect(dialog.getByTestId('settings-spacing-hint')).not.toBeEmpty();
          for (const c of await clippedSelects(dialog)) cut.push(`${lang} ${spacing}: ${c}`);
        }
        await dialog.getByTestId('settings-spacing').selectOption('new-york');
      }
      const text = await interfaceText(page);
      for (const f of foreign) if (text.includes(f)) found.push(`${lang} ${screen}: "${f}"`);
      for (const v of await axeSerious(page)) a11y.push(`${lang} ${screen}: ${v}`);
      await screenshot(page, `${screen}-${lang}`);
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog[open]')).toHaveCount(0);
    }
  }
  expect(found).toEqual([]);
  expect(a11y).toEqual([]);
  expect(cut).toEqual([]);
  expect(errors).toEqual([]);
});

test('bad input in the settings: an image that is not one, a mission without a name for its person', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const dialog = await openSettings(page);
  await dialog.getByTestId('mission-emblem-file').setInputFiles({ name: 'emblem.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await expect(dialog.getByTestId('settings-error')).toHaveAttribute('data-code', 'invalid-asset');
  await expect(dialog.getByTestId('mission-emblem')).toHaveAttribute('data-set', 'false');
  await dialog.getByTestId('person-add').click();
  await page.getByTestId('settings-dialog-confirm').click();
  await expect(dialog.getByTestId('settings-error')).toHaveAttribute('data-code', 'invalid-input');
  await expect(dialog.getByTestId('settings-error')).toContainText('each person of the mission has a name');
  // The host logs nothing unexpected: the refusals are answers, not failures.
  expect(errors.filter((e) => !/400|invalid/i.test(e))).toEqual([]);
});
