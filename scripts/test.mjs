#!/usr/bin/env node
// The whole test suite, as README says: typecheck, lint, unit + integration tests (Vitest, Node),
// then end-to-end tests (Playwright in real Chromium against the built renderer).
// Ends with one summary line, "total: N passed, N failed, N skipped", and a non-zero exit code
// if any step failed. Skipped tests are counted as skipped, never as passed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

let failedSteps = [];
function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failedSteps.push(`${name} (exit ${r.status ?? r.signal})`);
  return r.status === 0;
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['.']);

const vitestJson = join(tmp, 'vitest.json');
step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);

const playwrightJson = join(tmp, 'playwright.json');
if (step('build (electron-vite)', bin('electron-vite'), ['build'])) {
  step('end-to-end tests (playwright, chromium)', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else {
  failedSteps.push('vitest wrote no report');
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  passed += p.stats.expected;
  failed += p.stats.unexpected + (p.stats.flaky ?? 0);
  skipped += p.stats.skipped;
} else if (!failedSteps.some((s) => s.startsWith('build'))) {
  failedSteps.push('playwright wrote no report');
}

if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join('; ')}`);
console.log(`\ntotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
