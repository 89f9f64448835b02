/**
 * Issue 15, the gaps of the app's side, against the real team server (`npm run server`) on a
 * throwaway PostgreSQL cluster (./team-server.ts), each person on a browser host and a library of
 * their own:
 * - a colleague invited as a reader opens the shared report: no toolbar, the "Read-only" badge,
 *   the others' words arrive live, and what they try to type changes nothing, on their screen or
 *   the writer's (the server refuses a reader's updates too: tested in tests/integration/server);
 *   he is not offered to create the other language version (he could not write it);
 * - a language version added after the dossier was shared: the editor shares it with the server
 *   (which writes its first state from the model, as for the first share), binds to it, and what
 *   is typed in it reaches a colleague who opens that version (his library adds it as any version
 *   is added; his editor binds to the server's text, not to his empty start);
 * - a colleague whose token is revoked goes on writing on the library's copy, the panel says the
 *   edits wait for a new invitation to the dossier, and once she enters one they reach the others.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './app-host';
import { createDossier, part, screenshot, settle, watchErrors } from './editor-helpers';
import { paragraphId, row, side, typeInRow } from './desk-helpers';
import { openPanel } from './workspace-helpers';
import { ACT, connection, join, SLOW, twoPeople, useTeamServer } from './team-helpers';

const server = useTeamServer();

/** Aminata's own report, shared, and an invitation to it with `role` made in her Team panel. */
async function sharedBy(page: Page, kind: string, role: 'editor' | 'reader'): Promise<{ id: string; code: string }> {
  const id = await createDossier(page, kind, 'fr');
  await join(page, server().url, server().invite('Aminata Diallo'), 'Aminata Diallo');
  await expect(page.getByTestId('dossier-view')).toBeVisible(SLOW);
  await openPanel(page, 'team');
  await page.getByTestId('team-share').click(ACT);
  await connection(page, 'connected');
  await page.getByTestId('team-role').selectOption(role, ACT);
  await page.getByTestId('team-invite').click(ACT);
  const code = (await page.getByTestId('team-invite-code').textContent(ACT))!.trim();
  expect(code).toMatch(/^rpi_/);
  return { id, code };
}

test('a reader sees the shared report live, read-only: no toolbar, the badge, and typing changes nothing anywhere', async ({ browser }) => {
  test.setTimeout(180_000);
  await twoPeople(browser, ['team-failure-reader-writer', 'team-failure-reader'], async (a, r) => {
    const errors = [...watchErrors(a), ...watchErrors(r)];
    const { code } = await sharedBy(a, 'annual-report', 'reader');

    // Rémi, a reader: the invitation brings the dossier into his library, read-only.
    await join(r, server().url, code, 'Rémi Leroy');
    await expect(r.getByTestId('dossier-view')).toBeVisible(SLOW);
    await connection(r, 'connected');
    await expect(r.getByTestId('team-panel')).toContainText('You may read this dossier: the text is read-only for you.', ACT);
    const first = part(r, 1).locator('[data-rk="paragraph"][data-label="1."]');
    await expect(first).toHaveCount(1, SLOW);
    await expect(r.getByTestId('editor-toolbar')).toHaveCount(0, ACT);
    await expect(r.locator('.rk-editor-bar .badge', { hasText: 'Read-only' })).toBeVisible(ACT);
    await expect(r.getByTestId('editor')).toHaveAttribute('contenteditable', 'false', ACT);
    // The writer's toolbar is there (the same dossier, another role).
    await expect(a.getByTestId('editor-toolbar')).toBeVisible(ACT);

    // Aminata's words arrive live on the reader's screen.
    await part(a, 1).locator('[data-rk="paragraph"][data-label="1."] .rk-placeholder').first().click(ACT);
    await a.keyboard.type('Texte d’Aminata, lu par Rémi.');
    await expect(first).toContainText('Texte d’Aminata, lu par Rémi.', SLOW);
    await screenshot(r, 'team-reader');
    // A reader saves nothing: the status says so (not « Saving… »), the writer's says saved.
    await expect(r.getByTestId('save-status')).toHaveAttribute('data-state', 'read-only', ACT);
    await expect(r.getByTestId('save-status')).toHaveText('Nothing to save: read-only', ACT);
    await expect(a.getByTestId('save-status')).toHaveAttribute('data-state', 'saved', SLOW);

    // The reader tries to type (a click in the paragraph, keys, Enter, a deletion): nothing changes.
    const before = await part(r, 1).innerText();
    await first.click(ACT);
    await r.keyboard.press('End');
    await r.keyboard.type('Essai du lecteur.');
    await r.keyboard.press('Enter');
    await r.keyboard.press('Backspace');
    await r.keyboard.press('Control+a');
    await r.keyboard.press('Delete');
    await settle(r);
    expect(await part(r, 1).innerText()).toBe(before);
    // Aminata writes again: it arrives, and the reader's attempt never did.
    await a.keyboard.type(' Suite.');
    await expect(first).toContainText('Texte d’Aminata, lu par Rémi. Suite.', SLOW);
    await expect(part(a, 1)).not.toContainText('Essai du lecteur.', ACT);
    await expect(part(r, 1)).not.toContainText('Essai du lecteur.', ACT);
    await expect(part(a, 1).locator('[data-rk="paragraph"][data-label="1."]')).toHaveText('Texte d’Aminata, lu par Rémi. Suite.', ACT);

    // A reader is not offered to begin an English version (he could not write it; the writer's window offers it).
    await expect(r.getByTestId('add-version')).toHaveCount(0, ACT);
    await expect(a.getByTestId('add-version')).toHaveText('Create the English version', ACT);
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });
});

test('a language version added after sharing is shared with the server, editable, and reaches a colleague live', async ({ browser }) => {
  test.setTimeout(240_000);
  await twoPeople(browser, ['team-failure-version-aminata', 'team-failure-version-bruno'], async (a, b) => {
    const errors = [...watchErrors(a), ...watchErrors(b)];
    const { id, code } = await sharedBy(a, 'annual-report', 'editor');
    // Bruno joins now, while the dossier is French only.
    await join(b, server().url, code, 'Bruno Martin');
    await expect(b.getByTestId('dossier-view')).toBeVisible(SLOW);
    await connection(b, 'connected');

    // Aminata adds the English version: the translator's desk opens on both versions.
    await a.getByTestId('add-version').click(ACT);
    await a.getByTestId('new-version-create').click(ACT);
    await expect(a.getByTestId('desk')).toHaveAttribute('data-target', 'en', SLOW);
    await expect(a).toHaveURL(new RegExp(`#dossier=${id}&view=desk`), ACT);
    // The English editor is bound to the server's new document: connected, and writable.
    const target = side(a, 'target');
    await expect(target.locator('[data-testid="document"][data-lang="en"]')).toHaveAttribute('data-team', 'connected', SLOW);
    await expect(target.getByTestId('editor')).toHaveAttribute('contenteditable', 'true', SLOW);
    const p1 = await paragraphId(a, '1.');
    await expect(row(a, 'target', p1)).toHaveCount(1, SLOW);
    await typeInRow(a, p1, 'The Working Group met in January.');
    await expect(row(a, 'target', p1)).toContainText('The Working Group met in January.', ACT);
    await screenshot(a, 'team-new-version');

    // Bruno's library holds the French only: he opens the English version the same way, and the
    // editor binds to the server's (never to his empty start): Aminata's words are there.
    await b.getByTestId('add-version').click(ACT);
    await b.getByTestId('new-version-create').click(ACT);
    await expect(b.getByTestId('desk')).toHaveAttribute('data-target', 'en', SLOW);
    const targetB = side(b, 'target');
    await expect(targetB.locator('[data-testid="document"][data-lang="en"]')).toHaveAttribute('data-team', 'connected', SLOW);
    await expect(row(b, 'target', p1)).toContainText('The Working Group met in January.', SLOW);
    // And live, both ways, in the new version.
    await typeInRow(a, p1, ' It adopted its agenda.');
    await expect(row(b, 'target', p1)).toContainText('The Working Group met in January. It adopted its agenda.', SLOW);
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });
});

test('a revoked colleague goes on writing on the library’s copy; a new invitation to the dossier sends those edits', async ({ browser }) => {
  test.setTimeout(240_000);
  await twoPeople(browser, ['team-failure-revoked-aminata', 'team-failure-revoked-chloe'], async (a, c) => {
    const errors = [...watchErrors(a), ...watchErrors(c)];
    const { code } = await sharedBy(a, 'annual-report', 'editor');
    await join(c, server().url, code, 'Chloé Dubois');
    await expect(c.getByTestId('dossier-view')).toBeVisible(SLOW);
    await connection(c, 'connected');
    await expect(part(c, 1).locator('[data-rk="paragraph"][data-label="1."]')).toHaveCount(1, SLOW);

    // Her token is revoked (a lost laptop): refused, and the panel says where her edits go.
    server().revoke(server().personId('Chloé Dubois'));
    await c.reload();
    await connection(c, 'refused');
    await expect(c.getByTestId('team-kept-locally')).toHaveText('Your edits are kept on this computer: they are sent once you enter a new invitation to this dossier (from one of its editors) in Settings, Team.', ACT);
    // She writes on: the editor takes it (the library's copy keeps it).
    await part(c, 1).locator('[data-rk="paragraph"][data-label="1."] .rk-placeholder').first().click(ACT);
    await c.keyboard.type('Écrit par Chloé pendant le refus.');
    await expect(part(c, 1).locator('[data-rk="paragraph"][data-label="1."]')).toHaveText('Écrit par Chloé pendant le refus.', ACT);
    await settle(c);
    await expect(part(a, 1)).not.toContainText('Écrit par Chloé pendant le refus.', ACT);

    // Aminata invites her again to the dossier; Chloé enters it: her kept words reach Aminata.
    await openPanel(a, 'team');
    await a.getByTestId('team-role').selectOption('editor', ACT);
    await a.getByTestId('team-invite').click(ACT);
    await expect(a.getByTestId('team-invite-code')).not.toHaveText(code, ACT);
    const again = (await a.getByTestId('team-invite-code').textContent(ACT))!.trim();
    await join(c, server().url, again, 'Chloé Dubois');
    await expect(c.getByTestId('dossier-view')).toBeVisible(SLOW);
    await connection(c, 'connected');
    await expect(part(a, 1).locator('[data-rk="paragraph"][data-label="1."]')).toHaveText('Écrit par Chloé pendant le refus.', SLOW);
    await expect(part(c, 1).locator('[data-rk="paragraph"][data-label="1."]')).toHaveText('Écrit par Chloé pendant le refus.', ACT);
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(e))).toEqual([]);
  });
});
