/**
 * Helpers for the editor's end-to-end tests: create a dossier from the app's form, read the
 * labels on screen (the `data-label` attributes the labels plugin writes), wait for the save
 * status, and run the CLI on the test's library.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, root } from './app-host';

export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join(root, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results', 'screenshots', `${name}.png`) });
}

/**
 * Creates a dossier from the app's form and waits until the new one is open. The view of the
 * dossier open before stays on screen until the new one has loaded, so its `data-id` is read only
 * once the address names a dossier other than the one before (CI once read the old id).
 */
export async function createDossier(page: Page, kind: string, lang: 'fr' | 'en'): Promise<string> {
  const before = dossierInAddress(page.url());
  await page.getByTestId('new-kind').selectOption(kind);
  await page.getByTestId('new-lang').selectOption(lang);
  await page.getByTestId('new-create').click();
  await expect.poll(() => dossierInAddress(page.url()), { timeout: 10_000 }).not.toBe(before);
  const id = dossierInAddress(page.url())!;
  expect(id).toMatch(/^[0-9a-z]{12}$/);
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-id', id);
  await expect(page.getByTestId('editor')).toBeVisible();
  return id;
}

function dossierInAddress(url: string): string | null {
  return /#dossier=([0-9a-z]{12})/.exec(url)?.[1] ?? null;
}

/** The blocks of a part, in order (part index among the editor's parts). */
export function part(page: Page, index: number): Locator {
  return page.getByTestId('editor').locator('section[data-rk="part"]').nth(index);
}

/**
 * The labels shown in a part (or the whole editor), in order, read once: right after an action
 * (opening, reloading, switching language) the labels plugin may not have written them yet, so
 * assert them with `await expect.poll(() => labels(x)).toEqual(...)`, which waits.
 */
export async function labels(scope: Locator): Promise<string[]> {
  return scope.locator('[data-rk="paragraph"][data-label], [data-rk="subparagraph"][data-label], [data-rk="heading"][data-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-label') ?? ''));
}

/** The block whose words contain `text`. */
export function block(scope: Locator, text: string): Locator {
  return scope.locator('[data-block-id]', { hasText: text }).last();
}

export async function expectSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

/**
 * Waits until the page has handled what the last keys did: the browser reports caret moves
 * (selectionchange) in a later task, and the editor acts on the caret it last heard of. A
 * person is never this fast; a test is, so it lets the page reach its next frame.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/** Puts the caret at the end of a block's words. */
export async function caretAtEnd(page: Page, target: Locator): Promise<void> {
  await target.click();
  await page.keyboard.press('End');
  await settle(page);
}

/** Puts the caret at the start of a block's words (single-line blocks). */
export async function caretAtStart(page: Page, target: Locator): Promise<void> {
  await target.click();
  await page.keyboard.press('Home');
  await settle(page);
}

export function cli(dataDir: string, ...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', dataDir, ...args], { cwd: root, encoding: 'utf8' });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/**
 * The words of every part head, part title and block, in document order, from the DOM's text
 * (a table's block holds its cells' words too). Not `innerText`: the page lets the browser skip
 * laying out blocks far off screen (`content-visibility: auto`), and innerText leaves those out,
 * so it would change with the scroll position and the width of the page. The wording controls
 * (buttons in the heads, drawn a moment after the text) are left out.
 */
export async function blockWords(scope: Locator): Promise<string[]> {
  return scope.locator('[data-rk="partHead"], [data-rk="partTitle"], [data-block-id]').evaluateAll((els) =>
    els.map((e) => {
      const copy = e.cloneNode(true) as HTMLElement;
      for (const controls of copy.querySelectorAll('.rk-wording')) controls.remove();
      return `${e.getAttribute('data-rk') ?? ''}: ${copy.textContent ?? ''}`;
    }),
  );
}
