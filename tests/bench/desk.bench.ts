/**
 * The translator's desk in Chromium (playwright-core + the system's /usr/bin/chromium), in the
 * app as it ships (the built renderer served by scripts/serve-app.ts on a real library), beside
 * the single structured editor on the same 1,000-paragraph French/English report, in the same
 * run and the same page size:
 *
 * - keystroke → next frame (keydown's timestamp to the first task after the next frame, as in
 *   editor.bench.ts), p50 and p95, typing in three rows in the middle: the desk's translation
 *   side beside the editor on the English version;
 * - scroll frame time: the scroller moved 240 px at every frame for 150 frames, three times
 *   down from the top, the time between frames, p50 and p95 (the desk scrolls both pages and keeps their rows aligned), and the
 *   page's main-thread CPU time over those frames (steadier than frame times under load).
 *
 * Both pages are open together (each in its own browser context: its own renderer process, so
 * its own main thread) and measured in turns, a row or a scroll pass each, the desk first one
 * turn and the editor first the next: a busy neighbour on a shared machine weighs on both sides
 * alike instead of on whichever ran while it was busy (measured one after the other, the same
 * code gave a scroll p95 ratio of 0.5 one run and 2.0 the next).
 *
 * Needs the built renderer (out/renderer): built here when it is missing.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { confirmTranslation } from '../../src/core/translation/versions';
import { translationRows } from '../../src/core/translation/status';
import { makeDocument } from '../integration/store/docs';
import { startServeApp } from '../e2e/app-host';

type Row = { name: string; value: number; unit: string; baselineName: string; baselineValue: number; target?: string };

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const PARAGRAPHS = 1000;

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

/** The report in French with its English translation, every row translated. */
function importReport(dataDir: string): string {
  const doc = makeDocument({ paragraphs: PARAGRAPHS, words: 60, languages: ['fr', 'en'], seed: 5 });
  const ids = translationRows(doc, 'fr', 'en').map((r) => r.id);
  const both = confirmTranslation({ ...doc, translation: { source: 'fr', glossary: [] } }, ids, 'fr', 'en');
  const file = join(dataDir, 'report.json');
  writeFileSync(file, JSON.stringify(both));
  const r = spawnSync(process.execPath, [join(root, 'bin', 'rapporteur.mjs'), 'db', '--data-dir', dataDir, 'import', file], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  return r.stdout.trim();
}

/** Records keystroke → next-frame latencies from the page's start. */
const LATENCY_PROBE = `
  window.__latencies = [];
  addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - t0), 0));
  }, true);
`;

async function open(browser: Browser, url: string, editorSelector: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('[bench page]', e.message));
  await page.addInitScript(LATENCY_PROBE);
  await page.goto(url);
  await page.locator(editorSelector).first().waitFor({ timeout: 240_000 });
  await page.getByTestId('save-status').waitFor({ timeout: 240_000 });
  await page.waitForTimeout(1500);
  return page;
}

/**
 * Types 120 characters at the end of paragraph `n`, after a warm-up; the bench does so in each of
 * ROWS, in the middle, on both sides: 360 samples, so that no one frame a busy neighbour delays
 * decides the p95 (with 120 samples, six slow frames did).
 */
const ROWS = [PARAGRAPHS / 2, PARAGRAPHS / 2 + 20, PARAGRAPHS / 2 - 20];
async function typeInRow(page: Page, block: string, n: number): Promise<number[]> {
  await page.bringToFront();
  const el = page.locator(block).nth(n);
  await el.scrollIntoViewIfNeeded();
  await el.click();
  await page.keyboard.press('End');
  await page.keyboard.type('abc', { delay: 60 }); // warm-up
  await page.waitForTimeout(300);
  await page.evaluate(() => ((window as unknown as { __latencies: number[] }).__latencies.length = 0));
  await page.keyboard.type(' the regional cooperation'.repeat(5).slice(0, 120), { delay: 60 });
  await page.waitForTimeout(400);
  const out = await page.evaluate(() => [...(window as unknown as { __latencies: number[] }).__latencies]);
  // Saved before the other side's turn: its autosave is no neighbour of the other's keystrokes.
  await page.waitForFunction(() => ![...document.querySelectorAll<HTMLElement>('[data-testid="save-status"]')].some((e) => e.dataset['state'] === 'pending' || e.dataset['state'] === 'saving'), undefined, { timeout: 60_000 });
  return out;
}

/**
 * The page's main-thread CPU time (Chromium's ThreadTime metric, ms) while `work` runs: what the
 * page costs, less sensitive than frame times to the other processes of a shared machine (a
 * frame time is a multiple of 16.7 ms, and one busy neighbour moves a p95 by a whole frame).
 */
async function cpuTime<T>(page: Page, work: () => Promise<T>): Promise<[T, number]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const thread = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN;
  const before = await thread();
  const out = await work();
  const spent = ((await thread()) - before) * 1000;
  await cdp.detach();
  return [out, spent];
}

/** Frame-to-frame times while the scroller moves 240 px at every frame. */
async function scrollFrames(page: Page, scroller: string): Promise<number[]> {
  // A string, not a function: tsx's helpers do not exist in the page.
  return page.evaluate(`new Promise((done) => {
    const el = document.querySelector(${JSON.stringify(scroller)});
    el.scrollTop = 0;
    const times = [];
    let last = performance.now();
    let n = 0;
    function step(now) {
      times.push(now - last);
      last = now;
      el.scrollTop += 240;
      if (++n < 150) requestAnimationFrame(step);
      else done(times.slice(2));
    }
    requestAnimationFrame(step);
  })`);
}

/** Scroll passes from the top on each side, in turns: 444 frames on each side. */
const PASSES = 3;

type Side = { page: Page; block: string; scroller: string; keys: number[]; frames: number[]; cpu: number };

/** Runs `turn` on both sides, the desk first on even turns and the editor first on odd ones. */
async function inTurns(sides: [Side, Side], count: number, turn: (side: Side, k: number) => Promise<void>): Promise<void> {
  for (let k = 0; k < count; k++) for (const side of k % 2 === 0 ? sides : [sides[1], sides[0]]) await turn(side, k);
}

export default async function bench(): Promise<Row[]> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the renderer could not be built (npx electron-vite build)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-desk-'));
  let browser: Browser | undefined;
  let child: ChildProcess | undefined;
  try {
    const id = importReport(dataDir);
    const served = await startServeApp(dataDir, { testFaults: false, timeoutMs: 60_000 });
    child = served.child;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

    const deskPage = await open(browser, `${served.url}#dossier=${id}&view=desk`, '[data-testid="desk-target"] [data-block-id]');
    // The single editor on the same report, on its English version (the language typed in at the desk).
    const single = await open(browser, `${served.url}#dossier=${id}`, '[data-testid="editor"] [data-block-id]');
    if ((await single.getByTestId('editor').getAttribute('lang')) !== 'en') {
      await single.getByTestId('doc-lang-en').click();
      await single.locator('[data-testid="editor"][lang="en"] [data-block-id]').first().waitFor({ timeout: 240_000 });
      await single.waitForTimeout(1500);
    }
    const desk: Side = { page: deskPage, block: '[data-testid="desk-target"] [data-part-kind="body"] [data-rk="paragraph"]', scroller: '[data-testid="desk-scroller"]', keys: [], frames: [], cpu: 0 };
    const editor: Side = { page: single, block: '[data-testid="editor"] [data-part-kind="body"] [data-rk="paragraph"]', scroller: '.rk-scroller', keys: [], frames: [], cpu: 0 };
    await inTurns([desk, editor], ROWS.length, async (side, k) => {
      side.keys.push(...(await typeInRow(side.page, side.block, ROWS[k]!)));
    });
    await inTurns([desk, editor], PASSES, async (side) => {
      await side.page.bringToFront();
      const [frames, cpu] = await cpuTime(side.page, () => scrollFrames(side.page, side.scroller));
      side.frames.push(...frames);
      side.cpu += cpu;
      await side.page.waitForTimeout(300);
    });
    const [deskKeys, editorKeys, deskScroll, editorScroll, deskScrollCpu, editorScrollCpu] = [desk.keys, editor.keys, desk.frames, editor.frames, desk.cpu, editor.cpu];

    const base = `single editor, same report`;
    return [
      { name: `desk: keystroke → next frame, p50, ${PARAGRAPHS} paragraphs side by side`, value: percentile(deskKeys, 0.5), unit: 'ms', baselineName: base, baselineValue: percentile(editorKeys, 0.5) },
      { name: `desk: keystroke → next frame, p95, ${PARAGRAPHS} paragraphs side by side`, value: percentile(deskKeys, 0.95), unit: 'ms', baselineName: base, baselineValue: percentile(editorKeys, 0.95), target: 'ratio ≤ 1.2' },
      { name: `desk: scroll frame time, p50, ${PARAGRAPHS} paragraphs side by side`, value: percentile(deskScroll, 0.5), unit: 'ms', baselineName: base, baselineValue: percentile(editorScroll, 0.5) },
      { name: `desk: scroll frame time, p95, ${PARAGRAPHS} paragraphs side by side`, value: percentile(deskScroll, 0.95), unit: 'ms', baselineName: base, baselineValue: percentile(editorScroll, 0.95), target: 'ratio ≤ 1.2' },
      { name: `desk: main-thread CPU time, ${PASSES} × 150 scroll frames, ${PARAGRAPHS} paragraphs side by side`, value: deskScrollCpu, unit: 'ms', baselineName: base, baselineValue: editorScrollCpu },
    ];
  } finally {
    await browser?.close();
    if (child) {
      child.stdin!.end();
      await new Promise((ok) => setTimeout(ok, 500));
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
