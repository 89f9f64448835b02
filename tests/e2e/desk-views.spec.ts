/**
 * The desk with a 100-paragraph report (half translated, some rows outdated) in both interface
 * languages, with screenshots to look at (5,000 paragraphs: desk-length.spec.ts).
 */
import { expect, test } from './app-host';
import { screenshot, watchErrors } from './editor-helpers';
import { importDocument, misalignedOnScreen, row, translatedReport } from './desk-helpers';

test('a 100-paragraph report at the desk, in both interface languages', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const id = importDocument(appHost.dataDir, translatedReport(100, 50));
  await page.goto(`${appHost.url}#dossier=${id}&view=desk`);
  const progress = page.getByTestId('desk-progress');
  await expect(progress).toHaveAttribute('data-rows', '102');
  await expect(progress).toHaveAttribute('data-outdated', '7');
  await expect(progress).toHaveAttribute('data-translated', '43');
  // At open, the first row to translate (the first outdated one) is the current row.
  const outdated = page.getByTestId('desk-target').locator('[data-tr-status="outdated"]').first();
  await expect(outdated).toHaveAttribute('data-tr-current', 'true');
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-100-en-interface');
  await page.keyboard.press('F8');
  await page.keyboard.press('F8');
  await expect(page.getByTestId('desk-target').locator('[data-tr-current]')).toHaveAttribute('data-tr-status', 'outdated');
  await page.getByTestId('ui-lang-fr').click();
  await expect(progress).toContainText('Lignes traduites\u00a0: 43 sur 102');
  // The bar stays one line in French at 1280 px with the library open (its items share one line: each starts above the others' ends).
  const lines = await page.locator('.rk-desk-bar').evaluate((bar) => {
    const boxes = [...bar.children].map((c) => c.getBoundingClientRect());
    return { lastTop: Math.max(...boxes.map((b) => b.top)), firstBottom: Math.min(...boxes.map((b) => b.bottom)), items: boxes.length };
  });
  expect(lines.items).toBe(5);
  expect(lines.lastTop).toBeLessThan(lines.firstBottom);
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-100-fr-interface');
  // Where the translation stops: untranslated rows beside their source.
  const firstUntranslated = row(page, 'target', (await page.getByTestId('desk-target').locator('[data-tr-status="untranslated"]').first().getAttribute('data-block-id'))!);
  // Twice: blocks laid out on the way in (content-visibility) move the target after the first scroll.
  for (let i = 0; i < 2; i++) {
    await firstUntranslated.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await expect(firstUntranslated).toBeInViewport();
  expect(await misalignedOnScreen(page)).toEqual([]);
  await screenshot(page, 'desk-100-fr-interface-untranslated');
  // Words dragged over in the source are selected, to copy: the desk does not jump to their row.
  const rowId = (await firstUntranslated.getAttribute('data-block-id'))!;
  await row(page, 'source', rowId).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = (await row(page, 'source', rowId).boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 240, box.y + 8, { steps: 5 });
  await page.mouse.up();
  expect(await page.evaluate(() => String(getSelection()).length)).toBeGreaterThan(5);
  expect(await page.evaluate(() => document.querySelector('[data-testid="desk-source"]')!.contains(getSelection()!.anchorNode))).toBe(true);
  await expect(firstUntranslated).not.toHaveAttribute('data-tr-current', 'true');
  // A plain click there goes to the row.
  await row(page, 'source', rowId).click();
  await expect(firstUntranslated).toHaveAttribute('data-tr-current', 'true');
  expect(errors).toEqual([]);
});
