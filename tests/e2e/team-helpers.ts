/**
 * What the team's end-to-end specs (team.spec.ts, team-roles.spec.ts) do alike: a page of its
 * own per person, joining the team server in Settings, and waiting for the connection's state
 * in the Team panel.
 */
import type { Browser, Page } from '@playwright/test';
import { expect } from './app-host';
import { openPanel } from './workspace-helpers';

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
  await expect(team.getByTestId('team-settings-status')).not.toBeEmpty(ACT);
  await reloaded;
}

/** The Team panel shows the connection in `state`. */
export async function connection(page: Page, state: string): Promise<void> {
  await openPanel(page, 'team');
  await expect(page.getByTestId('team-connection')).toHaveAttribute('data-state', state, SLOW);
}
