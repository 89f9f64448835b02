/**
 * The translation memory at the desk: with last year's French/English report in the library,
 * this year's French draft (the same report, one paragraph changed by a word) gets, row by row,
 * last year's translation: an exact match for an unchanged paragraph (Alt+1 inserts it, and the
 * row is translated), a near match with the differing words marked for the changed one, each
 * saying where it comes from. Terms of the row are offered in English, and a glossary entry added
 * at the desk is highlighted in the source and checked in the row.
 */
import type { RDocument, TextLayer } from '../../src/core/model/schema';
import { confirmTranslation } from '../../src/core/translation/versions';
import { expect, test } from './app-host';
import { expectSaved, screenshot, watchErrors } from './editor-helpers';
import { importDocument, paragraphId, row, seed000Document } from './desk-helpers';

/** Last year's report: the same French, an English version of every block, all confirmed. */
function lastYear(doc: RDocument): RDocument {
  const fr = structuredClone(doc.text.fr!);
  const titleId = doc.parts.find((p) => p.kind === 'body')!.id;
  const title = fr[titleId]!.content[0]!;
  if (title.type === 'text') title.text = title.text.replace('2016', '2015');
  const en: TextLayer = {};
  for (const [id, t] of Object.entries(fr)) en[id] = { content: t.content.map((r) => (r.type === 'text' ? { ...r, text: `[EN] ${r.text}` } : r)) };
  const both: RDocument = { ...doc, text: { fr, en }, translation: { source: 'fr', glossary: [] } };
  return confirmTranslation(both, Object.keys(en), 'fr', 'en');
}

test('this year’s report gets last year’s translations: exact and near matches, where they come from, one key inserts', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  const seed = seed000Document(appHost.dataDir);
  importDocument(appHost.dataDir, lastYear(seed));
  const p1 = seed.parts.find((p) => p.kind === 'body')!.blocks.find((b) => b.kind === 'paragraph')!.id;
  const thisYear = structuredClone(seed);
  const run = thisYear.text.fr![p1]!.content[0]!;
  if (run.type === 'text') run.text = run.text.replace('Groupe de travail', 'Comité de travail');
  const id = importDocument(appHost.dataDir, thisYear);

  await page.goto(`${appHost.url}#dossier=${id}`);
  await page.getByTestId('add-version').click();
  await page.getByTestId('new-version-create').click();
  await expect(page.getByTestId('desk')).toBeVisible();

  // The changed paragraph: a near match, the differing words marked, from last year's report, paragraph 1.
  expect(await paragraphId(page, '1.')).toBe(p1);
  await row(page, 'source', p1).click();
  const matches = page.getByTestId('desk-matches').locator('li');
  await expect(matches.first()).toBeVisible();
  const percent = Number(await matches.first().getAttribute('data-percent'));
  expect(percent).toBeGreaterThanOrEqual(90);
  expect(percent).toBeLessThan(100);
  await expect(matches.first().locator('del')).toHaveText(['Groupe']);
  await expect(matches.first().locator('ins')).toHaveText(['Comité']);
  // Where it comes from: last year's dossier, listed under its letter's title (a letter with an
  // annex is listed under the letter's title), and the paragraph's label.
  await expect(matches.first()).toContainText(/Sénégal[^]*, 1\./);
  await screenshot(page, 'desk-memory-near-match');

  // An unchanged paragraph: an exact match; Alt+1 puts last year's translation in, the row is translated.
  const p2 = await paragraphId(page, '2.');
  await row(page, 'source', p2).click();
  await expect(matches.first()).toHaveAttribute('data-percent', '100');
  const english = (await matches.first().getByTestId('match-target').textContent())!;
  expect(english.startsWith('[EN] ')).toBe(true);
  await page.keyboard.press('Alt+1');
  await expect(row(page, 'target', p2)).toHaveText(english);
  await expect(row(page, 'target', p2)).toHaveAttribute('data-tr-status', 'translated');

  // Terms of the row, in English; a glossary entry: highlighted in the source, missing in the row.
  await expect(page.getByTestId('desk-terms')).toContainText('Groupe de travail → Working Group');
  await page.getByTestId('desk-glossary').click();
  await page.getByTestId('glossary-term').fill('Représentant permanent');
  await page.getByTestId('glossary-translation').fill('Permanent Representative');
  await page.getByTestId('glossary-add').click();
  await expect(page.getByTestId('desk-glossary')).toHaveText('Glossary (1)');
  await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('rk-term')?.size ?? 0)).toBeGreaterThan(0);
  await expect(page.getByTestId('desk-terms').locator('[data-origin="glossary"]')).toHaveAttribute('data-present', 'false');
  await expectSaved(page);
  await screenshot(page, 'desk-memory-glossary');
  await page.reload();
  await expect(page.getByTestId('desk-glossary')).toHaveText('Glossary (1)');
  expect(errors).toEqual([]);
});
