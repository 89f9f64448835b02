/**
 * A save that fails (the browser host's test fault switch: every dossier.save answers a disk
 * error) shows "Not saved" with the reason and keeps the text on screen; typing goes on; when
 * the host answers again, the retry saves everything, nothing lost (a reload and the CLI see it).
 */
import { expect, test } from './app-host';
import { cli, createDossier, expectSaved, part, watchErrors } from './editor-helpers';

test('a failing save says "Not saved", keeps the text, and saves it once the host answers again', async ({ page, appHost }) => {
  test.setTimeout(90_000);
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const id = await createDossier(page, 'letter', 'en');
  const letter = part(page, 0);
  await letter.locator('.rk-placeholder').first().click();
  await page.keyboard.type('Saved before the failure.');
  await expectSaved(page);

  await appHost.failSaves(true);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Typed while the disk fails.');
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-state', 'error');
  await expect(status).toHaveText(/^Not saved: The disk could not be read or written: /);
  await expect(letter).toContainText('Typed while the disk fails.');
  await page.keyboard.type(' And more.');
  await expect(letter).toContainText('Typed while the disk fails. And more.');
  expect(cli(appHost.dataDir, 'show', id, '--json').stdout).not.toContain('Typed while the disk fails.');

  await appHost.failSaves(false);
  await expectSaved(page);
  expect(cli(appHost.dataDir, 'show', id, '--json').stdout).toContain('Typed while the disk fails. And more.');
  await page.reload();
  await expect(part(page, 0)).toContainText('Saved before the failure.');
  await expect(part(page, 0)).toContainText('Typed while the disk fails. And more.');
  expect(errors.filter((e) => !/Failed to load resource|status of 5\d\d/.test(e))).toEqual([]);
});
