/**
 * Keys as drafters use them, in real Chromium: Backspace at a block's start merges it into the
 * previous one; Ctrl+Shift+<digit> gives a block its kind; Shift+Tab goes up a level; Ctrl+B
 * makes bold (a mark the model keeps), Ctrl+U does nothing (no underline in the model); Ctrl+Enter
 * puts a page break; the shortcuts are listed in the interface. The generated wording's controls
 * are reached with the keyboard (Ctrl+Alt+W), shown while focused, pressed with Enter (which
 * does not split the text the caret was in), and Escape goes back to the text.
 */
import { expect, test } from './app-host';
import { block, caretAtStart, createDossier, expectSaved, labels, part, settle, watchErrors } from './editor-helpers';

test('Backspace merges, Ctrl+Shift+digits set the kind, Shift+Tab, bold, page break, the shortcuts panel', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'debate-summary', 'en');
  const annex = part(page, 1);
  await expect.poll(() => labels(annex)).toEqual(['1.', '2.', '3.']);
  await annex.locator('[data-rk="paragraph"] .rk-placeholder').first().click();
  await page.keyboard.type('One.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Two.');

  await caretAtStart(page, block(annex, 'Two.'));
  await page.keyboard.press('Backspace');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-label', '1.');
  await expect.poll(() => labels(annex)).toEqual(['1.', '2.', '3.']);

  await page.keyboard.press('Control+Shift+Digit1');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-rk', 'heading');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-label', 'I.');
  await expect(page.getByTestId('block-type')).toHaveValue('heading-chapter');
  await page.keyboard.press('Control+Shift+Digit7');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-label', '(a)');
  await page.keyboard.press('Tab');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-label', '(i)');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-rk', 'paragraph');
  await expect(block(annex, 'One.Two.')).toHaveAttribute('data-label', '1.');

  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await settle(page);
  await page.keyboard.press('Control+b');
  await expect(block(annex, 'One.Two.').locator('.rk-bold')).toHaveText('wo.');
  await page.keyboard.press('Control+u');
  await expect(block(annex, 'One.Two.').locator('u, [style*="underline"]')).toHaveCount(0);

  await page.keyboard.press('End');
  await settle(page);
  await page.keyboard.press('Control+Enter');
  await expect(annex.locator('[data-rk="pageBreak"]')).toHaveCount(1);
  await expect(annex.locator('[data-rk="pageBreak"]')).toHaveText('Page break');

  await page.getByTestId('shortcuts-open').click();
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+Shift+1 chapter');
  // F6 / Shift+F6 (src/renderer/components/regions.ts) are listed with the other keys.
  await expect(page.getByTestId('shortcuts').locator('dt', { hasText: /^F6$/ })).toHaveCount(1);
  await expect(page.getByTestId('shortcuts').locator('dt', { hasText: /^Shift\+F6$/ })).toHaveCount(1);
  await expect(page.getByTestId('shortcuts')).toContainText('Next region of the window');
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('shortcuts')).toContainText('Ctrl+Maj+1 chapitre');
  await expect(page.getByTestId('shortcuts').locator('dt', { hasText: /^Maj\+F6$/ })).toHaveCount(1);
  await expect(page.getByTestId('shortcuts')).toContainText('Zone précédente de la fenêtre');
  await expect(annex.locator('[data-rk="pageBreak"]')).toHaveText('Saut de page');
  await page.getByTestId('shortcuts').getByRole('button').click();

  // Removing the annex: the letter's closing request no longer mentions it.
  const letter = part(page, 0);
  await expect(letter.locator('.rk-closing .rk-gen-text')).toContainText('the present letter and its annex circulated');
  await annex.getByTestId('wording-remove-part').click();
  await expect(page.getByTestId('editor').locator('section[data-rk="part"]')).toHaveCount(1);
  await expect(letter.locator('.rk-closing .rk-gen-text')).toHaveText('I should be grateful if you would have the present letter circulated as a document of the Security Council.');
  await expectSaved(page);
  expect(errors).toEqual([]);
});

test('the generated wording with the keyboard: Ctrl+Alt+W reaches its controls, Enter edits, Escape goes back', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'debate-summary', 'en');
  const annex = part(page, 1);
  await annex.locator('[data-rk="paragraph"] .rk-placeholder').first().click();
  await page.keyboard.type('One.');
  const controls = annex.getByTestId('wording-part');
  await expect(controls).toHaveCSS('opacity', '0');

  await page.keyboard.press('Control+Alt+KeyW');
  await expect(controls.getByTestId('wording-edit-heading')).toBeFocused();
  await expect(controls).toHaveCSS('opacity', '1');
  await page.keyboard.press('Enter');
  const input = controls.getByTestId('wording-input-heading');
  await expect(input).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Annex to the letter of the Permanent Representative');
  await page.keyboard.press('Tab');
  await expect(controls.getByTestId('wording-apply-heading')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(annex.locator('.rk-part-heading')).toHaveText('Annex to the letter of the Permanent Representative');
  // The Enters pressed on the controls split nothing.
  await expect(block(annex, 'One.')).toHaveAttribute('data-label', '1.');
  await expect.poll(() => labels(annex)).toEqual(['1.', '2.', '3.']);

  await page.keyboard.press('Control+Alt+KeyW');
  await expect(controls.getByTestId('wording-edit-heading')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('editor')).toBeFocused();
  await page.keyboard.type(' Back.');
  await expect(block(annex, 'One. Back.')).toHaveAttribute('data-label', '1.');
  await expectSaved(page);
  expect(errors).toEqual([]);
});
