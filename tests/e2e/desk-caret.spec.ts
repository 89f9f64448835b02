/**
 * The translator's caret at the desk: the arrow keys stop in every empty row to translate (its
 * placeholder is no obstacle), the aids name the row the caret is on — its label as the
 * translation prints it, a subparagraph's with its paragraph's number — and follow the caret
 * (keys, scrolling away, leaving the rows); a click in a row's empty room puts the caret in that
 * row; the desk's columns are ragged, the editor's justified.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { screenshot, settle, watchErrors } from './editor-helpers';
import { importDocument, importSeed000, misalignedOnScreen, placeholderOf, row, side, translatedReport } from './desk-helpers';

/** The label of the row the translation's caret is in (the DOM's selection), or null outside the rows. */
const caretLabel = (page: Page) =>
  page.evaluate(() => {
    const n = getSelection()?.anchorNode;
    const el = n instanceof Element ? n : n?.parentElement;
    return el?.closest('[data-testid="desk-target"] [data-block-id]')?.getAttribute('data-label') ?? null;
  });

async function press(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key);
  await settle(page);
}

test('the arrow keys go row by row through empty rows; the aids name the caret’s row and follow it', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const id = importDocument(appHost.dataDir, translatedReport(100, 50));
  await page.goto(`${appHost.url}#dossier=${id}&view=desk`);
  await expect(page.getByTestId('desk-progress')).toHaveAttribute('data-rows', '102');
  const assistRow = page.getByTestId('desk-assist-row');
  const target = side(page, 'target');
  // Paragraph 49 is the first untranslated one: it and the next ones are empty, with their placeholder.
  const p49 = target.locator('[data-rk="paragraph"][data-label="49."]');
  await p49.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settle(page);
  await expect(p49).toHaveAttribute('data-tr-status', 'untranslated');
  const p49Id = (await p49.getAttribute('data-block-id'))!;
  expect(await placeholderOf(page, p49Id)).toBe('"To be translated"');
  await p49.click();
  await settle(page);
  await expect(p49).toHaveAttribute('data-tr-current', 'true');
  await expect(assistRow).toHaveText('Row 49.');
  // Down, down, up, up, up: 50, 51, 50, 49, 48 (the last translated one); the aids say so at each.
  for (const [key, label] of [['ArrowDown', '50.'], ['ArrowDown', '51.'], ['ArrowUp', '50.'], ['ArrowUp', '49.'], ['ArrowUp', '48.']] as const) {
    await press(page, key);
    expect(await caretLabel(page), `${key} to ${label}`).toBe(label);
    await expect(target.locator('[data-tr-current]')).toHaveAttribute('data-label', label);
    await expect(assistRow).toHaveText(`Row ${label}`);
  }
  await press(page, 'ArrowDown');
  await expect(assistRow).toHaveText('Row 49.');
  // Typed in an empty row: the words start on the label's line, the placeholder goes.
  await page.keyboard.type('Paragraph 49 translated.');
  await expect(p49).toHaveText('Paragraph 49 translated.');
  expect(await placeholderOf(page, p49Id)).toBe('none');
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-caret-en');

  // Scrolled away (the wheel, not the caret): the aids still name the caret's row, and bring it back.
  await page.getByTestId('desk-scroller').evaluate((el) => (el.scrollTop = 0));
  await settle(page);
  await expect(p49).not.toBeInViewport();
  await expect(assistRow).toHaveText('Row 49.');
  await page.getByTestId('ui-lang-fr').click();
  await expect(assistRow).toHaveText('Ligne 49.');
  await expect(assistRow).toHaveAttribute('title', 'Revenir à cette ligne');
  await assistRow.click();
  await expect(p49).toBeInViewport();
  await expect(p49).toHaveAttribute('data-tr-current', 'true');
  await page.keyboard.type(' Suite.');
  await expect(p49).toHaveText('Paragraph 49 translated. Suite.');
  await screenshot(page, 'desk-caret-fr');

  // On row 61 (from its source), a click low in row 60's empty box (as tall as its source) puts
  // the caret in row 60, not in the next row's words.
  const p60 = target.locator('[data-rk="paragraph"][data-label="60."]');
  const p61 = target.locator('[data-rk="paragraph"][data-label="61."]');
  for (let i = 0; i < 2; i++) {
    // Twice: blocks laid out on the way in (content-visibility) move the rows after the first scroll.
    await p60.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settle(page);
  }
  await row(page, 'source', (await p61.getAttribute('data-block-id'))!).click();
  await expect(p61).toHaveAttribute('data-tr-current', 'true');
  await settle(page);
  await expect(p60).toHaveText('');
  const box = (await p60.boundingBox())!;
  expect(box.height).toBeGreaterThan(60);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.65);
  await settle(page);
  expect(await caretLabel(page)).toBe('60.');
  await expect(p60).toHaveAttribute('data-tr-current', 'true');
  await expect(assistRow).toHaveText('Ligne 60.');
  await page.keyboard.type('Paragraph 60.');
  await expect(p60).toHaveText('Paragraph 60.');
  await expect(p61).toHaveText('');

  // The caret out of every row (Ctrl+Home: the top of the translation, before its title): no row is named.
  await press(page, 'Control+Home');
  expect(await caretLabel(page)).toBeNull();
  await expect(target.locator('[data-tr-current]')).toHaveCount(0);
  await expect(assistRow).toHaveCount(0);
  await expect(page.getByTestId('desk-assist')).toContainText('Placez le curseur dans une ligne de la traduction');
  // A click in the source names its row again.
  const p2 = target.locator('[data-rk="paragraph"][data-label="2."]');
  await row(page, 'source', (await p2.getAttribute('data-block-id'))!).click();
  await expect(p2).toHaveAttribute('data-tr-current', 'true');
  await expect(assistRow).toHaveText('Ligne 2.');
  expect(errors).toEqual([]);
});

test('the aids name a subparagraph as the translation prints it, with its paragraph, and an unnumbered row so; the desk is ragged, the editor justified', async ({ page, appHost }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const id = importSeed000(appHost.dataDir);
  await page.goto(`${appHost.url}#dossier=${id}`);
  await page.getByTestId('add-version').click();
  await page.getByTestId('new-version-create').click();
  await expect(page.getByTestId('desk')).toHaveAttribute('data-target', 'en');
  const target = side(page, 'target');
  const sub = target.locator('[data-rk="subparagraph"][data-label="(a)"]').first();
  await sub.scrollIntoViewIfNeeded();
  const subId = (await sub.getAttribute('data-block-id'))!;
  // Its paragraph: the numbered paragraph before it on the page.
  const paragraph = await sub.evaluate((el) => {
    let n = el.previousElementSibling;
    while (n && n.getAttribute('data-rk') !== 'paragraph') n = n.previousElementSibling;
    return n?.getAttribute('data-label') ?? null;
  });
  expect(paragraph).toMatch(/^\d+\.$/);
  await expect(row(page, 'source', subId)).toHaveAttribute('data-label', 'a)');
  await row(page, 'source', subId).click();
  await expect(sub).toHaveAttribute('data-tr-current', 'true');
  await expect(page.getByTestId('desk-assist-row')).toHaveText(`Row ${paragraph!.slice(0, -1)} (a)`);
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('desk-assist-row')).toHaveText(`Ligne ${paragraph!.slice(0, -1)} (a)`);

  // Ragged at the desk, on both sides; justified in the editor.
  const align = (el: Element) => getComputedStyle(el).textAlign;
  expect(await row(page, 'source', subId).evaluate(align)).toBe('start');
  expect(await target.locator('p[data-rk="paragraph"]').first().evaluate(align)).toBe('start');

  // A row without a number (a paragraph of the cover letter) is named so, not with a dash.
  const unnumbered = target.locator('[data-block-id][data-tr-status]:not([data-label])').first();
  await unnumbered.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settle(page);
  await expect(unnumbered).toHaveAttribute('data-rk', 'paragraph');
  await row(page, 'source', (await unnumbered.getAttribute('data-block-id'))!).click();
  await expect(unnumbered).toHaveAttribute('data-tr-current', 'true');
  await expect(page.getByTestId('desk-assist-row')).toHaveText('Ligne sans numéro');
  await page.getByTestId('ui-lang-en').click();
  await expect(page.getByTestId('desk-assist-row')).toHaveText('Unnumbered row');

  await page.getByTestId('view-editor').click();
  await expect(page.getByTestId('editor').locator('p[data-rk="paragraph"]').first()).toBeVisible();
  expect(await page.getByTestId('editor').locator('p[data-rk="paragraph"]').first().evaluate(align)).toBe('justify');
  expect(errors).toEqual([]);
});
