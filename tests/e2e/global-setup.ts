/**
 * Serves the built renderer on a free loopback port for the whole run and hands its address
 * to the tests through RAPPORTEUR_E2E_URL (inherited by the worker processes). Also says up
 * front, in plain words, when the Electron test will be skipped (the list reporter shows only
 * "-" for a skip; the reason is in the test's annotations and the JSON report).
 */
import type { FullConfig } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { join } from 'node:path';
import { startHttpHost } from '../../src/services/host/http';

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const electron = findElectronBinary();
  if (!electron.ok && config.projects.some((p) => p.name === 'electron')) {
    console.log(`[e2e] tests/e2e/electron.spec.ts will be SKIPPED: Electron binary not installed: ${electron.reason}`);
  }
  // The renderer alone (no handlers, no token): the page uses its in-page host.
  const server = await startHttpHost({ rendererRoot: join(import.meta.dirname, '..', '..', 'out', 'renderer') });
  process.env['RAPPORTEUR_E2E_URL'] = server.url;
  return () => server.close();
}
