/**
 * The page's half of the desktop app's menus and of the flush before quit, through the browser
 * host (its events arrive as Server-Sent Events, the same `app.command` / `app.flush` events the
 * main process sends through the preload). The test plays the menu: it sends the host
 * "command <name>" lines (scripts/serve-app.ts --test-faults), exactly what a menu item's click
 * emits in src/main/menu.ts.
 */
import { expect, test } from './app-host';
import { cli, createDossier, expectSaved, part, watchErrors } from './editor-helpers';

test('menu commands act on the screen that offers them', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  // The library: New from Template… and Open… lead to its controls.
  await expect(page.getByTestId('new-document')).toBeVisible();
  expect(await appHost.command('file.new')).toBe(1);
  await expect(page.getByTestId('new-kind')).toBeFocused();
  await appHost.command('file.open');
  await expect(page.getByTestId('library-search')).toBeFocused();

  await createDossier(page, 'letter', 'en');
  const letter = part(page, 0);
  await letter.locator('.rk-placeholder').first().click();
  await page.keyboard.type('We note the report');
  // Insert > Footnote, at the caret.
  await appHost.command('insert.footnote');
  await expect(letter.locator('[data-rk="footnoteRef"]')).toHaveAttribute('data-label', '1');
  await page.keyboard.type('Held in Geneva.');
  await expect(letter.locator('[data-rk="footnote"]')).toHaveText('Held in Geneva.');
  // Insert > Annex: a new part with its generated heading.
  await appHost.command('insert.annex');
  await expect(part(page, 1).locator('.rk-part-heading')).toHaveText(/^Annex to the letter dated/);
  // Edit > Find and Replace…, Insert > Cross-Reference…, Help > Keyboard Shortcuts.
  await appHost.command('edit.find');
  await expect(page.getByTestId('find-panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await appHost.command('insert.xref');
  await expect(page.getByTestId('xref-picker')).toBeVisible();
  await page.keyboard.press('Escape');
  await appHost.command('help.shortcuts');
  await expect(page.getByTestId('shortcuts')).toBeVisible();
  await page.keyboard.press('Escape');
  // A command the screen does not offer does nothing (the desktop menu shows it disabled).
  await appHost.command('document.finalise');
  await expect(page.getByTestId('dossier-view')).toBeVisible();
  // File > Print…: the browser host has no print dialog of its own, so the page prints the print
  // view from a hidden frame (the desktop app prints it through webContents.print instead).
  await appHost.command('file.print');
  const frame = page.locator('iframe[data-rk-print]');
  await expect(frame).toHaveCount(1);
  expect(await frame.getAttribute('srcdoc')).toContain('We note the report');
  await expect(page.frameLocator('iframe[data-rk-print]').locator('body')).toContainText('Held in Geneva.');
  // Document > Check opens the checks panel; File > Import… asks the file picker for a file (the
  // system's dialog in the desktop app; here the browser's file input, which a browser opens only
  // on a click of the person's own, so the test sees the input asked for, not a dialog).
  await appHost.command('document.check');
  await expect(page.getByTestId('panel-checks')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { fileAsks: number };
    w.fileAsks = 0;
    const click = HTMLInputElement.prototype.click;
    HTMLInputElement.prototype.click = function (this: HTMLInputElement) {
      if (this.type === 'file') w.fileAsks++;
      click.call(this);
    };
  });
  await appHost.command('file.import');
  await expect.poll(() => page.evaluate(() => (window as unknown as { fileAsks: number }).fileAsks)).toBe(1);
  // File > Close Document: saved first, then back to the library.
  await appHost.command('file.close');
  await expect(page.getByTestId('dossier-view')).toHaveCount(0);
  await expect(page.getByTestId('new-document')).toBeVisible();
  expect(errors.filter((e) => !/not available on this screen/.test(e))).toEqual([]);
});

test('stopping the host asks the page to save what is unsaved first (the flush before quit)', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  await page.goto(appHost.url);
  const id = await createDossier(page, 'letter', 'en');
  const letter = part(page, 0);
  await letter.locator('.rk-placeholder').first().click();
  await page.keyboard.type('Saved by the autosave.');
  await expectSaved(page);
  // Typed, then the host stops at once: well before the autosave's own delay has passed.
  await page.keyboard.type(' Typed just before quitting.');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'pending');
  const printed = await appHost.stop();
  expect(printed).toContain('flushed');
  expect(cli(appHost.dataDir, 'show', id, '--json').stdout).toContain('Saved by the autosave. Typed just before quitting.');
});
