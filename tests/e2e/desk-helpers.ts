/**
 * Helpers for the translator's desk in Chromium: bring a document into the test's library with
 * the CLI, find a row on either side, read the rows' statuses and check that the two sides are
 * aligned on screen.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RDocument } from '../../src/core/model/schema';
import { confirmTranslation } from '../../src/core/translation/versions';
import { translationRows } from '../../src/core/translation/status';
import { makeDocument } from '../integration/store/docs';
import { expect, root } from './app-host';
import { settle } from './editor-helpers';

function run(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), ...args], { cwd: root, encoding: 'utf8' });
}

/** Seed 000 (the French letter and annual report) imported from its text, as a dossier of the library. */
export function importSeed000(dataDir: string): string {
  const json = join(dataDir, 'seed000.json');
  const imported = run('import', join(root, '..', 'shared', 'seeds', '000_364a0ca6f4d75822.txt'), '-o', json);
  expect(imported.status, imported.stderr).toBe(0);
  const added = run('db', '--data-dir', dataDir, 'import', json);
  expect(added.status, added.stderr).toBe(0);
  return added.stdout.trim();
}

/** A document (JSON) brought into the library with the CLI; its dossier id. */
export function importDocument(dataDir: string, doc: RDocument): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-e2e-desk-'));
  try {
    const file = join(dir, 'doc.json');
    writeFileSync(file, JSON.stringify(doc));
    const added = run('db', '--data-dir', dataDir, 'import', file);
    expect(added.status, added.stderr).toBe(0);
    return added.stdout.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function side(page: Page, which: 'source' | 'target'): Locator {
  return page.getByTestId(`desk-${which}`);
}

/** The element of block `id` on one side. */
export function row(page: Page, which: 'source' | 'target', id: string): Locator {
  return side(page, which).locator(`[data-block-id="${id}"]`);
}

/** The block id of the source paragraph labelled `label` in the report (the body part). */
export async function paragraphId(page: Page, label: string): Promise<string> {
  const el = side(page, 'source').locator(`[data-part-kind="body"] [data-rk="paragraph"][data-label="${label}"]`).first();
  const id = await el.getAttribute('data-block-id');
  expect(id, `paragraph ${label}`).toBeTruthy();
  return id!;
}

export async function statusOf(page: Page, id: string): Promise<string | null> {
  return row(page, 'target', id).getAttribute('data-tr-status');
}

/** The note of the source's changed words under row `id`'s source copy (an outdated row). */
export function changesOf(page: Page, id: string): Locator {
  return side(page, 'source').locator('.rk-desk-srow', { has: page.locator(`[data-block-id="${id}"]`) }).getByTestId('desk-changes');
}

/** What the translation's row `id` shows after its words (its placeholder), 'none' without one. */
export async function placeholderOf(page: Page, id: string): Promise<string> {
  return row(page, 'target', id).evaluate((el) => getComputedStyle(el, '::after').content);
}

/** Puts the caret at the end of a block of several lines: a click on its last line, then End. */
export async function caretAtBlockEnd(page: Page, block: Locator): Promise<void> {
  await block.scrollIntoViewIfNeeded();
  const box = (await block.boundingBox())!;
  await block.click({ position: { x: box.width - 4, y: box.height - 6 } });
  await page.keyboard.press('End');
  await settle(page);
}

/** Types at the end of a row of the translation. */
export async function typeInRow(page: Page, id: string, text: string): Promise<void> {
  await caretAtBlockEnd(page, row(page, 'target', id));
  await page.keyboard.type(text);
}

/**
 * For every row unit on screen in the source (blocks, part titles and heads), how far its top is
 * from the same unit's top in the translation (px); [] when the two sides are aligned.
 */
export async function misalignedOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scroller = document.querySelector('[data-testid="desk-scroller"]')!.getBoundingClientRect();
    const src = document.querySelector('[data-testid="desk-source"]')!;
    const tgt = document.querySelector('[data-testid="desk-target"]')!;
    const out: string[] = [];
    for (const a of src.querySelectorAll<HTMLElement>('[data-part-id] > [data-block-id], .rk-quote > [data-block-id], [data-part-id] > .rk-part-title, [data-part-id] > .rk-part-head')) {
      const ra = a.getBoundingClientRect();
      if (ra.bottom < scroller.top || ra.top > scroller.bottom) continue;
      const part = a.closest('[data-part-id]')!.getAttribute('data-part-id');
      const id = a.getAttribute('data-block-id');
      const selector = id ? `[data-block-id="${id}"]` : `[data-part-id="${part}"] > .${a.classList.contains('rk-part-title') ? 'rk-part-title' : 'rk-part-head'}`;
      const b = tgt.querySelector<HTMLElement>(selector);
      if (!b) {
        out.push(`${selector}: not in the translation`);
        continue;
      }
      const d = b.getBoundingClientRect().top - ra.top;
      if (Math.abs(d) > 0.5) out.push(`${selector}: ${d.toFixed(2)} px`);
    }
    return out;
  });
}

/** Seed 000 as the CLI's importer reads it (the document, not yet in a library). */
export function seed000Document(dir: string): RDocument {
  const json = join(dir, 'seed000-doc.json');
  const imported = run('import', join(root, '..', 'shared', 'seeds', '000_364a0ca6f4d75822.txt'), '-o', json);
  expect(imported.status, imported.stderr).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as RDocument;
}

/** A report in French with its English translation: the first `translated` rows confirmed, every seventh of them since changed in French. */
export function translatedReport(paragraphs: number, translated: number): RDocument {
  const doc = makeDocument({ paragraphs, words: 45, languages: ['fr', 'en'], seed: 3 });
  const ids = translationRows(doc, 'fr', 'en').map((r) => r.id);
  const done = new Set(ids.slice(0, translated));
  const en = Object.fromEntries(Object.entries(doc.text.en!).filter(([id]) => done.has(id)));
  let out: RDocument = confirmTranslation({ ...doc, text: { fr: doc.text.fr, en }, translation: { source: 'fr', glossary: [] } }, ids.slice(0, translated), 'fr', 'en');
  const fr = { ...out.text.fr };
  ids.slice(0, translated).forEach((id, i) => {
    if (i % 7 === 5) fr[id] = { content: [...fr[id]!.content, { type: 'text', text: ' Phrase ajoutée après la traduction.' }] };
  });
  out = { ...out, text: { ...out.text, fr } };
  return out;
}
