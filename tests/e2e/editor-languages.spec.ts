/**
 * The editor in both interface languages, with French and English documents: a bilingual
 * dossier brought in with the CLI opens straight from its address (#dossier=<id>), shows every
 * kind of block the editor has (headings, subparagraphs at four levels, bullets, quotation,
 * participants, table, page break, footnotes, cross-references in every form, an annex in
 * another language, overridden wording), and the document-language switch shows the other
 * language in the same editor. Screenshots of each are kept in test-results/screenshots.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { cli, createDossier, labels, part, screenshot, watchErrors } from './editor-helpers';
import { everyFeature } from '../unit/editor/fixtures';

/**
 * How many lines the editor's bar takes (its items grouped by their vertical middle), and whether
 * anything in it is cut off (wider than the bar).
 */
function barRows(page: Page): Promise<{ rows: number; cut: boolean }> {
  return page
    .locator('.rk-editor-bar')
    .first()
    .evaluate((bar) => {
      const middles: number[] = [];
      for (const el of bar.querySelectorAll(':scope > *, .rk-toolbar > *')) {
        const r = el.getBoundingClientRect();
        if (r.height === 0 || el.classList.contains('rk-toolbar')) continue;
        const m = r.top + r.height / 2;
        if (!middles.some((x) => Math.abs(x - m) < 6)) middles.push(m);
      }
      return { rows: middles.length, cut: bar.scrollWidth > bar.clientWidth + 1 };
    });
}

test('a bilingual dossier opens from its address; French and English, in both interface languages', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-doc-'));
  const file = join(dir, 'every-feature.json');
  writeFileSync(file, JSON.stringify(everyFeature()));
  const imported = cli(appHost.dataDir, 'import', file);
  rmSync(dir, { recursive: true, force: true });
  expect(imported.stderr).toBe('');
  const id = imported.stdout.trim();

  await page.goto(`${appHost.url}#dossier=${id}`);
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-id', id);
  const editor = page.getByTestId('editor');
  const report = part(page, 3);
  await expect.poll(() => labels(report)).toEqual(['I.', '1.', 'a)', 'i)', 'a.', 'i.', 'A.', '2.', '3.', '4.']);
  await expect(report.locator('[data-rk="xref"]')).toHaveText(['paragraphe 1', '1 a) i)', 'paragraphes 1 à 4', 'chapitre I']);
  await expect(part(page, 4).locator('[data-rk="xref"]')).toHaveText('paragraphe 2');
  await expect(part(page, 4).locator('.rk-original-marker')).toHaveText('[Original\u00a0: anglais]');
  await expect(report.locator('[data-rk="footnoteRef"]')).toHaveCount(2);
  await expect(part(page, 1).locator('.rk-part-heading')).toHaveText('Annexe à la lettre de la Représentante permanente');
  await expect(part(page, 0).locator('.rk-closing .rk-gen-text')).toHaveText('Je vous serais obligée de bien vouloir faire distribuer la présente lettre.');
  // The original (edit mode): generated blocks and the annex can be removed.
  await expect(page.getByTestId('wording-remove-closing')).toHaveCount(1);
  await expect(page.getByTestId('wording-remove-part')).not.toHaveCount(0);
  await screenshot(page, 'editor-fr-document-en-interface');

  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await expect(page.getByTestId('insert').locator('option').first()).toHaveText('Insérer');
  await screenshot(page, 'editor-fr-document-fr-interface');
  await report.locator('[data-rk="participant"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'editor-fr-document-fr-interface-blocks');

  // The other language, in the same editor: the English text there is, the structure the same.
  await page.getByTestId('doc-lang-en').click();
  await expect(editor).toHaveAttribute('lang', 'en');
  await expect(editor).toContainText('The Working Group met three times.');
  await expect.poll(() => labels(part(page, 3))).toEqual(['I.', '1.', '(a)', '(i)', 'a.', 'i.', 'A.', '2.', '3.', '4.']);
  await expect(part(page, 0).locator('.rk-closing .rk-gen-text')).toHaveText('I should be grateful.');
  // Text mode (a translation): the wording can be edited, no block or part can be removed.
  await expect(page.getByTestId('wording-edit-closing')).toHaveCount(1);
  await expect(page.locator('[data-testid^="wording-remove"]')).toHaveCount(0);
  await expect(page.locator('.rk-editor-bar .badge')).toHaveText('Texte seul\u00a0: structure verrouillée');
  expect(await barRows(page)).toEqual({ rows: 1, cut: false });
  await screenshot(page, 'editor-en-document-fr-interface');
  await page.getByTestId('ui-lang-en').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await expect(page.locator('.rk-editor-bar .badge')).toHaveText('Text only: structure locked');
  expect(await barRows(page)).toEqual({ rows: 1, cut: false });
  await screenshot(page, 'editor-en-document-en-interface');
  // With the side panels open beside it, in both interface languages.
  await page.getByTestId('panels-show').click();
  await expect(page.getByTestId('side-panels')).toBeVisible();
  expect(await barRows(page)).toEqual({ rows: 1, cut: false });
  await screenshot(page, 'editor-en-document-en-interface-panels');
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  expect(await barRows(page)).toEqual({ rows: 1, cut: false });
  await screenshot(page, 'editor-en-document-fr-interface-panels');
  await page.getByTestId('ui-lang-en').click();

  // A new English document in the French interface, and a French one.
  await page.getByTestId('ui-lang-fr').click();
  await createDossier(page, 'concept-note', 'en');
  await expect(part(page, 1).locator('.rk-part-heading')).toContainText('Annex to the letter dated');
  await screenshot(page, 'editor-en-concept-note-fr-interface');
  await createDossier(page, 'presidential-statement', 'fr');
  await expect(part(page, 0).locator('.rk-generated-title')).toHaveText('Déclaration du Président du Conseil de sécurité');
  await expect(part(page, 0).locator('[data-quote-open]')).toHaveAttribute('data-quote-open', '«\u00a0');
  await screenshot(page, 'editor-fr-statement-fr-interface');
  expect(errors).toEqual([]);
});
