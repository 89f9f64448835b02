/**
 * Crash test, on a real file: a child process saves and snapshots a dossier in a loop and reports
 * each committed write; the parent kills it with SIGKILL at a random moment, 60 times, on the same
 * library. After every kill: `PRAGMA integrity_check` is ok, every revision the child reported
 * committed (in this run and every earlier run) is there, the current text is at least at the
 * last reported version and passes validation.
 */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../../src/services/store';
import { makeDocument, prng } from './docs';
import { tempDir } from './helpers';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'fixtures', 'crash-child.ts');
const KILLS = 60;

type Run = { saves: number[]; revs: number[]; stderr: string; signal: NodeJS.Signals | null };

function runAndKill(dir: string, id: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, id], { cwd: join(here, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let armed = false;
    const run: Run = { saves: [], revs: [], stderr: '', signal: null };
    const safety = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      // Armed at the first committed save, not at "ready": on a slow or busy machine the first
      // save can take longer than the whole delay, and the kill would land before any write.
      if (!armed && /^save \d+$/m.test(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      // Only complete lines count: a line is written after its commit, in one write.
      for (const line of out.split('\n').slice(0, -1)) {
        const [what, n] = line.split(' ');
        if (what === 'save') run.saves.push(Number(n));
        else if (what === 'rev') run.revs.push(Number(n));
      }
      run.stderr = stderr;
      run.signal = signal;
      resolve(run);
    });
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs in the middle of saving: integrity ok, every reported revision present`, { timeout: 180_000 }, async () => {
    const dir = tempDir('rapporteur-crash-');
    const setup = await openStore(dir);
    const { id } = setup.create(makeDocument({ paragraphs: 200 }));
    setup.close();

    const rnd = prng(2026);
    const reported = new Set<number>();
    let lastVersion = 1;
    let killedWhileWriting = 0;
    for (let k = 0; k < KILLS; k++) {
      const run = await runAndKill(dir, id, 5 + Math.floor(rnd() * 120));
      expect(run.signal, run.stderr).toBe('SIGKILL');
      if (run.saves.length + run.revs.length > 0) killedWhileWriting++;
      for (const r of run.revs) reported.add(r);
      if (run.saves.length > 0) lastVersion = Math.max(lastVersion, ...run.saves);

      // 1. The file itself, through a plain connection (recovers the WAL like any reader would).
      const raw = new Database(join(dir, 'rapporteur.db'));
      expect(raw.prepare('PRAGMA integrity_check').pluck().all(), `after kill ${k + 1}`).toEqual(['ok']);
      raw.close();

      // 2. Through the store: every reported revision is there and readable; the text is current.
      const store = await openStore(dir);
      const history = new Map(store.history(id).map((r) => [r.seq, r]));
      for (const seq of reported) {
        expect(history.get(seq)?.reason, `revision ${seq} after kill ${k + 1}`).toBe('named');
      }
      for (const seq of run.revs) expect(store.revision(id, seq).info.label).toMatch(/^crash \d+ \d+$/);
      const current = store.get(id);
      expect(current.version).toBeGreaterThanOrEqual(lastVersion);
      store.close();
    }
    // Every kill landed while the child was writing (after its first commit, at a random moment).
    expect(killedWhileWriting).toBe(KILLS);
    expect(reported.size).toBeGreaterThan(KILLS);
  });
});
