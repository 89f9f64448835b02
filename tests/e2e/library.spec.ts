/**
 * The library in real Chromium against the loopback HTTP host (scripts/serve-app.ts) with a REAL
 * store in a fresh temporary folder per test (tests/e2e/app-host.ts): create a document from a
 * template, see it in the list, find it by a word typed without accents, see the checker's
 * findings and jump to one, trash and untrash it, switch the interface language. Waits on the
 * app's own state (data attributes, text), never on sleeps.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, root, test } from './app-host';
import { createDossier } from './editor-helpers';
import { openPanel } from './workspace-helpers';

/** Console errors and uncaught exceptions, asserted empty at the end of each test that uses it. */
/**
 * The checks panel's summary, each count with its noun agreeing with it (« 1 erreur », « 4 erreurs »;
 * French takes the singular for 0 and 1, English for 1 only): never « erreur(s) ».
 */
async function expectSummaryAgrees(page: Page, nouns: readonly [string, string][], singularZero: boolean) {
  const text = (await page.getByTestId('findings-summary').textContent()) ?? '';
  const parts = text.split(', ');
  expect(parts, text).toHaveLength(nouns.length);
  nouns.forEach(([one, other], i) => {
    const m = /^(\d+) (.+)$/.exec(parts[i]!);
    expect(m, text).not.toBeNull();
    const n = Number(m![1]);
    expect(m![2], text).toBe(n === 1 || (singularZero && n === 0) ? one : other);
  });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(join(root, 'test-results', 'screenshots'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results', 'screenshots', `${name}.png`) });
}

/** Creates a dossier from the form (createDossier waits for the new one), which the list then holds. */
async function createDocument(page: Page, kind: string, lang: 'fr' | 'en'): Promise<string> {
  const before = await page.getByTestId('dossier-item').count();
  const id = await createDossier(page, kind, lang);
  await expect(page.getByTestId('dossier-item')).toHaveCount(before + 1);
  return id;
}

test('creates a document from a template, lists it, finds it without accents and shows the checker’s findings', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const library = page.getByTestId('library');
  await expect(library.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(page.getByTestId('library-empty')).toHaveText('No drafts yet.');

  const id = await createDocument(page, 'concept-note', 'fr');
  // Opened in the preview, in its language.
  const doc = page.getByTestId('document');
  await expect(doc).toHaveAttribute('data-kind', 'concept-note');
  await expect(doc).toHaveAttribute('data-lang', 'fr');
  await expect(doc).toContainText('Conseil de sécurité');
  // Listed, with its kind and when it changed.
  const item = page.getByTestId('dossier-item');
  await expect(item).toHaveAttribute('data-id', id);
  await expect(item).toHaveAttribute('aria-current', 'true');
  await expect(item.getByTestId('dossier-kind')).toHaveText('Concept note');
  await expect(item).toContainText(/Updated \d{1,2} \w{3} \d{4}/);

  // Found by a word typed without accents, with a snippet marking « sécurité ».
  await page.getByTestId('library-search').fill('securite');
  const results = page.getByTestId('search-results');
  await expect(results).toHaveAttribute('data-query', 'securite');
  const hit = results.getByTestId('search-hit');
  await expect(hit).toHaveCount(1);
  await expect(hit).toHaveAttribute('data-id', id);
  await expect(hit.locator('mark').first()).toHaveText(/^sécurité$/i);
  await page.getByTestId('library-search').fill('introuvable');
  await expect(results).toHaveAttribute('data-query', 'introuvable');
  await expect(results.getByTestId('search-hit')).toHaveCount(0);
  await expect(results).toContainText('Nothing found for “introuvable”.');
  await page.getByTestId('library-search').fill('');
  await expect(results).toHaveCount(0);

  // The checker's findings for the open dossier (its Checks panel): the template's placeholders are errors.
  await openPanel(page, 'checks');
  const findings = page.getByTestId('findings');
  await expect(findings).toHaveAttribute('data-ready', 'true');
  await expect(findings.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await expect(findings.getByTestId('findings-summary')).toHaveText(/^\d+ errors?, \d+ warnings?, \d+ notes?$/);
  await expectSummaryAgrees(page, [['error', 'errors'], ['warning', 'warnings'], ['note', 'notes']], false);
  const placeholder = findings.locator('[data-testid="finding"][data-code="placeholder-left"]');
  expect(await placeholder.count()).toBeGreaterThan(1);
  await expect(placeholder.first()).toHaveAttribute('data-severity', 'error');
  await expect(placeholder.first().getByRole('img', { name: 'error' })).toBeVisible();
  await expect(placeholder.first()).toContainText('Template text left in place');

  // Clicking the last placeholder finding scrolls the editor to its block, which is marked.
  const last = placeholder.last();
  await last.locator('button').click();
  const focused = doc.locator(`.flash`);
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('data-finding', 'error');
  await expect(focused).toBeInViewport();
  await expect(focused).toHaveClass(/flash/);
  // The marks leave the labels in place (a label is its block's ::before) and frame the placeholders.
  const marked = await doc.locator('[data-finding][data-label]').evaluateAll((els) =>
    els.map((el) => ({ label: el.getAttribute('data-label'), shown: getComputedStyle(el, '::before').content, frame: [...el.querySelectorAll('.rk-placeholder')].map((p) => getComputedStyle(p).boxShadow) })),
  );
  expect(marked.length).toBeGreaterThan(1);
  for (const m of marked) expect(m.shown).toBe(JSON.stringify(m.label));
  expect(marked.flatMap((m) => m.frame).filter((f) => f.includes('179, 38, 30'))).not.toHaveLength(0);
  await screenshot(page, 'library-findings');

  // The app and the command line open the same library: the CLI sees the dossier.
  const cli = spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', appHost.dataDir, 'list'], { cwd: root, encoding: 'utf8' });
  expect(cli.stderr).toBe('');
  expect(cli.stdout).toMatch(new RegExp(`^${id}\\t.*\\tconcept-note\\tfr\\t`));

  expect(errors).toEqual([]);
});

test('trash and untrash: the dossier leaves the list and comes back', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  const keep = await createDocument(page, 'letter', 'en');
  const gone = await createDocument(page, 'annual-report', 'fr');
  const list = page.getByTestId('dossier-list');
  await expect(list.getByTestId('dossier-item')).toHaveCount(2);

  await page.getByTestId('library-search').fill('Groupe de travail');
  await expect(page.getByTestId('search-results')).toHaveAttribute('data-query', 'Groupe de travail');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toHaveAttribute('data-id', gone);
  await screenshot(page, 'library-search');

  // Trashing the open dossier closes it; it leaves the list and the search results.
  await expect(page.getByTestId('dossier-view')).toHaveAttribute('data-id', gone);
  await list.locator(`[data-id="${gone}"]`).getByTestId('dossier-trash').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(1);
  await expect(list.getByTestId('dossier-item')).toHaveAttribute('data-id', keep);
  await expect(page.getByTestId('dossier-view')).toHaveCount(0);
  await expect(page.getByTestId('search-hit')).toHaveCount(0);
  await page.getByTestId('library-search').fill('');

  await page.getByTestId('library-view-trash').click();
  await expect(list).toHaveAttribute('data-view', 'trash');
  await expect(list.getByTestId('dossier-item')).toHaveCount(1);
  await expect(list.getByTestId('dossier-item')).toHaveAttribute('data-id', gone);
  await list.getByTestId('dossier-untrash').click();
  await expect(list.getByTestId('dossier-item')).toHaveCount(0);
  await expect(page.getByTestId('library-empty')).toHaveText('The trash is empty.');

  await page.getByTestId('library-view-drafts').click();
  await expect(list).toHaveAttribute('data-view', 'drafts');
  await expect(list.getByTestId('dossier-item')).toHaveCount(2);
  await expect(list.locator(`[data-id="${gone}"]`)).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('switching the interface language changes the panel’s strings, and the choice is kept in the library', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  await page.goto(appHost.url);
  await createDocument(page, 'concept-note', 'fr');
  const library = page.getByTestId('library');
  await openPanel(page, 'checks');
  const findings = page.getByTestId('findings');
  await expect(findings).toHaveAttribute('data-ready', 'true');
  await expect(library.getByRole('heading', { name: 'Library' })).toBeVisible();
  await expect(library.getByRole('heading', { name: 'New document' })).toBeVisible();
  await expect(page.getByTestId('new-create')).toHaveText('Create');
  await expect(page.getByTestId('dossier-kind')).toHaveText('Concept note');
  await expect(findings.locator('[data-code="placeholder-left"]').first()).toContainText('Template text left in place');

  await page.getByTestId('ui-lang-fr').click();
  await expect(library.getByRole('heading', { name: 'Bibliothèque' })).toBeVisible();
  await expect(library.getByRole('heading', { name: 'Nouveau document' })).toBeVisible();
  await expect(page.getByTestId('new-create')).toHaveText('Créer');
  await expect(page.getByTestId('library-view-drafts')).toHaveText('Projets');
  await expect(page.getByTestId('library-view-trash')).toHaveText('Corbeille');
  await expect(page.getByTestId('library-search')).toHaveAttribute('placeholder', 'Mots à trouver, par exemple sécurité');
  await expect(page.getByTestId('dossier-kind')).toHaveText('Note de cadrage');
  await expect(page.getByTestId('dossier-item')).toContainText(/Modifié le \d{1,2} \S+ \d{4}/);
  // The checker's findings are worded in the interface language.
  await expect(findings.getByRole('heading', { name: 'Vérifications' })).toBeVisible();
  await expect(findings.getByTestId('findings-summary')).toHaveText(/^\d+ erreurs?, \d+ avertissements?, \d+ remarques?$/);
  await expectSummaryAgrees(page, [['erreur', 'erreurs'], ['avertissement', 'avertissements'], ['remarque', 'remarques']], true);
  await expect(findings.locator('[data-code="placeholder-left"]').first()).toContainText('Texte du modèle laissé en place\u00a0: «\u00a0');
  await expect(findings.locator('[data-code="placeholder-left"]').first().getByRole('img', { name: 'erreur' })).toBeVisible();

  await screenshot(page, 'library-fr');

  // Kept in the store's settings: a reload starts in French.
  await page.reload();
  await expect(page.getByTestId('library').getByRole('heading', { name: 'Bibliothèque' })).toBeVisible();
  await expect(page.getByTestId('ui-lang-fr')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('a French title is listed typeset, with French spacing by the settings (the store keeps it as typed); the open dossier’s header follows its own setting', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-title-e2e-'));
  try {
    const file = join(dir, 'bilan.txt');
    writeFileSync(file, "Bilan de l'année : quelles priorités ?\n\nLe Groupe de travail s'est réuni trois fois en 2026.\n");
    await page.goto(appHost.url);
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('import-file').click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('dossier-item')).toHaveCount(1);
    // Read raw: Playwright's text assertions fold no-break spaces into ordinary ones.
    const listed = () => page.getByTestId('dossier-item').first().locator('.dossier-title').evaluate((e) => e.textContent ?? '');
    const header = () => page.getByTestId('dossier-title').evaluate((e) => e.textContent ?? '');
    // New York practice (the default): a no-break space before the colon, a narrow one before the question mark.
    const typeset = 'Bilan de l’année\u00a0: quelles priorités\u202f?';
    await expect.poll(listed).toBe(typeset);
    await expect.poll(header).toContain(typeset);

    await page.getByTestId('settings-open').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByTestId('settings-spacing').selectOption('off');
    await dialog.getByTestId('settings-dialog-confirm').click();
    await expect(dialog.getByTestId('settings-status')).not.toBeEmpty();
    await dialog.getByTestId('settings-dialog-cancel').click();
    await expect(dialog).toHaveCount(0);
    // Listed with the spacing as typed now (the apostrophe still typographic); the open document keeps its own setting.
    await expect.poll(listed).toBe('Bilan de l’année : quelles priorités ?');
    expect(await header()).toContain(typeset);
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('another page cannot drive the host; this page without the token is refused', async ({ page, appHost }) => {
  // A page of another origin (the plain renderer server of the shell tests, another port).
  const other = process.env['RAPPORTEUR_E2E_URL'];
  if (!other) throw new Error('RAPPORTEUR_E2E_URL is not set: the global setup did not run');
  await page.goto(other);
  const fromElsewhere = await page.evaluate(async (api) => {
    try {
      const r = await fetch(`${api}api/dossier.create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Rapporteur-Token': 'guessed' },
        body: JSON.stringify({ input: { kind: 'letter', lang: 'fr' } }),
      });
      return `answered ${r.status}`;
    } catch (e) {
      return `refused: ${String(e)}`;
    }
  }, appHost.url);
  expect(fromElsewhere).toMatch(/^refused: TypeError/);

  // The app's own origin, without the token: 403, nothing created.
  await page.goto(appHost.url);
  await expect(page.getByTestId('library-empty')).toBeVisible();
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/dossier.create', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ input: { kind: 'letter', lang: 'fr' } }) });
    return r.status;
  });
  expect(status).toBe(403);
  await page.reload();
  await expect(page.getByTestId('library-empty')).toHaveText('No drafts yet.');
});

test('a document brought in with the CLI (seed 003, joint GA/SC) opens with its joint masthead', async ({ page, appHost }) => {
  const errors = watchErrors(page);
  const cli = (...args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), ...args], { cwd: root, encoding: 'utf8' });
  const json = join(appHost.dataDir, 'seed003.json');
  const imported = cli('import', join(root, '..', 'shared', 'seeds', '003_d0dffa28260b33da.txt'), '-o', json);
  expect(imported.status, imported.stderr).toBe(0);
  const added = cli('db', '--data-dir', appHost.dataDir, 'import', json);
  expect(added.status, added.stderr).toBe(0);
  const id = added.stdout.trim();

  await page.goto(appHost.url);
  const item = page.locator(`[data-testid="dossier-item"][data-id="${id}"]`);
  await expect(item.getByTestId('dossier-kind')).toHaveText('Seminar report');
  await item.locator('.dossier-open').click();
  const doc = page.getByTestId('document');
  await expect(doc).toHaveAttribute('data-lang', 'fr');
  const sessions = doc.getByTestId('masthead-sessions');
  await expect(sessions).toContainText('Assemblée générale');
  await expect(sessions).toContainText('Soixante-quatrième session');
  await expect(sessions).toContainText('Points 10 et 33 de l’ordre du jour');
  await expect(sessions).toContainText('Soixante-cinquième année');
  await expect(doc.locator('[data-part-kind="annex"] .rk-part-heading').first()).toContainText('Annexe I à la lettre datée du 22 juillet 2010');
  await screenshot(page, 'library-joint-masthead');
  expect(errors).toEqual([]);
});
