/**
 * The structured editor, in real Chromium against the browser host with a fresh library, driven
 * with real keystrokes: the French annual report written from its template — three paragraphs,
 * one inserted above the first (every label shifts), subparagraphs a)–c) with Tab, an annex
 * with a 3 × 3 table, a cross-reference to paragraph 3 that follows it to 4, a footnote, undo
 * and redo, find and replace — then a reload shows the same draft, and the CLI's `db show` on
 * the same library sees the new text. Waits on what the app shows, never on sleeps.
 *
 * Twice: with the page at full width (the side panels folded, as they start below 1640 px) and
 * with the panels open beside it (the page's scroller ≈560 px wide at a 1280 × 520 window).
 * The words are compared block by block from the DOM's text, not with `innerText`: the page lets
 * the browser skip laying out blocks far off screen (`content-visibility: auto`) and innerText
 * leaves skipped blocks out, so it depends on the scroll position and the geometry — after the
 * reload (scrolled to the top) the annex's last paragraph was "missing" from it at the narrow
 * width while the store, `db show` and the editor all had it.
 */
import { expect, test } from './app-host';
import type { Page } from '@playwright/test';
import { block, blockWords, caretAtEnd, caretAtStart, cli, createDossier, expectSaved, labels, part, screenshot, settle, watchErrors } from './editor-helpers';

type Geometry = { name: string; viewport: { width: number; height: number }; panels: boolean };
const GEOMETRIES: Geometry[] = [
  { name: 'full width', viewport: { width: 1280, height: 860 }, panels: false },
  { name: 'panels open', viewport: { width: 1280, height: 520 }, panels: true },
];

for (const geometry of GEOMETRIES) {
  test.describe(geometry.name, () => {
    test.use({ viewport: geometry.viewport });
    test('French annual report: write, renumber, subparagraphs, annex with a table, cross-reference, footnote, undo, replace, reload', async ({ page, appHost }) => {
      test.setTimeout(180_000);
      await writeReport(page, appHost, geometry);
    });
  });
}

async function showPanels(page: Page): Promise<void> {
  const show = page.getByTestId('panels-show');
  if (await show.isVisible()) await show.click();
  await expect(page.getByTestId('panels-hide')).toBeVisible();
}

/**
 * The whole page is in view beside the panels: its scroller does not scroll sideways (the page is
 * scaled to it, see DossierEditor.css) and the window itself has not scrolled (its header shows).
 */
async function expectPageFits(page: Page): Promise<void> {
  const box = await page.locator('.rk-scroller').evaluate((s) => ({ over: s.scrollWidth - s.clientWidth, left: s.scrollLeft, window: document.scrollingElement!.scrollTop }));
  expect(box).toEqual({ over: 0, left: 0, window: 0 });
  const pageBox = (await page.getByTestId('document').boundingBox())!;
  const scroller = (await page.locator('.rk-scroller').boundingBox())!;
  expect(pageBox.x).toBeGreaterThanOrEqual(scroller.x);
  expect(pageBox.x + pageBox.width).toBeLessThanOrEqual(scroller.x + scroller.width);
}

async function writeReport(page: Page, appHost: { url: string; dataDir: string }, geometry: Geometry): Promise<void> {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const id = await createDossier(page, 'annual-report', 'fr');
  if (geometry.panels) await showPanels(page);
  const report = part(page, 1);
  await expect(report).toHaveAttribute('data-part-kind', 'body');
  await expect.poll(() => labels(report)).toEqual(['I.', '1.', '2.', 'II.', '3.', 'a)', 'b)', 'A.', '4.', '5.', 'B.', '6.', '7.', 'III.', '8.']);

  // Three paragraphs, typed over the first placeholder paragraph.
  await report.locator('[data-rk="paragraph"]').first().locator('.rk-placeholder').click();
  await page.keyboard.type('Premier paragraphe du rapport.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Deuxième paragraphe.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Troisième paragraphe.');
  await expect(block(report, 'Troisième paragraphe.')).toHaveAttribute('data-label', '3.');
  expect((await labels(report)).slice(0, 6)).toEqual(['I.', '1.', '2.', '3.', '4.', 'II.']);

  // One inserted above the first: every label shifts.
  await caretAtStart(page, block(report, 'Premier paragraphe du rapport.'));
  await page.keyboard.press('Enter');
  await settle(page);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  await page.keyboard.type('Paragraphe inséré.');
  await expect(block(report, 'Paragraphe inséré.')).toHaveAttribute('data-label', '1.');
  await expect(block(report, 'Premier paragraphe du rapport.')).toHaveAttribute('data-label', '2.');
  await expect(block(report, 'Deuxième paragraphe.')).toHaveAttribute('data-label', '3.');
  await expect(block(report, 'Troisième paragraphe.')).toHaveAttribute('data-label', '4.');
  await expect.poll(() => labels(report)).toEqual(['I.', '1.', '2.', '3.', '4.', '5.', 'II.', '6.', 'a)', 'b)', 'A.', '7.', '8.', 'B.', '9.', '10.', 'III.', '11.']);

  // Three subparagraphs a)–c) with Tab.
  await caretAtEnd(page, block(report, 'Troisième paragraphe.'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.type('premier alinéa ;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('deuxième alinéa ;');
  await page.keyboard.press('Enter');
  await page.keyboard.type('troisième alinéa.');
  await expect(block(report, 'premier alinéa')).toHaveAttribute('data-label', 'a)');
  await expect(block(report, 'deuxième alinéa')).toHaveAttribute('data-label', 'b)');
  await expect(block(report, 'troisième alinéa')).toHaveAttribute('data-label', 'c)');
  await expect(block(report, 'troisième alinéa')).toHaveAttribute('data-rk', 'subparagraph');

  // An annex with a 3 × 3 table.
  await page.getByTestId('insert').selectOption('annex');
  await page.keyboard.type('Calendrier des réunions');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Le tableau ci-après récapitule les réunions.');
  await page.getByTestId('insert').selectOption('table');
  const annex = page.getByTestId('editor').locator('section[data-part-kind="annex"]', { hasText: 'Calendrier des réunions' });
  const table = annex.locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  for (const row of await table.locator('tr').all()) await expect(row.locator('td, th')).toHaveCount(3);
  await page.keyboard.type('Date');
  await expect(table.locator('th').first()).toHaveText('Date');
  // Two annexes of the report now: they are numbered.
  await expect(annex.locator('.rk-part-heading')).toHaveText('Annexe II');

  // A cross-reference to paragraph 3, then a paragraph inserted before it: it reads 4.
  await caretAtEnd(page, block(report, 'troisième alinéa.'));
  await page.keyboard.type(' Voir le ');
  await page.keyboard.press('Control+Shift+KeyK');
  await page.getByTestId('xref-search').fill('3');
  await expect(page.getByTestId('xref-candidate').first()).toHaveAttribute('data-target', (await block(report, 'Deuxième paragraphe.').getAttribute('data-block-id'))!);
  await page.getByTestId('xref-search').press('Enter');
  const xref = report.locator('[data-rk="xref"]');
  await expect(xref).toHaveText('paragraphe 3');
  expect((await labels(report)).filter((l) => l.endsWith(')'))).toEqual(['a)', 'b)', 'c)', 'a)', 'b)']);
  await caretAtStart(page, block(report, 'Deuxième paragraphe.'));
  await page.keyboard.press('Enter');
  await settle(page);
  await page.keyboard.press('ArrowUp');
  await settle(page);
  await page.keyboard.type('Un autre paragraphe.');
  await expect(xref).toHaveText('paragraphe 4');
  await expect(block(report, 'Deuxième paragraphe.')).toHaveAttribute('data-label', '4.');

  // A footnote, at the caret; its text typed in place; numbered.
  await caretAtEnd(page, block(report, 'Premier paragraphe du rapport.'));
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  await page.keyboard.press('Control+Alt+KeyF');
  await page.keyboard.type('Voir le document S/2016/440.');
  const ref = report.locator('[data-rk="footnoteRef"]');
  const note = report.locator('[data-rk="footnote"]');
  await expect(ref).toHaveAttribute('data-label', '1');
  await expect(note).toHaveAttribute('data-label', '1');
  await expect(note).toHaveText('Voir le document S/2016/440.');
  // Before the full stop, as the exports place it in French.
  expect(await ref.evaluate((el) => [el.previousSibling?.textContent?.slice(-7), el.nextSibling?.textContent])).toEqual(['rapport', '.']);

  // Undo removes it (typing, then the footnote); redo brings it back.
  for (let i = 0; i < 10 && (await ref.count()) > 0; i++) await page.keyboard.press('Control+z');
  await expect(ref).toHaveCount(0);
  await expect(note).toHaveCount(0);
  const noteText = async () => (await note.allTextContents()).join('');
  for (let i = 0; i < 10 && (await noteText()) !== 'Voir le document S/2016/440.'; i++) await page.keyboard.press('Control+y');
  await expect(ref).toHaveAttribute('data-label', '1');
  await expect(note).toHaveText('Voir le document S/2016/440.');

  // Find (accents and case ignored) and replace a word.
  await block(report, 'Troisième paragraphe.').click();
  await page.keyboard.press('Control+h');
  await page.getByTestId('find-input').fill('troisieme paragraphe');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
  await page.getByTestId('replace-input').fill('Dernier paragraphe');
  await page.getByTestId('replace-all').click();
  await expect(page.getByTestId('replaced-count')).toHaveText('1 replaced');
  await expect(block(report, 'Dernier paragraphe.')).toHaveAttribute('data-label', '5.');
  await expect(report).not.toContainText('Troisième paragraphe.');
  await page.getByTestId('find-close').click();

  await expectSaved(page);
  const before = await labels(page.getByTestId('editor'));
  const words = await blockWords(page.getByTestId('editor'));
  expect(words.filter((w) => w.endsWith('Le tableau ci-après récapitule les réunions.'))).toHaveLength(1);
  await expectPageFits(page);
  await screenshot(page, geometry.panels ? 'editor-report-fr-panels' : 'editor-report-fr');
  await page.getByTestId('ui-lang-fr').click();
  await expect(page.getByTestId('save-status')).toHaveText('Enregistré');
  await screenshot(page, geometry.panels ? 'editor-report-fr-panels-fr-interface' : 'editor-report-fr-fr-interface');
  await page.getByTestId('ui-lang-en').click();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Reload: the draft is there, unchanged.
  await page.reload();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-id', id);
  if (geometry.panels) await showPanels(page);
  await expect(page.getByTestId('editor')).toContainText('Dernier paragraphe.');
  await expect.poll(() => labels(page.getByTestId('editor'))).toEqual(before);
  await expect.poll(() => blockWords(page.getByTestId('editor'))).toEqual(words);
  await expect(page.getByTestId('editor').locator('section[data-part-kind="annex"]', { hasText: 'Calendrier des réunions' }).locator('[data-rk="paragraph"]').first()).toHaveText('Le tableau ci-après récapitule les réunions.');
  await expect(part(page, 1).locator('[data-rk="xref"]')).toHaveText('paragraphe 4');
  await expect(part(page, 1).locator('[data-rk="footnote"]')).toHaveText('Voir le document S/2016/440.');
  // A jump to the annex's table from the outline leaves the page in view, unscrolled sideways.
  if (geometry.panels) {
    await page.getByTestId('panel-tab-outline').click();
    const annexEntry = page.getByTestId('outline-entry').filter({ hasText: 'Calendrier des réunions' });
    // The annex is named by its title, not by every word in it (its table's header, its paragraph).
    await expect(annexEntry.locator('.outline-name')).toHaveText('Annexe II Calendrier des réunions');
    await annexEntry.first().locator('button.outline-go').click();
    await expect(page.getByTestId('editor').locator('section[data-part-kind="annex"]', { hasText: 'Calendrier des réunions' })).toBeInViewport();
    await expectPageFits(page);
    await screenshot(page, 'editor-report-fr-panels-jump');
  }

  // The command line reads the same library.
  const shown = cli(appHost.dataDir, 'show', id);
  expect(shown.stderr).toBe('');
  expect(shown.stdout).toContain('1.\tParagraphe inséré.');
  expect(shown.stdout).toContain('2.\tPremier paragraphe du rapport.');
  expect(shown.stdout).toContain('5.\tDernier paragraphe.');
  expect(shown.stdout).toMatch(/ {2}a\)\tpremier alinéa ;/);
  expect(shown.stdout).toContain('Calendrier des réunions');
  expect(shown.stdout).toMatch(/\[Annexe II\]\tCalendrier des réunions\n1\.\tLe tableau ci-après récapitule les réunions\./);
  expect(errors).toEqual([]);
}
