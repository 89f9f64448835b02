/**
 * End-to-end tests.
 * - project "chromium": the BUILT renderer (out/renderer, `npm run build` first) served over
 *   http://127.0.0.1 on a free port by src/services/host/http.ts (renderer only, started in global setup),
 *   driven in the system Chromium. The renderer uses its in-page host there (no preload).
 * - project "electron": the real app through Playwright's _electron, when the Electron binary
 *   is installed (skipped, with the reason, when it is not).
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** System Chromium (Playwright cannot download its own here); override with CHROMIUM_PATH. */
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  // The open dossier now renders the editor with its side panels; on the shared 2-core machine a test takes up to ~45 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        locale: 'en-GB',
        launchOptions: {
          ...(existsSync(chromium) ? { executablePath: chromium } : {}),
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts$/,
    },
  ],
});
