/**
 * The editor in Chromium (playwright-core + the system's /usr/bin/chromium), each measure beside
 * a bare Lexical editor as it ships (rich text, default styles, history) holding the same words
 * as plain paragraphs, in the same run. The page is tests/bench/editor-page/main.tsx, bundled
 * here with esbuild (the same Lexical build for both editors) and served on loopback.
 *
 * - keystroke → next frame (keydown's timestamp to the first task after the next frame), p50 and
 *   p95, typing in the middle of a 1,000- and a 5,000-paragraph report; also ours with
 *   content-visibility turned off, to see what it is worth;
 * - time to open the 1,000-paragraph report (mount → first frame with it on screen), median of 3;
 * - the longest main-thread task (PerformanceObserver 'longtask') during a 5 MB plain-text paste
 *   with typed numbers;
 * - the long tasks (> 50 ms) during an autosave of the 1,000-paragraph report: ours produces the
 *   model from the editor and the JSON the host would receive; bare saves its editor state JSON.
 *
 * EDITOR_BENCH=autosave (or open, keystrokes, paste; comma-separated) runs only those parts;
 * EDITOR_BENCH_CPU=4 runs them on a CPU slowed down 4 times (Chromium's throttling, both editors).
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RDocument } from '../../src/core/model/schema';
import { makeDocument } from '../integration/store/docs';
import type { Bench } from './editor-page/main';

type Row = { name: string; value: number; unit: string; baselineName: string; baselineValue: number; target?: string };

const root = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

async function bundle(dir: string): Promise<void> {
  await build({
    entryPoints: { main: join(import.meta.dirname, 'editor-page', 'main.tsx'), recognizeWorker: join(root, 'src', 'renderer', 'editor', 'paste', 'recognizeWorker.ts') },
    outdir: dir,
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    conditions: ['production'],
    define: { 'process.env.NODE_ENV': '"production"', __APP_VERSION__: '"bench"' },
    loader: { '.css': 'css', '.json': 'json' },
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="stylesheet" href="main.css"></head><body><script type="module" src="main.js"></script></body></html>');
}

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    try {
      const body = readFileSync(join(dir, path === '/' ? 'index.html' : path.slice(1)));
      res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

/** The words of the document's paragraphs, in order, as the bare editor holds them. */
function plainTexts(doc: RDocument): string[] {
  const layer = doc.text.fr ?? {};
  return doc.parts.flatMap((p) => p.blocks.map((b) => (layer[b.id]?.content ?? []).map((r) => (r.type === 'text' ? r.text : '')).join('')));
}

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? NaN;
}

const median = (xs: number[]) => percentile(xs, 0.5);

/** A 5 MB report as pasted text: typed paragraph numbers, some subparagraphs. */
function bigPaste(): string {
  const doc = makeDocument({ paragraphs: 9000, words: 70, seed: 7, languages: ['fr'] });
  const texts = plainTexts(doc).filter((t) => t !== '');
  const lines: string[] = [];
  let n = 0;
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const t = texts[i % texts.length]!;
    const line = i % 9 === 3 ? `a) ${t}` : i % 9 === 4 ? `b) ${t}` : `${++n}. ${t}`;
    lines.push(line);
    size += line.length + 2;
  }
  return lines.join('\n\n');
}

/** EDITOR_BENCH_CPU=4: every page runs with Chromium's CPU slowed down 4 times (a slow laptop). */
const CPU_SLOWDOWN = Number(process.env['EDITOR_BENCH_CPU'] ?? '1');

async function newPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (CPU_SLOWDOWN > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  page.on('pageerror', (e) => console.error('[bench page]', e.message));
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'editor bench ready');
  return page;
}

/** Enter pressed in the middle (a structural change: ours renumbers, in the same frame). */
async function enters(page: Page, count: number): Promise<number[]> {
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.caretInMiddle());
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.resetLatencies());
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type('x', { delay: 80 });
  }
  await page.waitForTimeout(300);
  // Every other sample is the typed letter: keep the Enters.
  return (await page.evaluate(() => (window as unknown as { bench: Bench }).bench.latencies() as number[])).filter((_, i) => i % 2 === 0);
}

async function keystrokes(page: Page, chars: number): Promise<number[]> {
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.caretInMiddle());
  await page.keyboard.type('abc', { delay: 60 }); // warm-up
  await page.evaluate(() => (window as unknown as { bench: Bench }).bench.resetLatencies());
  await page.keyboard.type('la coopération régionale '.repeat(Math.ceil(chars / 25)).slice(0, chars), { delay: 60 });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { bench: Bench }).bench.latencies() as number[]);
}

export default async function bench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-editor-'));
  const rows: Row[] = [];
  let browser: Browser | undefined;
  let server: Server | undefined;
  try {
    await bundle(dir);
    const served = await serve(dir);
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const parts = new Set((process.env['EDITOR_BENCH'] ?? 'open,keystrokes,paste,autosave').split(','));
    const doc1000 = makeDocument({ paragraphs: 1000, words: 60, languages: ['fr'] });
    const doc5000 = makeDocument({ paragraphs: 5000, words: 60, languages: ['fr'] });

    // Open the 1,000-paragraph report.
    if (parts.has('open')) {
      const openOurs: number[] = [];
      const openBare: number[] = [];
      for (let i = 0; i < 3; i++) {
        const a = await newPage(browser, served.url);
        openOurs.push(await a.evaluate((d) => (window as unknown as { bench: Bench }).bench.openOurs(d), doc1000));
        await a.close();
        const b = await newPage(browser, served.url);
        openBare.push(await b.evaluate((t) => (window as unknown as { bench: Bench }).bench.openBare(t), plainTexts(doc1000)));
        await b.close();
      }
      rows.push({ name: 'editor: open the 1,000-paragraph report (median of 3)', value: median(openOurs), unit: 'ms', baselineName: 'bare Lexical, same words', baselineValue: median(openBare), target: 'ratio ≤ 1.5' });
    }

    // Keystrokes in the middle, 1,000 and 5,000 paragraphs.
    if (parts.has('keystrokes')) {
      for (const [n, doc] of [
        [1000, doc1000],
        [5000, doc5000],
      ] as const) {
        const ours = await newPage(browser, served.url);
        await ours.evaluate((d) => (window as unknown as { bench: Bench }).bench.openOurs(d), doc);
        const oursLat = await keystrokes(ours, 120);
        const oursEnter = n === 5000 ? await enters(ours, 12) : [];
        // The same, with content-visibility off (what it is worth).
        await ours.addStyleTag({ content: '.rk-part > .rk-block { content-visibility: visible !important; }' });
        const plainLat = await keystrokes(ours, 120);
        await ours.close();
        const bare = await newPage(browser, served.url);
        await bare.evaluate((t) => (window as unknown as { bench: Bench }).bench.openBare(t), plainTexts(doc));
        const bareLat = await keystrokes(bare, 120);
        const bareEnter = n === 5000 ? await enters(bare, 12) : [];
        await bare.close();
        if (n === 5000) {
          rows.push({ name: 'editor: Enter (renumbers everything on screen) → next frame, p50, 5000 paragraphs', value: percentile(oursEnter, 0.5), unit: 'ms', baselineName: 'bare Lexical, same words', baselineValue: percentile(bareEnter, 0.5) });
        }
        const target = n === 1000 ? 'p95 ratio ≤ 1.0' : 'p95 ratio ≤ 0.8';
        rows.push({ name: `editor: keystroke → next frame, p50, ${n} paragraphs`, value: percentile(oursLat, 0.5), unit: 'ms', baselineName: 'bare Lexical, same words', baselineValue: percentile(bareLat, 0.5) });
        rows.push({ name: `editor: keystroke → next frame, p95, ${n} paragraphs`, value: percentile(oursLat, 0.95), unit: 'ms', baselineName: 'bare Lexical, same words', baselineValue: percentile(bareLat, 0.95), target });
        rows.push({ name: `editor without content-visibility: keystroke p95, ${n} paragraphs`, value: percentile(plainLat, 0.95), unit: 'ms', baselineName: 'bare Lexical, same words', baselineValue: percentile(bareLat, 0.95) });
      }
    }

    // A 5 MB paste.
    if (parts.has('paste')) {
      const text = bigPaste();
      const small = makeDocument({ paragraphs: 20, words: 40, languages: ['fr'] });
      const p1 = await newPage(browser, served.url);
      await p1.evaluate((d) => (window as unknown as { bench: Bench }).bench.openOurs(d), small);
      const pasteOurs = await p1.evaluate((t) => (window as unknown as { bench: Bench }).bench.paste(t), text);
      await p1.close();
      const p2 = await newPage(browser, served.url);
      await p2.evaluate((t) => (window as unknown as { bench: Bench }).bench.openBare(t), plainTexts(small));
      const pasteBare = await p2.evaluate((t) => (window as unknown as { bench: Bench }).bench.paste(t), text);
      await p2.close();
      rows.push({
        name: `editor: longest main-thread task, 5 MB paste (${pasteOurs.blocks} blocks, ${Math.round(pasteOurs.ms)} ms in all)`,
        value: pasteOurs.longest,
        unit: 'ms',
        baselineName: `bare Lexical (${Math.round(pasteBare.ms)} ms in all)`,
        baselineValue: pasteBare.longest,
        target: 'ratio ≤ 1.0',
      });
    }

    // Autosave of the 1,000-paragraph report.
    if (parts.has('autosave')) {
      const s1 = await newPage(browser, served.url);
      await s1.evaluate((d) => (window as unknown as { bench: Bench }).bench.openOurs(d), doc1000);
      const saves: { longTasks: number[]; ms: number; detail?: unknown }[] = [];
      for (let i = 0; i < 5; i++) saves.push(await s1.evaluate(() => (window as unknown as { bench: Bench }).bench.autosave()));
      // EDITOR_BENCH_DETAIL=1: when each long task and each save came, ms after the change's wait began.
      if (process.env['EDITOR_BENCH_DETAIL']) console.error('[bench] autosaves:', JSON.stringify(saves.map((s) => s.detail)));
      // Where a save's time goes when done in one piece: the model from the editor, and its JSON.
      const pieces: { model: number; wire: number }[] = [];
      for (let i = 0; i < 5; i++) pieces.push(await s1.evaluate((d) => (window as unknown as { bench: Bench }).bench.profileSave(d), doc1000));
      await s1.close();
      const s2 = await newPage(browser, served.url);
      await s2.evaluate((t) => (window as unknown as { bench: Bench }).bench.openBare(t), plainTexts(doc1000));
      const bareSaves: { longTasks: number[]; ms: number }[] = [];
      for (let i = 0; i < 5; i++) bareSaves.push(await s2.evaluate(() => (window as unknown as { bench: Bench }).bench.autosave()));
      await s2.close();
      const count = (xs: { longTasks: number[] }[]) => xs.reduce((n, x) => n + x.longTasks.length, 0);
      rows.push({ name: 'editor: long tasks (> 50 ms) during 5 autosaves, 1,000 paragraphs', value: count(saves), unit: 'tasks', baselineName: 'bare Lexical, JSON of its state', baselineValue: count(bareSaves), target: '0' });
      const longest = (xs: { longTasks: number[] }[]) => Math.max(0, ...xs.flatMap((x) => x.longTasks));
      rows.push({ name: 'editor: longest long task during 5 autosaves, 1,000 paragraphs (0: none)', value: longest(saves), unit: 'ms', baselineName: 'bare Lexical, JSON of its state', baselineValue: longest(bareSaves) });
      rows.push({ name: 'editor: the model built in one piece, 1,000 paragraphs (median of 5; the autosave slices it)', value: median(pieces.map((p) => p.model)), unit: 'ms', baselineName: 'its JSON for the host, one piece', baselineValue: median(pieces.map((p) => p.wire)) });
      rows.push({ name: 'editor: one autosave, 1,000 paragraphs (median of 5)', value: median(saves.map((s) => s.ms)), unit: 'ms', baselineName: 'bare Lexical, JSON of its state', baselineValue: median(bareSaves.map((s) => s.ms)) });
    }
  } finally {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
