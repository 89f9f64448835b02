/**
 * The translator's desk in Chromium, against the browser host and a real library: open the
 * French annual report (seed 000), create the English version, translate two paragraphs, edit the
 * French of one of them (it turns outdated) and add a paragraph in the French (an untranslated
 * row at once), jump to the next row to translate, switch the interface language meanwhile,
 * reload: every state is kept; "still correct" clears the outdated mark, and stays cleared.
 * An outdated row shows the source's words that changed; an empty row to translate says so
 * quietly, in the interface language, with no word put in the document.
 */
import { expect, test } from './app-host';
import { expectSaved, screenshot, settle, watchErrors } from './editor-helpers';
import { caretAtBlockEnd, changesOf, importSeed000, misalignedOnScreen, paragraphId, placeholderOf, row, side, statusOf, typeInRow } from './desk-helpers';

test('create the English version of the French report, translate, see a change in the French, reload: every state kept', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const id = importSeed000(appHost.dataDir);
  await page.goto(`${appHost.url}#dossier=${id}`);
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-id', id);
  // One version: no desk yet, only the way to make the other version.
  await expect(page.getByTestId('view-desk')).toHaveCount(0);
  await page.getByTestId('add-version').click();
  await expect(page.getByTestId('new-version-empty')).toBeChecked();
  await page.getByTestId('new-version-create').click();

  const desk = page.getByTestId('desk');
  await expect(desk).toHaveAttribute('data-source', 'fr');
  await expect(desk).toHaveAttribute('data-target', 'en');
  await expect(page).toHaveURL(new RegExp(`#dossier=${id}&view=desk`));
  const progress = page.getByTestId('desk-progress');
  const rows = Number(await progress.getAttribute('data-rows'));
  expect(rows).toBeGreaterThan(110);
  await expect(progress).toHaveAttribute('data-translated', '0');
  // The same labels on both sides, in each language's form; the generated wording in English at once.
  const p1 = await paragraphId(page, '1.');
  const p2 = await paragraphId(page, '2.');
  await expect(row(page, 'target', p1)).toHaveAttribute('data-label', '1.');
  // The source shows the rows near the view (copies of its editor's): beside the first (a), its a).
  const sub = side(page, 'target').locator('[data-rk="subparagraph"][data-label="(a)"]').first();
  await sub.scrollIntoViewIfNeeded();
  await expect(sub).toBeVisible();
  const subId = (await sub.getAttribute('data-block-id'))!;
  await expect(row(page, 'source', subId)).toHaveAttribute('data-label', 'a)');
  await expect(row(page, 'source', subId)).toBeVisible();
  expect(await misalignedOnScreen(page)).toEqual([]);
  await page.getByTestId('desk-scroller').evaluate((el) => (el.scrollTop = 0));
  await expect(side(page, 'target').locator('.rk-closing .rk-gen-text')).toContainText('I should be grateful');
  expect(await statusOf(page, p1)).toBe('untranslated');
  // An empty row to translate: a placeholder in the interface language, none of the document's words.
  expect(await placeholderOf(page, p1)).toBe('"To be translated"');
  await expect(row(page, 'target', p1)).toHaveText('');

  // Translate paragraphs 1 and 2 (a click in the source goes to the same row of the translation).
  await row(page, 'source', p1).click();
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-current', 'true');
  await expect(page.getByTestId('desk-assist-row')).toHaveText('Row 1.');
  await page.keyboard.type('The Working Group held its first meeting of the year.');
  await typeInRow(page, p2, 'The Working Group then met again.');
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-status', 'translated');
  await expect(row(page, 'target', p2)).toHaveAttribute('data-tr-status', 'translated');
  await expect(progress).toHaveAttribute('data-translated', '2');
  expect(await placeholderOf(page, p1)).toBe('none');
  await expect(changesOf(page, p1)).toHaveCount(0);
  expect(await misalignedOnScreen(page)).toEqual([]);
  await expectSaved(page);
  await screenshot(page, 'desk-seed000-en-interface');

  // The interface in French, meanwhile: the desk speaks French, the rows are unchanged.
  await page.getByTestId('ui-lang-fr').click();
  await expect(progress).toContainText(`Lignes traduites\u00a0: 2 sur ${rows}`);
  await expect(page.getByTestId('desk-next')).toContainText('Suivante à traduire');

  // In the editor, the French: a word added to paragraph 1, and a new paragraph after paragraph 2.
  await page.getByTestId('view-editor').click();
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveAttribute('lang', 'fr');
  await caretAtBlockEnd(page, editor.locator(`[data-block-id="${p1}"]`));
  await page.keyboard.type(' Ajout.');
  await caretAtBlockEnd(page, editor.locator(`[data-block-id="${p2}"]`));
  await page.keyboard.press('Enter');
  await page.keyboard.type('Un paragraphe nouveau.');
  const added = (await editor.locator('[data-rk="paragraph"]', { hasText: 'Un paragraphe nouveau.' }).getAttribute('data-block-id'))!;
  await expect(editor.locator(`[data-block-id="${added}"]`)).toHaveAttribute('data-label', '3.');
  await expectSaved(page);

  // Back at the desk: paragraph 1 outdated, 2 still translated, the new one untranslated, numbered alike.
  await page.getByTestId('view-desk').click();
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-status', 'outdated');
  await expect(row(page, 'target', p2)).toHaveAttribute('data-tr-status', 'translated');
  await expect(row(page, 'target', added)).toHaveAttribute('data-tr-status', 'untranslated');
  await expect(row(page, 'target', added)).toHaveAttribute('data-label', '3.');
  await expect(row(page, 'source', added)).toHaveAttribute('data-label', '3.');
  await expect(progress).toHaveAttribute('data-rows', String(rows + 1));
  await expect(progress).toHaveAttribute('data-translated', '1');
  await expect(progress).toHaveAttribute('data-outdated', '1');
  // The outdated row shows what changed in the French, in the interface's language; the others nothing.
  await expect(changesOf(page, p1)).toContainText('Modifié dans la source depuis la traduction\u00a0:');
  await expect(changesOf(page, p1).locator('ins', { hasText: 'Ajout' })).toHaveCount(1);
  await expect(changesOf(page, p1).locator('del')).toHaveCount(0);
  await expect(changesOf(page, p2)).toHaveCount(0);
  expect(await placeholderOf(page, added)).toBe('"À traduire"');
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-seed000-outdated-changes');

  // From paragraph 2, the next row to translate is the new paragraph.
  await row(page, 'source', p2).click();
  await expect(row(page, 'target', p2)).toHaveAttribute('data-tr-current', 'true');
  await page.keyboard.press('F8');
  await expect(row(page, 'target', added)).toHaveAttribute('data-tr-current', 'true');
  await expect(page.getByTestId('desk-assist-row')).toHaveText('Ligne 3.');
  await expect(page).toHaveURL(new RegExp(`&row=${added}$`));
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-seed000-fr-interface');

  // Reload: the desk, the interface language, the row, every status and the words typed.
  await page.reload();
  await expect(page.getByTestId('desk')).toBeVisible();
  await expect(page.getByTestId('desk-next')).toContainText('Suivante à traduire');
  await expect(row(page, 'target', added)).toHaveAttribute('data-tr-current', 'true');
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-status', 'outdated');
  await expect(row(page, 'target', p2)).toHaveAttribute('data-tr-status', 'translated');
  await expect(row(page, 'target', added)).toHaveAttribute('data-tr-status', 'untranslated');
  await expect(row(page, 'target', p2)).toHaveText('The Working Group then met again.');
  await expect(progress).toHaveAttribute('data-translated', '1');
  await expect(changesOf(page, p1).locator('ins', { hasText: 'Ajout' })).toHaveCount(1);
  // The note and the placeholder follow the interface language.
  await page.getByTestId('ui-lang-en').click();
  await expect(changesOf(page, p1)).toContainText('Changed in the source since the translation:');
  await expect(changesOf(page, p1).locator('ins', { hasText: 'Ajout' })).toHaveCount(1);
  expect(await placeholderOf(page, added)).toBe('"To be translated"');
  expect(await misalignedOnScreen(page)).toEqual([]);
  await page.getByTestId('ui-lang-fr').click();
  await expect(changesOf(page, p1)).toContainText('Modifié dans la source depuis la traduction\u00a0:');

  // "Still correct" clears the outdated mark (and goes on to the next row); it is saved.
  await row(page, 'source', p1).click();
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-current', 'true');
  await page.keyboard.press('Control+Enter');
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-status', 'translated');
  await expect(progress).toHaveAttribute('data-outdated', '0');
  await expect(changesOf(page, p1)).toHaveCount(0);
  expect(await misalignedOnScreen(page)).toEqual([]);
  await settle(page);
  await expectSaved(page);
  await page.reload();
  await expect(row(page, 'target', p1)).toHaveAttribute('data-tr-status', 'translated');
  await expect(page.getByTestId('desk-progress')).toHaveAttribute('data-translated', '2');
  expect(errors).toEqual([]);
});
