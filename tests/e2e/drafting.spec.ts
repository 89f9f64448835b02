/**
 * Issue 12 (drafting half) in the window, against the browser host on a fresh library each:
 * the metadata form (a French letter from the Chargé(e) d'affaires a.i. of Peru, whose title is
 * seed 004's), the checker's word on a malformed symbol without blocking the save, snapshot →
 * change → compare → restore, finalise → read-only → new draft, import of seed 000 as text and
 * as a DOCX LibreOffice Writer saved, a returned version with its comparison.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, root, test } from './app-host';
import { block, createDossier, expectSaved, screenshot, watchErrors } from './editor-helpers';
import { openPanel, panelTabsProblems } from './workspace-helpers';
import { clippedSelects } from './screen-checks';

const SEEDS = join(root, '..', 'shared', 'seeds');
const SEED_000 = join(SEEDS, '000_364a0ca6f4d75822.txt');
const SEED_004 = join(SEEDS, '004_efe4f574585daaaf.txt');

/** Seed 004's title, as its text has it. */
function seed004Title(): string {
  const m = /^### \*\*(.+)\*\*$/m.exec(readFileSync(SEED_004, 'utf8'));
  return m![1]!;
}

/** Curly and straight apostrophes read alike (the generator writes typographic ones). */
const straight = (s: string) => s.replace(/\u2019/g, "'");

/** LibreOffice Writer saves a text file as .docx (its own profile, so runs do not collide). */
function writerDocx(txt: string, name: string): { path: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-writer-e2e-'));
  const src = join(dir, `${name}.txt`);
  writeFileSync(src, txt);
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--infilter=Text (encoded):UTF8', '--convert-to', 'docx', '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
  return { path: join(dir, `${name}.docx`), dir };
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-file').click();
  await (await chooser).setFiles(path);
}

async function editorTitle(page: Page): Promise<string> {
  // A letter's title is generated from its metadata (the part head above the text).
  return straight((await page.getByTestId('editor').locator('[data-rk="partHead"] .rk-generated-title').first().innerText()).replace(/\s+/g, ' ').trim());
}

test('metadata form: a French letter to the President of the Security Council from the Chargé(e) d’affaires a.i. of Peru has seed 004’s title', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'fr');
  await openPanel(page, 'metadata');
  const form = page.getByTestId('metadata-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('addressee-kind').first()).toHaveValue('president-security-council');
  // An empty date says so in the interface language, not in the browser's « mm/dd/yyyy »; focused, the browser's control takes it.
  await expect(form.getByTestId('meta-letter-date-empty')).toHaveText('No date');
  await form.getByTestId('meta-letter-date').focus();
  await expect(form.getByTestId('meta-letter-date-empty')).toBeHidden();
  await form.getByTestId('meta-letter-date').fill('2019-10-08');
  await expect(form.getByTestId('meta-letter-date-empty')).toHaveCount(0);
  // The date is also written out in the interface language (Chromium draws the picker in the browser's locale).
  await expect(form.getByTestId('meta-letter-date-words')).toHaveText('8 October 2019');
  await page.getByTestId('ui-lang-fr').click();
  await expect(form.getByTestId('meta-letter-date-words')).toHaveText('8 octobre 2019');
  await expect(form.getByTestId('meta-issue-date')).toHaveValue('');
  await expect(form.getByTestId('meta-issue-date-empty')).toHaveText('Aucune date');
  // Every select of the form shows its whole current choice (in French, the longer words), with room for its arrow.
  expect(await clippedSelects(form)).toEqual([]);
  await page.getByTestId('ui-lang-en').click();
  await expect(form.getByTestId('meta-letter-date-words')).toHaveText('8 October 2019');
  const person = form.getByTestId('meta-person').first();
  await person.getByTestId('person-role').selectOption('charge-d-affaires');
  // The States are listed in the interface language; typing the name picks it.
  await person.getByTestId('person-country').fill('Peru');
  await expect(person.getByTestId('person-country')).toHaveAttribute('data-code', 'PER');
  await expect.poll(() => editorTitle(page)).toBe(straight(seed004Title()));

  // Feminine: the title follows the person's grammatical gender as it changes.
  await person.getByTestId('person-gender').selectOption('f');
  await expect.poll(() => editorTitle(page)).toBe(straight(seed004Title()).replace("par le Chargé d'affaires", "par la Chargée d'affaires"));
  // One undo step takes the change back (the metadata is editor state).
  await page.getByTestId('editor').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => editorTitle(page)).toBe(straight(seed004Title()));
  await expect(person.getByTestId('person-gender')).toHaveValue('m');
  await expectSaved(page);
  // Saved: the library lists the new title, typeset as the document is (stored as typed, with "d'affaires").
  await expect(page.getByTestId('dossier-item').first().locator('.dossier-title')).toHaveText(/Chargé d’affaires par intérim de la Mission permanente du Pérou/);
  // …and so does the open dossier's title line, without reopening it.
  await expect(page.getByTestId('dossier-title')).toContainText(/Chargé d’affaires par intérim de la Mission permanente du Pérou/);
  await screenshot(page, 'drafting-metadata-en');
  expect(errors).toEqual([]);
});

test('a malformed symbol shows the checker’s message and the draft is saved anyway', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'fr');
  await openPanel(page, 'metadata');
  const symbol = page.getByTestId('meta-symbol-0');
  await symbol.fill('S/ 2026/1012');
  await expect(page.getByTestId('meta-symbol-0-note')).toContainText(/S\/ 2026\/1012/);
  await expectSaved(page);
  // The checks panel says it too, from the text in the editor.
  await openPanel(page, 'checks');
  await expect(page.locator('[data-testid="finding"][data-code="symbol-malformed"]')).toHaveCount(1, { timeout: 20_000 });
  await screenshot(page, 'drafting-checks-en');
  // Stored as typed: after a reload the stored text holds it.
  await page.reload();
  await openPanel(page, 'metadata');
  await expect(page.getByTestId('meta-symbol-0')).toHaveValue('S/ 2026/1012');
  expect(errors).toEqual([]);
});

test('snapshot, change a word, compare (the word is marked), restore the snapshot', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'en');
  const editor = page.getByTestId('editor');
  await editor.locator('[data-rk="paragraph"] .rk-placeholder').first().click();
  await page.keyboard.type('I have the honour to transmit the summary of the debate.');
  const typed = block(editor, 'I have the honour');
  await expect(typed).toBeVisible();
  const para = editor.locator(`[data-block-id="${await typed.getAttribute('data-block-id')}"]`);
  await expectSaved(page);
  await openPanel(page, 'history');
  await page.getByTestId('snapshot-name').fill('Before the change');
  await page.getByTestId('snapshot-take').click();
  const named = page.locator('[data-testid="revision"][data-reason="named"]');
  await expect(named).toHaveCount(1);
  await expect(named.getByTestId('revision-kind')).toContainText('Before the change');

  // Change one word: "honour" → "privilege".
  await para.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('honour');
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 'honour'.length);
        const s = getSelection()!;
        s.removeAllRanges();
        s.addRange(r);
        return;
      }
    }
  });
  await page.keyboard.type('privilege');
  await expect(para).toContainText('I have the privilege');
  await expectSaved(page);

  await named.getByTestId('revision-compare').click();
  const view = page.getByTestId('compare-view');
  await expect(view).toBeVisible();
  const changed = view.locator('[data-testid="compare-block"][data-op="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed.locator('del')).toHaveText('honour');
  await expect(changed.locator('ins')).toHaveText('privilege');
  await screenshot(page, 'drafting-compare-en');

  // Restore the snapshot: a new revision, and the word is back; nothing was lost (the changed text is a revision too).
  await page.getByTestId('compare-back').click();
  await openPanel(page, 'history');
  await named.getByTestId('revision-restore').click();
  await page.getByTestId('restore-dialog-confirm').click();
  await expect(block(page.getByTestId('editor'), 'I have the')).toContainText('I have the honour');
  await openPanel(page, 'history');
  await expect(page.locator('[data-testid="revision"][data-reason="restore"]')).toHaveCount(1);
  await screenshot(page, 'drafting-history-en');
  expect(errors).toEqual([]);
});

test('finalise: the dossier opens read-only; a new draft from it is editable and the finalised revision stays locked', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDossier(page, 'letter', 'fr');
  await page.getByTestId('finalise-open').click();
  const dialog = page.getByTestId('finalise-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('finalise-errors')).toBeVisible();
  await dialog.getByTestId('finalise-name').fill('Signée par la Chargée d’affaires');
  await dialog.getByTestId('finalise-dialog-confirm').click();
  const view = page.getByTestId('dossier-view');
  await expect(view).toHaveAttribute('data-mode', 'read');
  await expect(page.getByTestId('finalised-banner')).toContainText('Signée par la Chargée d’affaires');
  await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'false');
  await expect(page.getByTestId('finalise-open')).toHaveCount(0);
  await screenshot(page, 'drafting-finalised-en');

  // Opened again (a reload): still read-only.
  await page.reload();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-mode', 'read');

  await page.getByTestId('new-draft').click();
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-mode', 'edit');
  await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'true');
  await openPanel(page, 'history');
  await expect(page.locator('[data-testid="revision"][data-locked="true"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="revision"][data-reason="restore"]')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('import seed 000 as text and as a DOCX LibreOffice Writer saved from it; the unsure items are marked at their blocks', async ({ page, appHost }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const docx = writerDocx(readFileSync(SEED_000, 'utf8'), 'seed000');
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-import-e2e-'));
  try {
    const txt = join(dir, 'seed000.txt');
    copyFileSync(SEED_000, txt);
    await page.goto(appHost.url);
    // Shown with the typographic apostrophe the export prints (the seed types it straight).
    const title = 'Lettre datée du 13 février 2017, adressée au Président du Conseil de sécurité par le Représentant permanent du Sénégal auprès de l’Organisation des Nations Unies';
    for (const file of [txt, docx.path]) {
      await importFile(page, file);
      const notes = page.getByTestId('import-notes');
      await expect(notes).toBeVisible();
      await expect(page.getByTestId('dossier-title')).toContainText(title);
      const table = notes.locator('[data-testid="import-note"][data-code="table-rebuilt"]');
      await expect(table).toHaveCount(1);
      // Marked at its block in the editor.
      await expect(page.getByTestId('editor').locator('[data-import-note]').first()).toBeVisible();
      await screenshot(page, `drafting-import-${file.endsWith('.docx') ? 'docx' : 'txt'}-en`);
    }
    await expect(page.getByTestId('dossier-item')).toHaveCount(2);
    // Seven panels (the import notes among them): their tabs in one row in both interface languages, walked with the arrows.
    await expect(page.getByRole('tablist').getByRole('tab')).toHaveCount(7);
    for (const lang of ['fr', 'en'] as const) {
      await page.getByTestId(`ui-lang-${lang}`).click();
      await expect(page.getByTestId(`ui-lang-${lang}`)).toHaveAttribute('aria-pressed', 'true');
      expect(await panelTabsProblems(page), lang).toEqual([]);
      await screenshot(page, `drafting-import-tabs-${lang}`);
    }
    // A file that is not a document: one line, nothing created.
    const bad = join(dir, 'scan.pdf');
    writeFileSync(bad, '%PDF-1.4');
    await importFile(page, bad);
    await expect(page.getByTestId('library').locator('.library-error')).toContainText('scan.pdf');
    await expect(page.getByTestId('dossier-item')).toHaveCount(2);
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(docx.dir, { recursive: true, force: true });
  }
});

test('import a returned version: a new revision, and the comparison with the draft opens, with the file’s comment kept as a note', async ({ page, appHost }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const seed = readFileSync(SEED_004, 'utf8');
  expect(seed).toContain('tenu le 10 juillet 2019');
  const written = writerDocx(seed.replace('tenu le 10 juillet 2019', 'tenu le mercredi 10 juillet 2019'), 'written');
  // the reviewer's comment, added in LibreOffice (Python UNO bridge)
  const returned = { path: join(written.dir, 'returned.docx'), dir: written.dir };
  writeFileSync(join(written.dir, 'edits.json'), JSON.stringify([{ comment: 'Confirm the day.', on: 'tenu le mercredi' }]));
  execFileSync('/usr/bin/python3', [join(root, 'tests/integration/import/track-changes.py'), written.path, returned.path, 'Jean Dupont', join(written.dir, 'edits.json')], { stdio: 'ignore', timeout: 120_000 });
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-import-e2e-'));
  try {
    const txt = join(dir, 'seed004.txt');
    copyFileSync(SEED_004, txt);
    await page.goto(appHost.url);
    await importFile(page, txt);
    await expect(page.getByTestId('dossier-title')).toContainText('Pérou');
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-returned').click();
    await (await chooser).setFiles(returned.path);
    const view = page.getByTestId('compare-view');
    await expect(view).toBeVisible({ timeout: 30_000 });
    const changed = view.locator('[data-testid="compare-block"][data-op="changed"]');
    await expect(changed).toHaveCount(1);
    await expect(changed.locator('ins')).toContainText('mercredi');
    await expect(view.locator('.compare-note')).toContainText('1 comment in the file kept as a note on its block.');
    await expect(view.getByTestId('compare-note')).toHaveText([/^note by Jean Dupont, \d{4}-\d{2}-\d{2}: Confirm the day\. \(on “tenu le mercredi”\)$/]);
    await screenshot(page, 'drafting-returned-en');
    await page.getByTestId('compare-back').click();
    await expect(page.getByTestId('editor')).toContainText('tenu le mercredi 10 juillet 2019');
    await openPanel(page, 'history');
    await expect(page.locator('[data-testid="revision"][data-reason="named"]')).toHaveCount(2);
    // The comment in the editor's Comments panel: who, what; go to its block; resolve it; kept after a reload.
    await openPanel(page, 'notes');
    const note = page.getByTestId('note');
    await expect(note).toHaveCount(1);
    await expect(note.getByTestId('note-author')).toHaveText('Jean Dupont');
    await expect(note.getByTestId('note-text')).toHaveText('Confirm the day.');
    await expect(note).toHaveAttribute('data-resolved', 'false');
    await screenshot(page, 'drafting-notes-en');
    await note.getByTestId('note-jump').click();
    await expect(page.locator('.rk-block:focus-within, .rk-block.flash').first()).toContainText('tenu le mercredi');
    await note.getByTestId('note-resolve').click();
    await expect(note).toHaveAttribute('data-resolved', 'true');
    await expectSaved(page);
    await page.reload();
    await openPanel(page, 'notes');
    await expect(page.getByTestId('note')).toHaveAttribute('data-resolved', 'true');
    await expect(page.getByTestId('note').getByTestId('note-text')).toHaveText('Confirm the day.');
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(returned.dir, { recursive: true, force: true });
  }
});
