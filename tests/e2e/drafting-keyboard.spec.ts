/**
 * Issue 12, point 12: a day's flows by keyboard only, against the browser host on a fresh
 * library — create and close a dossier, open it from the library, a metadata field, a jump from
 * the outline, a jump from the checks panel, a named snapshot, an export from the dialog, the
 * settings — with no pointer event at all (counted in the page), and at each step the control
 * about to be used has the focus, matches :focus-visible and draws an outline. Tab indents
 * inside the text, so the regions of the window are crossed with F6 (../../src/renderer/components/regions.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './app-host';
import { expectSaved, screenshot, watchErrors } from './editor-helpers';

/** The focused control is `target`, and its focus shows: :focus-visible and an outline (or a ring). */
async function expectVisibleFocus(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { visible: el.matches(':focus-visible'), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0, shadow: s.boxShadow !== 'none' };
  });
  expect(ring.visible, 'the focus is :focus-visible').toBe(true);
  expect(ring.outline || ring.shadow, 'the focus draws an outline').toBe(true);
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement).catch(() => false);

/** Tab (or Shift+Tab) until `target` has the focus; then checks the focus shows. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  await expectVisibleFocus(target);
}

/** F6 until the focus is inside `region` (or on it: a region's first control). */
async function f6To(page: Page, region: Locator): Promise<void> {
  const inside = () => region.evaluate((r) => r.contains(document.activeElement)).catch(() => false);
  for (let i = 0; i < 8 && !(await inside()); i++) await page.keyboard.press('F6');
  expect(await inside(), 'F6 reaches the region').toBe(true);
}

/** Enter on the focused control, after checking it is `target` and its focus shows. */
async function press(page: Page, target: Locator, key = 'Enter'): Promise<void> {
  await expectVisibleFocus(target);
  await page.keyboard.press(key);
}

test('keyboard only: create, close and open a dossier, a metadata field, outline and checks jumps, a snapshot, an export, the settings; focus visible at each step', async ({ page, appHost }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  // Every pointer event the page sees: there must be none.
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown', 'mouseup']) addEventListener(type, () => w.pointerEvents++, true);
  });
  await page.goto(appHost.url);
  const library = page.getByTestId('library');
  await expect(library).toBeVisible();

  // A new annual report: the type by typing its name on the focused list, then Create.
  await f6To(page, library);
  const kind = page.getByTestId('new-kind');
  await tabTo(page, kind);
  await page.keyboard.type('Annual');
  await expect(kind).toHaveValue('annual-report');
  await tabTo(page, page.getByTestId('new-create'));
  await press(page, page.getByTestId('new-create'));
  const view = page.getByTestId('dossier-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('editor')).toBeVisible();

  // Close it from the dossier's toolbar, then open it from the library's list.
  await f6To(page, view.locator('.toolbar'));
  await tabTo(page, page.getByTestId('dossier-close'));
  await press(page, page.getByTestId('dossier-close'));
  await expect(view).toHaveCount(0);
  await f6To(page, library);
  const open = page.getByTestId('dossier-item').first().locator('.dossier-open');
  await tabTo(page, open);
  await press(page, open);
  await expect(view).toBeVisible();
  await expect(page.getByTestId('editor')).toBeVisible();

  // The side panels (folded in a window this narrow): F6 reaches them, Enter unfolds them.
  const panels = page.locator('aside.side-panels');
  await f6To(page, panels);
  const show = page.getByTestId('panels-show');
  if (await show.isVisible()) {
    await press(page, show);
    await expect(page.getByTestId('side-panels')).toBeVisible();
    await f6To(page, page.getByTestId('side-panels'));
  }
  const tabOf = (id: string) => page.getByTestId(`panel-tab-${id}`);
  await tabTo(page, tabOf('metadata'));
  await expect(tabOf('metadata')).toHaveAttribute('aria-selected', 'true');

  // A metadata field: the symbol, typed key by key.
  const symbol = page.getByTestId('meta-symbol-0');
  await tabTo(page, symbol);
  await page.keyboard.type('S/2026/123');
  // Every letter in the field (none went into the text), and the masthead above the text follows.
  await expect(symbol).toHaveValue('S/2026/123');
  await expectVisibleFocus(symbol);
  await expect(view.locator('.rk-masthead-box')).toContainText('S/2026/123');
  await expectSaved(page);
  await screenshot(page, 'keyboard-metadata-en');

  // The outline: back to the tabs (Shift+F6 to the text, F6 to the panels), → to the outline, Tab to a chapter, Enter goes there.
  await page.keyboard.press('Shift+F6');
  await expect(page.getByTestId('editor')).toBeFocused();
  await f6To(page, page.getByTestId('side-panels'));
  await press(page, tabOf('metadata'), 'ArrowRight');
  await expect(tabOf('outline')).toHaveAttribute('aria-selected', 'true');
  await expectVisibleFocus(tabOf('outline'));
  const chapter = page.getByTestId('outline').locator('[data-testid="outline-entry"][data-type="heading"][data-level="chapter"] button').nth(1);
  await tabTo(page, chapter);
  await press(page, chapter);
  await expect(page.getByTestId('editor').locator('.flash')).toHaveCount(1);
  // The caret went there: the text has the focus.
  await expect(page.getByTestId('editor')).toBeFocused();
  await screenshot(page, 'keyboard-outline-en');

  // The checks: from the text (where the jump left the keyboard), F6 to the panels, → to the checks, a finding, Enter goes there.
  await f6To(page, tabOf('outline'));
  await press(page, tabOf('outline'), 'ArrowRight');
  await expect(tabOf('checks')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('findings')).toHaveAttribute('data-ready', 'true');
  // The first finding at a block (a finding on the whole document has nowhere to go).
  const atBlock = page.locator('[data-testid="finding"]:not([data-block=""])').first();
  const blockId = (await atBlock.getAttribute('data-block'))!;
  const finding = atBlock.locator('button');
  await tabTo(page, finding);
  await press(page, finding);
  await expect(page.getByTestId('editor').locator(`[data-block-id="${blockId}"].flash`)).toHaveCount(1);

  // History: a named snapshot.
  await f6To(page, tabOf('checks'));
  await press(page, tabOf('checks'), 'ArrowRight');
  await expect(tabOf('history')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByTestId('snapshot-name'));
  await page.keyboard.type('Before the meeting');
  await tabTo(page, page.getByTestId('snapshot-take'));
  await press(page, page.getByTestId('snapshot-take'));
  await expect(page.locator('[data-testid="revision"][data-reason="named"]').getByTestId('revision-kind')).toContainText('Before the meeting');
  await screenshot(page, 'keyboard-history-en');

  // The export dialog: the focus is inside; "Export anyway" with Space, the HTML view with the arrows, Export with Enter.
  await f6To(page, view.locator('.toolbar'));
  await tabTo(page, page.getByTestId('export-open'));
  await press(page, page.getByTestId('export-open'));
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Checking the document')).toHaveCount(0);
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await tabTo(page, dialog.getByTestId('export-anyway'));
  await press(page, dialog.getByTestId('export-anyway'), 'Space');
  await expect(dialog.getByTestId('export-anyway')).toBeChecked();
  await tabTo(page, dialog.getByTestId('export-format-docx'));
  await press(page, dialog.getByTestId('export-format-docx'), 'ArrowRight');
  await press(page, dialog.getByTestId('export-format-pdf'), 'ArrowRight');
  await expect(dialog.getByTestId('export-format-html')).toBeChecked();
  await screenshot(page, 'keyboard-export-en');
  const confirm = page.getByTestId('export-dialog-confirm');
  await tabTo(page, confirm);
  const download = page.waitForEvent('download');
  await press(page, confirm);
  expect((await download).suggestedFilename()).toMatch(/\.html$/);
  await expect(dialog).toHaveCount(0);
  // The platform's dialog gives the focus back to the button that opened it.
  await expectVisibleFocus(page.getByTestId('export-open'));

  // The settings: from the header, the author name typed and saved, closed with Escape.
  await f6To(page, page.getByTestId('app-header'));
  await tabTo(page, page.getByTestId('settings-open'));
  await press(page, page.getByTestId('settings-open'));
  const settings = page.getByTestId('settings-dialog');
  await expect(settings.getByTestId('mission-name')).toBeVisible();
  await tabTo(page, settings.getByTestId('settings-author'));
  await page.keyboard.type('Ana Peña');
  await tabTo(page, page.getByTestId('settings-dialog-confirm'), { max: 80 });
  await press(page, page.getByTestId('settings-dialog-confirm'));
  await expect(settings.getByTestId('settings-status')).not.toBeEmpty();
  await screenshot(page, 'keyboard-settings-en');
  await page.keyboard.press('Escape');
  await expect(settings).toHaveCount(0);
  await expectVisibleFocus(page.getByTestId('settings-open'));

  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents)).toBe(0);
  expect(errors).toEqual([]);
});
