/**
 * The desk at length: a 5,000-paragraph report (half translated, some rows outdated) whose two
 * sides stay aligned row by row wherever it is scrolled to, in one scroller. No trace here: a
 * trace snapshots the whole page at every step, and with 10,000 blocks on it that alone takes
 * minutes.
 */
import { expect, test } from './app-host';
import { watchErrors } from './editor-helpers';
import { importDocument, misalignedOnScreen, translatedReport } from './desk-helpers';

test.use({ trace: 'off' });

test('5,000 paragraphs: the two sides stay aligned, row by row, wherever the desk is scrolled', async ({ page, appHost }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const id = importDocument(appHost.dataDir, translatedReport(5000, 2500));
  await page.goto(`${appHost.url}#dossier=${id}&view=desk`);
  await expect(page.getByTestId('desk-progress')).toHaveAttribute('data-rows', '5002', { timeout: 60_000 });
  // Both editors built, the rows marked, the first row to translate current.
  await expect(page.getByTestId('desk-target').locator('[data-tr-current="true"]')).toHaveAttribute('data-tr-status', 'outdated', { timeout: 120_000 });
  const scroller = page.getByTestId('desk-scroller');
  for (const at of [0, 0.25, 0.5, 0.5001, 0.75, 1]) {
    await scroller.evaluate((el, f) => (el.scrollTop = f * (el.scrollHeight - el.clientHeight)), at);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await misalignedOnScreen(page), `scrolled to ${at * 100} %`).toEqual([]);
  }
  // The source is no second full page: only the rows near the view are on it (copies of its editor's).
  const onSource = await page.getByTestId('desk-source').locator('[data-block-id]').count();
  expect(onSource).toBeGreaterThan(0);
  expect(onSource).toBeLessThan(200);
  // Both sides are in the one scroller: their pages start at the same height.
  const tops = await page.evaluate(() => ['source', 'target'].map((s) => document.querySelector(`[data-testid="desk-${s}"] .rk-page`)!.getBoundingClientRect().top));
  expect(tops[0]).toBe(tops[1]);
  expect(errors).toEqual([]);
});
