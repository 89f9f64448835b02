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
