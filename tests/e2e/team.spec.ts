/**
 * Issue 15, Done means: two browser hosts, each on a library of its own, and the real team server
 * (`npm run server`, the editor's own mapping) on a throwaway PostgreSQL cluster. Aminata joins
 * the server and shares a French annual report; Bruno joins it through the invitation she makes
 * in the Team panel. Each types in a different paragraph and both screens converge (same words,
 * same labels), then Aminata's connection is cut (a TCP relay between her page and the server,
 * stopped): both go on editing, each adding a paragraph (labels shift differently on each
 * screen), and her window is reloaded while offline (the library's copy brings her offline text
 * back before any connection); the relay comes back and every edit of both is on both screens,
 * numbered right, and in each library's own copy (the CLI reads it). Presence: each sees the
 * other in the Team panel, the other's named caret in the page, and where they are in the
 * outline. Undo is Yjs's: Bruno's takes back his own words only. A second test: a wrong
 * invitation and a revoked token (on the live connection and on a share), each refused with a
 * clear sentence; while refused, the editor stays writable and the panel says its edits are kept
 * on this computer until a valid invitation is entered.
 *
 * Every action has its own timeout and acts only on a block it has first seen exist; on a
 * failure both pages are photographed (test-results/screenshots/team-*.png).
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, launchAppHost, test } from './app-host';
import { blockWords, cli, createDossier, expectSaved, labels, part, screenshot, settle, watchErrors } from './editor-helpers';
import { openPanel } from './workspace-helpers';
import { startRelay } from './team-server';
import { ACT, connection, join, newPage, SLOW, twoPeople, useTeamServer } from './team-helpers';

const server = useTeamServer();

/** The paragraph labelled `label` in the report's body, once it exists (one of it). */
async function paragraph(page: Page, label: string): Promise<Locator> {
  const p = part(page, 1).locator(`[data-rk="paragraph"][data-label="${label}"]`);
  await expect(p, `paragraph ${label} on the page`).toHaveCount(1, ACT);
  return p;
}

/** Types at the end of the paragraph holding `words` (checked to exist first). */
async function typeAfter(page: Page, words: string, keys: string, enter = false): Promise<void> {
  const p = part(page, 1).locator('[data-rk="paragraph"]', { hasText: words });
  await expect(p, `a paragraph with “${words}”`).toHaveCount(1, ACT);
  await p.click(ACT);
  await page.keyboard.press('End');
  await settle(page);
  if (enter) await page.keyboard.press('Enter');
  await page.keyboard.type(keys);
}

/**
 * Ends the Yjs undo manager's current step now (Lexical publishes it on the editor for this),
 * rather than waiting out its capture window: what is typed next is an undo step of its own.
 */
async function undoBoundary(page: Page): Promise<void> {
  await page.getByTestId('editor').evaluate((el) => {
    const editor = (el as unknown as { __lexicalEditor: Record<symbol, { stopCapturing: () => void } | undefined> }).__lexicalEditor;
    const manager = editor[Symbol.for('@lexical/yjs/UndoManager')];
    if (!manager) throw new Error('no Yjs undo manager on the editor');
    manager.stopCapturing();
  });
}

/** Both screens show the same words and the same labels. */
async function converged(a: Page, b: Page): Promise<{ words: string[]; labels: string[] }> {
  const editor = (p: Page) => p.getByTestId('editor');
  await expect
    .poll(async () => JSON.stringify([await blockWords(editor(a)), await labels(editor(a))]) === JSON.stringify([await blockWords(editor(b)), await labels(editor(b))]), { timeout: 20_000, message: 'the two screens converge' })
    .toBe(true);
  return { words: await blockWords(editor(a)), labels: await labels(editor(a)) };
}

test('two windows on one shared report: live, one offline, reconnected: every edit of both, numbered right; presence', async ({ browser }) => {
  test.setTimeout(240_000);
  const relay = await startRelay(server().port);
  try {
    await twoPeople(browser, ['team-failure-aminata', 'team-failure-bruno'], async (a, b, [hostA, hostB]) => {
      const errors = [...watchErrors(a), ...watchErrors(b)];

      // Aminata: her own report, then the team (through the relay), then "Share with the team".
      const idA = await createDossier(a, 'annual-report', 'fr');
      await join(a, relay.url, server().invite('Aminata Diallo'), 'Aminata Diallo');
      await expect(a.getByTestId('dossier-view')).toBeVisible(SLOW);
      await openPanel(a, 'team');
      await a.getByTestId('team-share').click(ACT);
      await connection(a, 'connected');
      // Her invitation for Bruno, made in the Team panel.
      await a.getByTestId('team-role').selectOption('editor', ACT);
      await a.getByTestId('team-invite').click(ACT);
      const code = (await a.getByTestId('team-invite-code').textContent(ACT))!.trim();
      expect(code).toMatch(/^rpi_/);

      // Bruno: the invitation brings the dossier into his library and opens it.
      await join(b, server().url, code, 'Bruno Martin');
      await expect(b.getByTestId('dossier-view')).toBeVisible(SLOW);
      await connection(b, 'connected');
      await expect(part(b, 1).locator('[data-rk="paragraph"]').first()).toBeVisible(SLOW);
      const before = await converged(a, b);
      expect(before.labels.slice(0, 8)).toEqual(['I.', '1.', '2.', 'II.', '3.', 'a)', 'b)', 'A.']);

      // Live: each in a different paragraph.
      await (await paragraph(a, '1.')).locator('.rk-placeholder').first().click(ACT);
      await a.keyboard.type('Texte d’Aminata.');
      await (await paragraph(b, '5.')).locator('.rk-placeholder').first().click(ACT);
      await b.keyboard.type('Texte de Bruno.');
      // A paragraph inserted by Aminata: Bruno's becomes 6 on both screens.
      await typeAfter(a, 'Texte d’Aminata.', 'Paragraphe ajouté par Aminata.', true);
      await expect(part(b, 1).locator('[data-rk="paragraph"]', { hasText: 'Texte de Bruno.' })).toHaveAttribute('data-label', '6.', SLOW);
      const live = await converged(a, b);
      expect(live.words.join('\n')).toContain('Texte d’Aminata.');
      expect(live.words.join('\n')).toContain('Paragraphe ajouté par Aminata.');
      expect(live.words.join('\n')).toContain('Texte de Bruno.');

      // Aminata's connection is cut; both go on editing, each adding a paragraph.
      await relay.cut();
      await connection(a, 'offline');
      await typeAfter(a, 'Paragraphe ajouté par Aminata.', 'Écrit hors ligne par Aminata.', true);
      await typeAfter(b, 'Texte de Bruno.', ' Complété par Bruno.');
      await typeAfter(b, 'Complété par Bruno.', 'Nouveau paragraphe de Bruno.', true);
      await expect(part(a, 1).locator('[data-rk="paragraph"]', { hasText: 'Texte de Bruno.' })).toHaveAttribute('data-label', '7.', ACT);
      await expect(part(b, 1).locator('[data-rk="paragraph"]', { hasText: 'Nouveau paragraphe de Bruno.' })).toHaveAttribute('data-label', '7.', ACT);
      await expect(part(b, 1)).not.toContainText('Écrit hors ligne par Aminata.', ACT);
      await expect(part(a, 1)).not.toContainText('Nouveau paragraphe de Bruno.', ACT);
      // Still offline, Aminata's window is reloaded: the library's copy is applied before connecting,
      // so her offline paragraph is on screen again, and she goes on writing.
      await expectSaved(a);
      await a.reload();
      await connection(a, 'offline');
      await expect(part(a, 1).locator('[data-rk="paragraph"]', { hasText: 'Écrit hors ligne par Aminata.' })).toHaveAttribute('data-label', '3.', SLOW);
      await typeAfter(a, 'Écrit hors ligne par Aminata.', ' Après rechargement.');

      // Back: every edit of both, on both screens, numbered right.
      await relay.restore();
      await connection(a, 'connected');
      const after = await converged(a, b);
      const all = after.words.join('\n');
      for (const words of ['Texte d’Aminata.', 'Paragraphe ajouté par Aminata.', 'Écrit hors ligne par Aminata. Après rechargement.', 'Texte de Bruno. Complété par Bruno.', 'Nouveau paragraphe de Bruno.']) expect(all).toContain(words);
      for (const page of [a, b]) {
        const body = part(page, 1);
        await expect(body.locator('[data-rk="paragraph"]', { hasText: 'Texte d’Aminata.' })).toHaveAttribute('data-label', '1.', ACT);
        await expect(body.locator('[data-rk="paragraph"]', { hasText: 'Paragraphe ajouté par Aminata.' })).toHaveAttribute('data-label', '2.', ACT);
        await expect(body.locator('[data-rk="paragraph"]', { hasText: 'Écrit hors ligne par Aminata.' })).toHaveAttribute('data-label', '3.', ACT);
        await expect(body.locator('[data-rk="paragraph"]', { hasText: 'Texte de Bruno.' })).toHaveAttribute('data-label', '7.', ACT);
        await expect(body.locator('[data-rk="paragraph"]', { hasText: 'Nouveau paragraphe de Bruno.' })).toHaveAttribute('data-label', '8.', ACT);
      }

      // Each library keeps the text as a local revision, as any dossier's autosave does.
      const idB = (await b.getByTestId('dossier-view').getAttribute('data-id'))!;
      for (const [page, host, id] of [[a, hostA, idA], [b, hostB, idB]] as const) {
        await expectSaved(page);
        const shown = cli(host.dataDir, 'show', id);
        expect(shown.status, shown.stderr).toBe(0);
        for (const words of ['Écrit hors ligne par Aminata.', 'Complété par Bruno.', 'Nouveau paragraphe de Bruno.']) expect(shown.stdout).toContain(words);
      }

      // Presence: each is listed in the other's Team panel, and the other's caret carries their name.
      await typeAfter(a, 'Texte d’Aminata.', '');
      await typeAfter(b, 'Nouveau paragraphe de Bruno.', '');
      await expect(a.getByTestId('team-peer').first()).toHaveAttribute('data-name', 'Bruno Martin', SLOW);
      await expect(b.getByTestId('team-peer').first()).toHaveAttribute('data-name', 'Aminata Diallo', SLOW);
      // No ghost of her window before the reload: one Aminata in Bruno's list.
      await expect(b.getByTestId('team-peer')).toHaveCount(1, SLOW);
      await expect(a.locator('.rk-cursors')).toContainText('Bruno Martin', SLOW);
      await expect(b.locator('.rk-cursors')).toContainText('Aminata Diallo', SLOW);
      // Each window shows the other's caret for the pictures: Aminata's scrolled to Bruno's paragraph.
      await part(a, 1).locator('[data-rk="paragraph"]', { hasText: 'Nouveau paragraphe de Bruno.' }).scrollIntoViewIfNeeded(ACT);
      await part(b, 1).locator('[data-rk="paragraph"]', { hasText: 'Texte d’Aminata.' }).scrollIntoViewIfNeeded(ACT);
      await screenshot(a, 'team-aminata');
      await screenshot(b, 'team-bruno');
      await sideBySide(browser, a, b, 'team-side-by-side');
      // The outline shows where each person is: Aminata's caret is in paragraph 1, under I. Introduction.
      await openPanel(b, 'outline');
      await expect(b.locator('[data-testid="outline-entry"][data-type="heading"]', { hasText: 'Introduction' }).getByTestId('outline-person')).toHaveAttribute('data-name', 'Aminata Diallo', SLOW);
      await openPanel(a, 'outline');
      // Bruno's, in paragraph 8, under A. (the first thematic meeting).
      await expect(a.locator('[data-testid="outline-entry"][data-type="heading"]', { hasText: 'Titre de la réunion thématique' }).first().getByTestId('outline-person')).toHaveAttribute('data-name', 'Bruno Martin', SLOW);
      await sideBySide(browser, a, b, 'team-side-by-side-outline');
      // History is Yjs's: Bruno's undo takes back his own last words only, on both screens.
      await undoBoundary(b);
      await typeAfter(b, 'Nouveau paragraphe de Bruno.', ' À annuler.');
      await expect(part(a, 1)).toContainText('À annuler.', SLOW);
      await undoBoundary(b);
      await b.keyboard.press('Control+z');
      await expect(part(a, 1)).not.toContainText('À annuler.', SLOW);
      await expect(part(b, 1)).not.toContainText('À annuler.', ACT);
      expect((await converged(a, b)).words.join('\n')).toContain('Écrit hors ligne par Aminata. Après rechargement.');
      expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
    });
  } finally {
    await relay.close();
  }
});

/** The two windows side by side in one picture (test-results/screenshots/<name>.png). */
async function sideBySide(browser: Browser, a: Page, b: Page, name: string): Promise<void> {
  const [pa, pb] = await Promise.all([a.screenshot(), b.screenshot()]);
  const page = await browser.newPage({ viewport: { width: 3400, height: 900 } });
  await page.setContent(`<body style="margin:0;display:flex"><img style="width:1700px" src="data:image/png;base64,${pa.toString('base64')}"><img style="width:1700px" src="data:image/png;base64,${pb.toString('base64')}"></body>`);
  await screenshot(page, name);
  await page.close();
}

test('a wrong invitation and a revoked token are refused with a clear sentence (Settings, Team panel)', async ({ browser }) => {
  test.setTimeout(120_000);
  const host = await launchAppHost();
  let page: Page | undefined;
  try {
    page = await newPage(browser, host.url);
    await createDossier(page, 'concept-note', 'en');
    // A wrong invitation first: one sentence in Settings, nothing stored.
    await page.getByTestId('settings-open').click(ACT);
    const team = page.getByTestId('settings-team');
    await team.getByTestId('team-server').fill(server().url, ACT);
    await team.getByTestId('team-code').fill(`rpi_${'x'.repeat(43)}`, ACT);
    await team.getByTestId('team-name').fill('Chloé Dubois', ACT);
    await team.getByTestId('team-connect').click(ACT);
    await expect(team.getByTestId('team-settings-error')).toContainText('This invitation is not known to this server.', ACT);
    await expect(team.getByTestId('team-status')).toHaveCount(0, ACT);
    await page.getByTestId('settings-dialog-cancel').click(ACT);

    await join(page, server().url, server().invite('Chloé Dubois'), 'Chloé Dubois');
    await expect(page.getByTestId('dossier-view')).toBeVisible(SLOW);
    await openPanel(page, 'team');
    await page.getByTestId('team-share').click(ACT);
    await connection(page, 'connected');
    // Her token is revoked (a lost laptop): the live connection is refused, saying what to do…
    server().revoke(server().personId('Chloé Dubois'));
    await page.reload();
    await connection(page, 'refused');
    await expect(page.getByTestId('team-refused')).toHaveText('The team server refused your token (wrong or revoked): ask for a new invitation and enter it in Settings, Team.', ACT);
    // …the shared text is still on screen, from the library's copy (edits stay there, as offline),
    await expect(page.getByTestId('editor').locator('[data-rk="partHead"]').first()).toBeVisible(ACT);
    const kept = page.getByTestId('editor');
    await expect.poll(async () => (await blockWords(kept)).length, ACT).toBeGreaterThan(3);
    // and the panel says so: the editor stays writable, its edits wait for a valid invitation.
    await expect(page.getByTestId('team-kept-locally')).toHaveText('Your edits are kept on this computer: they are sent once you enter a new invitation to this dossier (from one of its editors) in Settings, Team.', ACT);
    await expect(page.getByTestId('editor')).toHaveAttribute('contenteditable', 'true', ACT);
    await screenshot(page, 'team-revoked');
    // …and sharing another dossier is refused too, in the same sentence.
    const shared = (await page.getByTestId('dossier-view').getAttribute('data-id'))!;
    await page.getByTestId('new-kind').selectOption('letter', ACT);
    await page.getByTestId('new-lang').selectOption('en', ACT);
    await page.getByTestId('new-create').click(ACT);
    await expect(page.getByTestId('dossier-view')).not.toHaveAttribute('data-id', shared, ACT);
    await openPanel(page, 'team');
    await page.getByTestId('team-share').click(ACT);
    await expect(page.getByTestId('team-error')).toHaveText('The team server refused your token (wrong or revoked): ask for a new invitation and enter it in Settings, Team.', ACT);
    await expect(page.getByTestId('team-panel')).toHaveAttribute('data-shared', 'false');
  } catch (e) {
    if (page) await screenshot(page, 'team-failure-revoked').catch(() => undefined);
    throw e;
  } finally {
    await page?.context().close();
    await host.dispose();
  }
});
