// The accounting of scripts/test.mjs, apart so that a test can run it on made-up steps: which
// steps failed, what the test reports say, and the closing lines. A step that crashed (killed by
// a signal, or ended without writing the report its tests are counted from) is named in the last
// lines, with the plain statement that its tests were not counted: a total must never look
// complete when a whole step's tests are missing from it.

/**
 * @typedef {{ kind: 'vitest' | 'playwright', data: any }} Report  `data` undefined: none written
 * @typedef {{ name: string, status: number | null, signal?: string | null, skipped?: string, report?: Report }} Step
 *   `skipped`: the step did not run, and why (e.g. the build before it failed)
 */

/** Passed / failed / skipped counts in a report, or undefined when there is none. */
function counts(report) {
  const d = report.data;
  if (d === undefined || d === null) return undefined;
  if (report.kind === 'vitest') {
    // A test file that failed to load fails its suite without any failed test: count it too.
    const brokenFiles = (d.testResults ?? []).filter(
      (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    return { passed: d.numPassedTests, failed: d.numFailedTests + brokenFiles, skipped: d.numPendingTests + (d.numTodoTests ?? 0) };
  }
  return { passed: d.stats.expected, failed: d.stats.unexpected + (d.stats.flaky ?? 0), skipped: d.stats.skipped };
}

/** @param {Step[]} steps  @returns {{ lines: string[], exitCode: number }} */
export function summarize(steps) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failedSteps = [];
  const crashed = [];
  const notRun = [];
  for (const step of steps) {
    if (step.skipped !== undefined) {
      if (step.report) notRun.push(`${step.name} (${step.skipped})`);
      continue;
    }
    const ended = step.signal ? `killed by ${step.signal}` : `exit ${step.status}`;
    if (step.status !== 0) failedSteps.push(`${step.name} (${ended})`);
    if (!step.report) continue;
    const c = counts(step.report);
    if (step.signal || c === undefined) {
      crashed.push(`${step.name} crashed (${ended}${c === undefined ? ', no report written' : ''})`);
      continue;
    }
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }

  const lines = [];
  if (failedSteps.length > 0) lines.push(`failed steps: ${failedSteps.join('; ')}`);
  if (notRun.length > 0) lines.push(`not run: ${notRun.join('; ')}; their tests are not counted below`);
  for (const c of crashed) lines.push(`CRASHED: ${c}; its tests are not counted below`);
  const incomplete = crashed.length + notRun.length;
  const note = incomplete > 0 ? ` (incomplete: the tests of ${incomplete} step${incomplete > 1 ? 's' : ''} not counted)` : '';
  lines.push(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped${note}`);
  const ok = failedSteps.length === 0 && incomplete === 0 && total.failed === 0;
  return { lines, exitCode: ok ? 0 : 1 };
}
