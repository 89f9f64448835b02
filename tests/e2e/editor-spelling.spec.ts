/**
 * Spell checking in the editor with the app's own dictionaries (no Chromium spell checker, no
 * network): misspelt words marked in the editor's language, suggestions on a right click that
 * replace the word, "Add to Dictionary" kept after a reload. French and English.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { createDossier, expectSaved, part, screenshot, watchErrors } from './editor-helpers';

/** The words the page marks as misspelt now. */
function marked(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((CSS.highlights.get('rk-misspelt') as Highlight | undefined) ?? [])].map((r) => r.toString()));
}

/** Right-clicks the middle of the marked word `word`. */
async function rightClickMarked(page: Page, word: string): Promise<void> {
  const box = await page.evaluate((w) => {
    const r = [...((CSS.highlights.get('rk-misspelt') as Highlight | undefined) ?? [])].find((x) => x.toString() === w) as Range | undefined;
    const rect = r?.getBoundingClientRect();
    return rect && { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, word);
  expect(box, `"${word}" is marked`).toBeTruthy();
  await page.mouse.click(box!.x, box!.y, { button: 'right' });
}

test('English: a misspelt word is marked, and a suggestion replaces it', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'en');
  const letter = part(page, 0);
  await letter.locator('.rk-placeholder').first().click();
  await page.keyboard.type('We recieve the report of the Secretary-General on MINUSMA. ');
  await expect.poll(() => marked(page), { timeout: 30_000 }).toEqual(['recieve']);
  await rightClickMarked(page, 'recieve');
  const menu = page.getByTestId('spell-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByTestId('spell-suggestion').first()).toHaveText('receive');
  await screenshot(page, 'spelling-menu-en');
  await menu.getByTestId('spell-suggestion').first().click();
  await expect(letter).toContainText('We receive the report of the Secretary-General');
  await expect.poll(() => marked(page)).toEqual([]);
  await expectSaved(page);
  expect(errors).toEqual([]);
});

test('French: the French dictionary; Add to Dictionary is kept after a reload', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'fr');
  const letter = part(page, 0);
  await letter.locator('.rk-placeholder').first().click();
  // « aujourd’hui » and « l’Organisation » are French; "rapprot" and "Zorblatt" are not in the dictionary.
  await page.keyboard.type('Aujourd’hui, l’Organisation examine le rapprot de Zorblatt. ');
  await expect.poll(() => marked(page), { timeout: 30_000 }).toEqual(['rapprot', 'Zorblatt']);
  await rightClickMarked(page, 'Zorblatt');
  const menu = page.getByTestId('spell-menu');
  await expect(menu.getByTestId('spell-add')).toHaveText('Add to Dictionary');
  await menu.getByTestId('spell-add').click();
  await expect.poll(() => marked(page)).toEqual(['rapprot']);
  await expectSaved(page);
  await page.reload();
  await expect(part(page, 0)).toContainText('rapprot de Zorblatt');
  await expect.poll(() => marked(page), { timeout: 30_000 }).toEqual(['rapprot']);
  // A right click elsewhere is left to the host (no spelling menu).
  await part(page, 0).getByText('Aujourd’hui').click({ button: 'right' });
  await expect(page.getByTestId('spell-menu')).toHaveCount(0);
});
