/**
 * What the team's end-to-end specs (team.spec.ts, team-roles.spec.ts) do alike: a page of its
 * own per person, joining the team server in Settings, and waiting for the connection's state
 * in the Team panel; and the one team server a spec's tests share.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, launchAppHost, test, type AppHost } from './app-host';
import { screenshot } from './editor-helpers';
import { openPanel } from './workspace-helpers';
import { startTeamServer, type TeamServer } from './team-server';
import { postgresBin } from '../integration/server/postgres';

export const ACT = { timeout: 10_000 };
export const SLOW = { timeout: 30_000 };

export async function newPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1700, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Settings, Team: the server and an invitation; resolves once the page has reloaded under the new policy. */
export async function join(page: Page, serverUrl: string, code: string, name: string): Promise<void> {
  await page.getByTestId('settings-open').click(ACT);
  const team = page.getByTestId('settings-team');
  await team.getByTestId('team-server').fill(serverUrl, ACT);
  await team.getByTestId('team-code').fill(code, ACT);
  await team.getByTestId('team-name').fill(name, ACT);
  const reloaded = page.waitForEvent('load', SLOW);
  await team.getByTestId('team-connect').click(ACT);
  // Connected, the page reloads under the new policy: the status it shows just before may already
  // be gone (under load it was read empty). Not reloaded, what the settings say is the reason.
  try {
    await reloaded;
  } catch {
    const said = await team.getByTestId('team-settings-status').textContent({ timeout: 1_000 }).catch(() => null);
    throw new Error(`the page did not reload after Connect; the settings say: ${said ?? '(nothing)'}`);
  }
}

/** The Team panel shows the connection in `state`. */
export async function connection(page: Page, state: string): Promise<void> {
  await openPanel(page, 'team');
  await expect(page.getByTestId('team-connection')).toHaveAttribute('data-state', state, SLOW);
}

/**
 * A team server for the spec's tests, started once before them and stopped after them; the
 * spec is skipped, with the reason, where PostgreSQL is not installed. Call at the spec's top.
 */
export function useTeamServer(): () => TeamServer {
  const pg = postgresBin();
  test.skip('missing' in pg, 'missing' in pg ? pg.missing : '');
  let server: TeamServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startTeamServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('the team server has not started');
    return server;
  };
}

/**
 * Two people, each with a browser host of their own (its own library) and a page on it, for
 * `run`; on a failure both pages are photographed (`failureShots`, test-results/screenshots/),
 * and whatever happens both are closed.
 */
export async function twoPeople(
  browser: Browser,
  failureShots: readonly [string, string],
  run: (a: Page, b: Page, hosts: readonly [AppHost, AppHost]) => Promise<void>,
): Promise<void> {
  const hosts = await Promise.all([launchAppHost(), launchAppHost()]);
  const pages: Page[] = [];
  try {
    for (const host of hosts) pages.push(await newPage(browser, host.url));
    await run(pages[0]!, pages[1]!, hosts);
  } catch (e) {
    await Promise.all(pages.map((page, i) => screenshot(page, failureShots[i]!).catch(() => undefined)));
    throw e;
  } finally {
    await Promise.all(pages.map((page) => page.context().close()));
    await Promise.all(hosts.map((host) => host.dispose()));
  }
}
