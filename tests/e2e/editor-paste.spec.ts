/**
 * Paste from Word: the clipboard fixture as Word writes it (mso- styles, MsoListParagraph,
 * <o:p>, typed numbers in mso-list:Ignore spans) pasted with Ctrl+V into the French report
 * becomes a chapter, a section, numbered paragraphs and subparagraphs a), b), i), ii) with
 * the report's own numbering, without the typed numbers in the words; Word's styling is gone.
 * Then text copied inside the editor carries its labels as plain text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, root, test } from './app-host';
import { block, caretAtEnd, createDossier, expectSaved, labels, part, screenshot, watchErrors } from './editor-helpers';

test('Word HTML with typed numbers becomes numbered paragraphs and subparagraphs; copy carries the labels', async ({ page, appHost, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'annual-report', 'fr');
  const report = part(page, 1);
  await caretAtEnd(page, block(report, 'Conclusion ou recommandation.'));
  await page.keyboard.press('Enter');

  const html = readFileSync(join(root, 'tests', 'fixtures', 'clipboard', 'word.html'), 'utf8');
  await page.evaluate(async (h) => {
    await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([h], { type: 'text/html' }), 'text/plain': new Blob(['(plain text)'], { type: 'text/plain' }) })]);
  }, html);
  await page.keyboard.press('Control+v');

  await expect(block(report, 'Réunions du Groupe de travail').last()).toBeVisible();
  const pasted = block(report, "Le Groupe de travail s'est réuni le 27 mai 2016");
  await expect(pasted).toHaveAttribute('data-rk', 'paragraph');
  // The report's own numbering: after paragraph 8 of chapter III, chapter IV, section A, paragraphs 9 to 11.
  expect((await labels(report)).slice(-11)).toEqual(['III.', '8.', 'IV.', 'A.', '9.', '10.', 'a)', 'b)', 'i)', 'ii)', '11.']);
  await expect(block(report, 'la formation des contingents')).toHaveAttribute('data-label', 'i)');
  await expect(pasted.locator('.rk-bold')).toHaveText('partenariats');
  await expect(pasted.locator('.rk-italic')).toHaveText('Union africaine');
  await expect(report).not.toContainText('12.');
  await expect(report).not.toContainText('[1]');
  await expect(report.locator('[style*="mso"], [class*="Mso"]')).toHaveCount(0);
  await expect(block(report, 'Le Président a conclu la réunion')).toHaveAttribute('data-label', '11.');

  // Copy: the plain text on the clipboard carries the labels.
  await block(report, 'la formation des contingents').click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+ArrowDown');
  // Shift+End until the selection holds the second line (a loaded machine may take the key before
  // the caret has settled on that line; once at its end the key changes nothing).
  await expect
    .poll(async () => {
      await page.keyboard.press('Shift+End');
      return page.evaluate(() => window.getSelection()?.toString() ?? '');
    })
    .toContain('le partage des informations');
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^i\) la formation des contingents ;\nii\) le partage des informations/);

  await expectSaved(page);
  await screenshot(page, 'editor-paste-word');
  expect(errors).toEqual([]);
});
