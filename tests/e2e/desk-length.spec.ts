/**
 * The desk at length: a 5,000-paragraph report (half translated, some rows outdated) whose two
 * sides stay aligned row by row wherever it is scrolled to, in one scroller. No trace here: a
 * trace snapshots the whole page at every step, and with 10,000 blocks on it that alone takes
 * minutes.
 */
import type { RDocument } from '../../src/core/model/schema';
import { confirmTranslation } from '../../src/core/translation/versions';
import { translationRows } from '../../src/core/translation/status';
import { makeDocument } from '../integration/store/docs';
import { expect, test } from './app-host';
import { watchErrors } from './editor-helpers';
import { importDocument, misalignedOnScreen } from './desk-helpers';

/** A report in French with its English translation: the first `translated` rows confirmed, every seventh of them since changed in French. */
function translatedReport(paragraphs: number, translated: number): RDocument {
  const doc = makeDocument({ paragraphs, words: 45, languages: ['fr', 'en'], seed: 3 });
  const ids = translationRows(doc, 'fr', 'en').map((r) => r.id);
  const en = Object.fromEntries(Object.entries(doc.text.en!).filter(([id]) => ids.indexOf(id) < translated));
  let out: RDocument = confirmTranslation({ ...doc, text: { fr: doc.text.fr, en }, translation: { source: 'fr', glossary: [] } }, ids.slice(0, translated), 'fr', 'en');
  const fr = { ...out.text.fr };
  ids.slice(0, translated).forEach((id, i) => {
    if (i % 7 === 5) fr[id] = { content: [...fr[id]!.content, { type: 'text', text: ' Phrase ajoutée après la traduction.' }] };
  });
  out = { ...out, text: { ...out.text, fr } };
  return out;
}

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
  // Both sides are in the one scroller: their pages start at the same height.
  const tops = await page.evaluate(() => ['source', 'target'].map((s) => document.querySelector(`[data-testid="desk-${s}"] .rk-page`)!.getBoundingClientRect().top));
  expect(tops[0]).toBe(tops[1]);
  expect(errors).toEqual([]);
});
