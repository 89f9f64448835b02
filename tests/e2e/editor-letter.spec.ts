/**
 * The English letter with an annex, written in the editor with real keystrokes: its labels are
 * the English ones, (a) and (i); the annex heading and the closing request are generated from
 * the metadata and follow the structure («… and its annex»); the same steps as the French
 * report (renumbering, subparagraphs with Tab, a 3 × 3 table, a cross-reference that follows
 * its target, a footnote, undo / redo, find and replace), then a reload and the CLI.
 */
import { expect, test } from './app-host';
import { block, caretAtEnd, caretAtStart, cli, createDossier, expectSaved, labels, part, screenshot, settle, watchErrors } from './editor-helpers';

test('English letter with an annex: (a) and (i), generated heading and closing, table, cross-reference, footnote, undo, replace, reload', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const id = await createDossier(page, 'letter', 'en');
  const letter = part(page, 0);
  await expect(letter.locator('.rk-closing .rk-gen-text')).toHaveText('I should be grateful if you would have the present letter circulated as a document of the Security Council.');

  await letter.locator('.rk-placeholder').first().click();
  await page.keyboard.type('I have the honour to transmit herewith the attached note on the debate.');

  // The annex: its heading is generated, and the closing request now mentions it.
  await page.getByTestId('insert').selectOption('annex');
  await page.keyboard.type('Note on the open debate');
  await page.keyboard.press('Enter');
  const annex = part(page, 1);
  await expect(annex).toHaveAttribute('data-part-kind', 'annex');
  await expect(annex.locator('.rk-part-heading')).toHaveText(/^Annex to the letter dated … from the Permanent Representative of … to the United Nations addressed to the President of the Security Council$/);
  await expect(letter.locator('.rk-closing .rk-gen-text')).toHaveText('I should be grateful if you would have the present letter and its annex circulated as a document of the Security Council.');

  await page.keyboard.type('First point of the debate.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Second point of the debate.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('The speakers raised the following issues:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('the role of regional organizations, in particular:');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('training;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('information sharing;');
  await page.keyboard.press('Enter');
  // Enter on an empty subparagraph goes one level up: (ii) → (b).
  await page.keyboard.press('Enter');
  await page.keyboard.type('the financing of peace operations.');
  await expect.poll(() => labels(annex)).toEqual(['1.', '2.', '3.', '(a)', '(i)', '(ii)', '(b)']);
  await expect(block(annex, 'the financing of peace operations.')).toHaveAttribute('data-label', '(b)');

  // Insert one above the first: every label shifts.
  await caretAtStart(page, block(annex, 'First point of the debate.'));
  await page.keyboard.press('Enter');
  await settle(page);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  await page.keyboard.type('Introductory paragraph.');
  await expect.poll(() => labels(annex)).toEqual(['1.', '2.', '3.', '4.', '(a)', '(i)', '(ii)', '(b)']);

  // A 3 × 3 table after the last subparagraph, a row added.
  await caretAtEnd(page, block(annex, 'the financing of peace operations.'));
  await page.getByTestId('insert').selectOption('table');
  const table = annex.locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await page.keyboard.type('Speaker');
  await page.getByTestId('table-menu').selectOption('rowBelow');
  await expect(table.locator('tr')).toHaveCount(4);
  for (const row of await table.locator('tr').all()) await expect(row.locator('td, th')).toHaveCount(3);

  // A cross-reference to paragraph 3, which becomes paragraph 4.
  await caretAtEnd(page, block(annex, 'Second point of the debate.'));
  await page.keyboard.type(' See ');
  await page.keyboard.press('Control+Shift+KeyK');
  await page.getByTestId('xref-search').fill('speakers raised');
  await page.getByTestId('xref-search').press('Enter');
  const xref = annex.locator('[data-rk="xref"]');
  await expect(xref).toHaveText('paragraph 4');
  await caretAtStart(page, block(annex, 'The speakers raised'));
  await page.keyboard.press('Enter');
  await settle(page);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  await page.keyboard.type('Inserted paragraph.');
  await expect(xref).toHaveText('paragraph 5');

  // A footnote in the letter's text; undo, redo.
  await caretAtEnd(page, block(letter, 'attached note on the debate.'));
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  await page.keyboard.press('Control+Alt+KeyF');
  await page.keyboard.type('Held on 8 October 2019.');
  const note = letter.locator('[data-rk="footnote"]');
  await expect(note).toHaveText('Held on 8 October 2019.');
  await expect(letter.locator('[data-rk="footnoteRef"]')).toHaveAttribute('data-label', '1');
  // Inserted before the full stop, shown after it, as the exports place it in English.
  expect(await letter.locator('[data-rk="footnoteRef"]').evaluate((el) => [el.previousSibling?.textContent?.slice(-7), el.nextSibling?.textContent ?? ''])).toEqual(['debate.', '']);
  for (let i = 0; i < 10 && (await note.count()) > 0; i++) await page.keyboard.press('Control+z');
  await expect(note).toHaveCount(0);
  for (let i = 0; i < 10 && (await note.allTextContents()).join('') !== 'Held on 8 October 2019.'; i++) await page.keyboard.press('Control+Shift+z');
  await expect(note).toHaveText('Held on 8 October 2019.');

  // Find and replace.
  await page.getByTestId('find-open').click();
  await page.getByTestId('find-input').fill('POINT OF THE DEBATE');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '2');
  await page.getByTestId('find-case').check();
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '0');
  await page.getByTestId('find-case').uncheck();
  await page.getByTestId('replace-input').fill('item on the agenda');
  await page.getByTestId('replace-all').click();
  await expect(page.getByTestId('replaced-count')).toHaveText('2 replaced');
  await expect(block(annex, 'First item on the agenda.')).toHaveAttribute('data-label', '2.');
  await page.getByTestId('find-close').click();

  await expectSaved(page);
  await screenshot(page, 'editor-letter-en');
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await screenshot(page, 'editor-letter-en-fr-interface');
  await page.getByTestId('ui-lang-en').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const before = await labels(page.getByTestId('editor'));
  await page.reload();
  await expect(page.getByTestId('editor')).toContainText('Second item on the agenda.');
  await expect.poll(() => labels(page.getByTestId('editor'))).toEqual(before);
  await expect(part(page, 1).locator('[data-rk="xref"]')).toHaveText('paragraph 5');
  await expect(part(page, 0).locator('[data-rk="footnote"]')).toHaveText('Held on 8 October 2019.');

  const shown = cli(appHost.dataDir, 'show', id);
  expect(shown.stderr).toBe('');
  expect(shown.stdout).toContain('[Annex]\tNote on the open debate');
  expect(shown.stdout).toContain('3.\tSecond item on the agenda. See paragraph 5');
  expect(shown.stdout).toMatch(/ {2}\(a\)\tthe role of regional organizations/);
  expect(shown.stdout).toMatch(/ {4}\(i\)\ttraining;/);
  expect(errors).toEqual([]);
});
