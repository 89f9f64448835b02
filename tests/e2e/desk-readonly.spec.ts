/**
 * A dossier that may only be read offers no translation work: a finalised report (as a team
 * reader's, see team-roles.spec.ts) offers no "Create the English version", and at the desk its
 * translation, "Still correct" and the memory's inserts are shut; a new draft offers them again.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { screenshot, watchErrors } from './editor-helpers';
import { importDocument, row, translatedReport } from './desk-helpers';
import { makeDocument } from '../integration/store/docs';

async function finalise(page: Page): Promise<void> {
  await page.getByTestId('finalise-open').click();
  await page.getByTestId('finalise-dialog').getByTestId('finalise-dialog-confirm').click();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-mode', 'read');
}

test('a finalised French report offers no English version to create; its new draft does', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  const id = importDocument(appHost.dataDir, makeDocument({ paragraphs: 5, languages: ['fr'] }));
  await page.goto(`${appHost.url}#dossier=${id}`);
  await expect(page.getByTestId('add-version')).toHaveText('Create the English version');
  await finalise(page);
  await expect(page.getByTestId('finalised-banner')).toBeVisible();
  await expect(page.getByTestId('add-version')).toHaveCount(0);
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('finalised-banner')).toContainText('Finalisé');
  await expect(page.getByTestId('add-version')).toHaveCount(0);
  await screenshot(page, 'desk-readonly-finalised-fr');
  await page.getByTestId('new-draft').click();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-mode', 'edit');
  await expect(page.getByTestId('add-version')).toHaveText('Créer la version anglaise');
  expect(errors).toEqual([]);
});

test('a finalised report at the desk: the translation is read-only, nothing is marked or inserted', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  const id = importDocument(appHost.dataDir, translatedReport(12, 6));
  await page.goto(`${appHost.url}#dossier=${id}`);
  await finalise(page);
  await page.getByTestId('view-desk').click();
  const progress = page.getByTestId('desk-progress');
  await expect(progress).toHaveAttribute('data-rows', '14');
  const translated = await progress.getAttribute('data-translated');
  const target = page.getByTestId('desk-target');
  await expect(target.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
  await expect(page.locator('.rk-desk-editor-bar .badge', { hasText: 'Read-only' })).toBeVisible();
  // The current row is an outdated one (the first to see): "Still correct" is shut, its key does nothing.
  const current = target.locator('[data-tr-current]');
  await expect(current).toHaveAttribute('data-tr-status', 'outdated');
  const currentId = (await current.getAttribute('data-block-id'))!;
  await expect(page.getByTestId('desk-confirm')).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'target', currentId)).toHaveAttribute('data-tr-status', 'outdated');
  await expect(progress).toHaveAttribute('data-translated', translated!);
  // The glossary is shown, not edited.
  await page.getByTestId('desk-glossary').click();
  await expect(page.getByTestId('glossary')).toBeVisible();
  await expect(page.getByTestId('glossary-add')).toHaveCount(0);
  await screenshot(page, 'desk-readonly-finalised-desk-en');
  expect(errors).toEqual([]);
});
