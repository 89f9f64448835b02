#!/usr/bin/env node
// The whole test suite, as README says: typecheck, lint, unit + integration tests (Vitest, Node),
// then end-to-end tests (Playwright in real Chromium against the built renderer).
// Ends with one summary line, "total: N passed, N failed, N skipped", and a non-zero exit code
// if any step failed. Skipped tests are counted as skipped, never as passed; a step that crashed
// is named above that line, which says its tests were not counted (scripts/test-summary.mjs).
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from './test-summary.mjs';
import { LAYER_TSCONFIGS } from './tsconfigs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [];
/** Runs one step; `report` names the JSON file its tests are counted from (removed first, so a stale one never counts). */
function step(name, cmd, args, { env = {}, report } = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  if (report) rmSync(report.file, { force: true });
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const read = report && existsSync(report.file) ? JSON.parse(readFileSync(report.file, 'utf8')) : undefined;
  steps.push({ name, status: r.status, signal: r.signal, ...(report ? { report: { kind: report.kind, data: read } } : {}) });
  if (r.error) console.error(`${name}: ${r.error.message}`);
  return r.status === 0;
}

// Each layer against what it may use (core: no DOM, no Node; renderer: DOM; …), then tests and tooling.
for (const layer of LAYER_TSCONFIGS) step(`typecheck (${layer})`, bin('tsc'), ['-p', layer]);
step('lint', bin('eslint'), ['.']);

const vitestJson = join(tmp, 'vitest.json');
step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  report: { kind: 'vitest', file: vitestJson },
});

const playwrightJson = join(tmp, 'playwright.json');
const e2e = 'end-to-end tests (playwright, chromium)';
if (step('build (electron-vite)', bin('electron-vite'), ['build'])) {
  step(e2e, bin('playwright'), ['test', '--reporter=list,json'], { env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }, report: { kind: 'playwright', file: playwrightJson } });
} else {
  steps.push({ name: e2e, status: null, skipped: 'the build failed', report: { kind: 'playwright', data: undefined } });
}

const { lines, exitCode } = summarize(steps);
console.log(`\n${lines.join('\n')}`);
process.exit(exitCode);
