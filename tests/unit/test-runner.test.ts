/**
 * The test runner's accounting (scripts/test-summary.mjs) and the Node version guard every entry
 * point imports first (scripts/require-node.mjs): a crashed step can never pass for a complete
 * total, and an older Node is refused in one line naming the version needed and how to get it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize, type Step } from '../../scripts/test-summary.mjs';
import { nodeVersionProblem, requiredMajor } from '../../scripts/require-node.mjs';

const vitestReport = (passed: number, failed: number, skipped = 0) => ({
  kind: 'vitest' as const,
  data: { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numTodoTests: 0, testResults: [] },
});
const playwrightReport = (expected: number, unexpected: number, skipped: number) => ({
  kind: 'playwright' as const,
  data: { stats: { expected, unexpected, flaky: 0, skipped } },
});
const ok = (name: string): Step => ({ name, status: 0, signal: null });

describe('the test runner’s summary', () => {
  it('adds up the reports when every step ran', () => {
    const { lines, exitCode } = summarize([
      ok('typecheck'),
      { ...ok('vitest'), report: vitestReport(700, 0, 0) },
      { ...ok('playwright'), report: playwrightReport(9, 0, 1) },
    ]);
    expect(lines).toEqual(['total: 709 passed, 0 failed, 1 skipped']);
    expect(exitCode).toBe(0);
  });

  it('names a step that exited without its report, and says its tests were not counted', () => {
    // What Node 20 gave: Vitest died ("Map.groupBy is not a function") before running a test.
    const { lines, exitCode } = summarize([
      ok('typecheck'),
      { name: 'unit and integration tests (vitest)', status: 1, signal: null, report: { kind: 'vitest', data: undefined } },
      { ...ok('end-to-end tests'), report: playwrightReport(4, 5, 1) },
    ]);
    expect(exitCode).toBe(1);
    expect(lines.at(-1)).toBe('total: 4 passed, 5 failed, 1 skipped (incomplete: the tests of 1 step not counted)');
    expect(lines).toContain('CRASHED: unit and integration tests (vitest) crashed (exit 1, no report written); its tests are not counted below');
  });

  it('a step killed by a signal is a crash even if it left a report behind', () => {
    const { lines, exitCode } = summarize([{ name: 'vitest', status: null, signal: 'SIGKILL', report: vitestReport(12, 0) }]);
    expect(exitCode).toBe(1);
    expect(lines).toEqual([
      'failed steps: vitest (killed by SIGKILL)',
      'CRASHED: vitest crashed (killed by SIGKILL); its tests are not counted below',
      'total: 0 passed, 0 failed, 0 skipped (incomplete: the tests of 1 step not counted)',
    ]);
  });

  it('a test file that failed to load counts as a failure, and a step that did not run is named', () => {
    const report = vitestReport(10, 0);
    report.data.testResults = [{ status: 'failed', assertionResults: [] }] as never;
    const { lines, exitCode } = summarize([
      { name: 'vitest', status: 1, signal: null, report },
      { name: 'end-to-end tests', status: null, skipped: 'the build failed', report: { kind: 'playwright', data: undefined } },
    ]);
    expect(exitCode).toBe(1);
    expect(lines.at(-1)).toBe('total: 10 passed, 1 failed, 0 skipped (incomplete: the tests of 1 step not counted)');
    expect(lines).toContain('not run: end-to-end tests (the build failed); their tests are not counted below');
  });
});

describe('the Node version guard', () => {
  it('reads the version needed from package.json’s engines and refuses an older Node in one line', () => {
    expect(requiredMajor('>=22')).toBe(22);
    expect(nodeVersionProblem('22.0.0')).toBeUndefined();
    expect(nodeVersionProblem('24.1.0')).toBeUndefined();
    const problem = nodeVersionProblem('20.20.2')!;
    expect(problem).not.toContain('\n');
    expect(problem).toMatch(/Node\.js 22 or later is needed, and this is Node\.js 20\.20\.2/);
    expect(problem).toMatch(/nodejs\.org|nvm install 22/);
  });

  it('stops a real process under an older Node, in one line, before anything else runs', () => {
    // The guard, copied beside a package.json that asks for one major version more than this Node.
    const dir = mkdtempSync(join(tmpdir(), 'rapporteur-node-guard-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(join('scripts', 'require-node.mjs'), join(dir, 'scripts', 'require-node.mjs'));
      const next = Number(process.versions.node.split('.')[0]) + 1;
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: `>=${next}` } }));
      writeFileSync(join(dir, 'scripts', 'entry.mjs'), "import './require-node.mjs';\nconsole.log('went on');\n");
      const r = spawnSync(process.execPath, [join(dir, 'scripts', 'entry.mjs')], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringContaining(`Node.js ${next} or later is needed, and this is Node.js ${process.versions.node}`)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
