/** Helpers for the open dossier's side panels (src/renderer/workspace/registry.tsx). */
import type { Page } from '@playwright/test';
import { expect } from './app-host';

/**
 * Shows a side panel: opens the panels first when they are folded away (they start folded in a
 * window too narrow for the page and the panels side by side).
 */
export async function openPanel(page: Page, id: 'import' | 'metadata' | 'outline' | 'notes' | 'checks' | 'history' | 'team'): Promise<void> {
  const show = page.getByTestId('panels-show');
  // Shown or folded: wait until the workspace says which.
  await expect(page.locator('[data-testid="side-panels"], [data-testid="panels-show"]')).toBeVisible();
  if (await show.isVisible()) await show.click();
  await page.getByTestId(`panel-tab-${id}`).click();
  await expect(page.getByTestId(`panel-${id}`)).toBeVisible();
}

/**
 * The panels' tabs stand in one row, however many they are, and the arrow keys walk them in
 * order with the chosen one in sight within the row: returns what is wrong ([] when nothing).
 */
export async function panelTabsProblems(page: Page): Promise<string[]> {
  const tabs = page.getByRole('tablist').getByRole('tab');
  const problems: string[] = [];
  const tops = await tabs.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  if (new Set(tops).size !== 1) problems.push(`tabs on ${new Set(tops).size} rows (tops ${tops.join(', ')})`);
  const ids = await tabs.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['panel']!));
  await tabs.first().click();
  for (let i = 0; i < ids.length; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    const tab = page.getByTestId(`panel-tab-${ids[i]}`);
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(tab).toBeFocused();
    // In sight: inside the row, and clear of an edge that fades because more tabs lie beyond it.
    const inSight = await tab.evaluate((t) => {
      const list = t.parentElement!;
      const row = list.getBoundingClientRect();
      const r = t.getBoundingClientRect();
      const more = list.dataset['more'] ?? '';
      const fade = parseFloat(getComputedStyle(list).getPropertyValue('--tabs-fade')) || 0;
      return r.left >= row.left + (more.includes('left') ? fade : 0) - 1 && r.right <= row.right - (more.includes('right') ? fade : 0) + 1;
    });
    if (!inSight) problems.push(`tab ${ids[i]} chosen but not in sight`);
  }
  return problems;
}
