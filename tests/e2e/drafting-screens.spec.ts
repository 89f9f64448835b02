/**
 * The drafting screens of issue 12 as a whole: the outline (ranges, go to, move by keyboard),
 * the library (duplicate, sort, empty the trash with a confirmation), and, on every screen in
 * both interface languages, the visible text (document content excluded) holds none of the other
 * locale's strings, an axe-core scan finds no serious or critical violation, and a screenshot is
 * taken to be looked at.
 */
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { expect, root, test } from './app-host';
import { axeSerious, foreignFragments, interfaceText } from './screen-checks';
import { createDossier, expectSaved, labels, screenshot, watchErrors } from './editor-helpers';
import { openPanel } from './workspace-helpers';

// axe-core is injected as a script: past the page's Content-Security-Policy for this file only.
test.use({ bypassCSP: true });

async function setLanguage(page: Page, lang: 'en' | 'fr'): Promise<void> {
  await page.getByTestId(`ui-lang-${lang}`).click();
  await expect(page.getByTestId(`ui-lang-${lang}`)).toHaveAttribute('aria-pressed', 'true');
}

test('outline: parts and chapters with their paragraph ranges; click goes there; Alt+↓ moves a chapter and the numbers follow', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await setLanguage(page, 'fr');
  await createDossier(page, 'annual-report', 'fr');
  await openPanel(page, 'outline');
  const outline = page.getByTestId('outline');
  const entries = outline.getByTestId('outline-entry');
  await expect(entries.first()).toBeVisible();
  const chapters = outline.locator('[data-testid="outline-entry"][data-type="heading"][data-level="chapter"]');
  await expect.poll(() => chapters.count()).toBeGreaterThan(1);
  // « paragraphes 4 à 25 »: French wording of each range.
  const ranges = await outline.getByTestId('outline-range').allInnerTexts();
  expect(ranges.length).toBeGreaterThan(0);
  for (const r of ranges) expect(r).toMatch(/^paragraphes? \d+( à \d+)?$/);
  await screenshot(page, 'drafting-outline-fr');

  const before = await labels(page.getByTestId('editor'));
  const firstName = await chapters.first().locator('.outline-name').innerText();
  await chapters.first().locator('button').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByTestId('outline-status')).toContainText(/déplacé|Déplacé/);
  await expect(chapters.nth(1).locator('.outline-name')).toContainText(firstName.replace(/^[IVX]+\.\s*/, ''));
  const after = await labels(page.getByTestId('editor'));
  // The labels are renumbered in order: the same sequence of numbers, the moved text elsewhere.
  expect(after.filter((l) => /^\d+\.$/.test(l))).toEqual(before.filter((l) => /^\d+\.$/.test(l)));
  // Focus stays on the moved entry.
  await expect(page.locator(':focus')).toContainText(firstName.replace(/^[IVX]+\.\s*/, ''));
  // Click goes there.
  await chapters.last().locator('button').click();
  await expect(page.getByTestId('editor').locator('.flash')).toHaveCount(1);
  // In a window so narrow that the page, scaled down as far as it goes, is still wider than its
  // scroller, a jump leaves the page's left edge (margin and labels) in view, and the window unscrolled.
  await page.setViewportSize({ width: 1000, height: 700 });
  await chapters.first().locator('button').click();
  await chapters.last().locator('button').click();
  await expect(page.getByTestId('editor').locator('.flash').last()).toBeInViewport();
  const scroll = await page.locator('.rk-scroller').evaluate((s) => ({ wider: s.scrollWidth > s.clientWidth, left: s.scrollLeft, window: document.scrollingElement!.scrollTop }));
  expect(scroll).toEqual({ wider: true, left: 0, window: 0 });
  await screenshot(page, 'drafting-outline-narrow-jump');
  await expectSaved(page);
  expect(errors).toEqual([]);
});

test('library: duplicate, sort by title, empty the trash after a confirmation', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'en');
  await createDossier(page, 'concept-note', 'en');
  const list = page.getByTestId('dossier-list');
  await expect(list.getByTestId('dossier-item')).toHaveCount(2);
  await list.getByTestId('dossier-item').last().getByTestId('dossier-duplicate').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(3);
  await expect(page.getByTestId('library-notice')).toBeVisible();

  await page.getByTestId('library-sort').selectOption('title');
  const titles = await list.locator('.dossier-title').allInnerTexts();
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));

  for (let i = 0; i < 2; i++) await list.getByTestId('dossier-item').first().getByTestId('dossier-trash').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(1);
  await page.getByTestId('library-view-trash').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(2);
  await page.getByTestId('empty-trash').click();
  const dialog = page.getByTestId('empty-trash-dialog');
  await expect(dialog).toBeVisible();
  // Cancel keeps everything.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(list.getByTestId('dossier-item')).toHaveCount(2);
  await page.getByTestId('empty-trash').click();
  await page.getByTestId('empty-trash-dialog-confirm').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(0);
  await page.getByTestId('library-view-drafts').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('every drafting screen in both interface languages: no string of the other locale, no serious axe violation, a screenshot', async ({ page, appHost }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const found: string[] = [];
  const a11y: string[] = [];
  // A modal dialog makes the rest of the window inert: it is opened after the language is set, and closed before the next.
  const look = async (screen: string, dialog?: { open: () => Promise<void>; close: () => Promise<void> }) => {
    for (const lang of ['en', 'fr'] as const) {
      await setLanguage(page, lang);
      await dialog?.open();
      const text = await interfaceText(page);
      for (const f of foreignFragments(lang)) if (text.includes(f)) found.push(`${screen} (${lang}): “${f}”`);
      await screenshot(page, `screen-${screen}-${lang}`);
      if (lang === 'fr') for (const v of await axeSerious(page)) a11y.push(`${screen}: ${v}`);
      await dialog?.close();
    }
  };
  await look('library');
  await createDossier(page, 'letter', 'fr');
  for (const panel of ['metadata', 'outline', 'checks', 'history'] as const) {
    await openPanel(page, panel);
    if (panel === 'checks') await expect(page.getByTestId('findings')).toHaveAttribute('data-ready', 'true');
    await look(`workspace-${panel}`);
  }
  await page.getByTestId('snapshot-name').fill('Snapshot');
  await page.getByTestId('snapshot-take').click();
  await page.locator('[data-testid="revision"][data-reason="named"]').getByTestId('revision-compare').click();
  await expect(page.getByTestId('compare-view')).toBeVisible();
  await look('compare');
  await page.getByTestId('compare-back').click();
  // The restore dialog, from the history (a finalised dossier has « new draft from this version » instead).
  await openPanel(page, 'history');
  const restoreDialog = {
    open: async () => {
      await page.locator('[data-testid="revision"][data-reason="named"]').first().getByTestId('revision-restore').click();
      await expect(page.getByTestId('restore-dialog')).toBeVisible();
    },
    close: async () => {
      await page.getByTestId('restore-dialog-cancel').click();
      await expect(page.getByTestId('restore-dialog')).toHaveCount(0);
    },
  };
  await look('restore-dialog', restoreDialog);
  const finaliseDialog = {
    open: async () => {
      await page.getByTestId('finalise-open').click();
      await expect(page.getByTestId('finalise-dialog')).toBeVisible();
    },
    close: async () => {
      await page.getByTestId('finalise-dialog-cancel').click();
      await expect(page.getByTestId('finalise-dialog')).toHaveCount(0);
    },
  };
  await look('finalise-dialog', finaliseDialog);
  await finaliseDialog.open();
  // The version's name is the user's words (its default is worded in the language of the moment).
  await page.getByTestId('finalise-name').fill('Signed');
  await page.getByTestId('finalise-dialog-confirm').click();
  await expect(page.getByTestId('finalised-banner')).toBeVisible();
  await look('finalised');
  // Import: a UN text, its notes panel (what the importer was unsure of).
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(join(root, '..', 'shared', 'seeds', '000_364a0ca6f4d75822.txt'));
  await expect(page.getByTestId('import-notes')).toBeVisible();
  await look('import-notes');
  // The trash, and the confirmation before emptying it.
  await page.getByTestId('dossier-close').click();
  await page.getByTestId('dossier-item').first().getByTestId('dossier-trash').click();
  await page.getByTestId('library-view-trash').click();
  const emptyDialog = {
    open: async () => {
      await page.getByTestId('empty-trash').click();
      await expect(page.getByTestId('empty-trash-dialog')).toBeVisible();
    },
    close: async () => {
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('empty-trash-dialog')).toHaveCount(0);
    },
  };
  await look('trash');
  await look('empty-trash-dialog', emptyDialog);
  expect(found).toEqual([]);
  expect(a11y).toEqual([]);
  expect(errors).toEqual([]);
});

test('keyboard only: the panels are tabs (arrows move between them), a finding is reached and opened with Enter, focus is visible', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'concept-note', 'en');
  await openPanel(page, 'metadata');
  const tab = page.getByTestId('panel-tab-metadata');
  await tab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel-tab-outline')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('panel-tab-checks')).toBeFocused();
  await expect(page.getByTestId('panel-tab-checks')).toHaveAttribute('aria-selected', 'true');
  // A visible focus ring on the focused tab.
  const outline = await page.getByTestId('panel-tab-checks').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await expect(page.getByTestId('findings')).toHaveAttribute('data-ready', 'true');
  // Tab into the panel, then to its first finding's button.
  const first = page.getByTestId('finding').first().locator('button');
  for (let i = 0; i < 12 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor').locator('.flash')).toHaveCount(1);
  expect(errors).toEqual([]);
});
