/**
 * PDF from the HTML print view, through the system's Chromium (playwright-core drives it; no
 * browser is downloaded). The app itself uses Electron's `webContents.printToPDF` on the same
 * HTML; this module is for the CLI and tests.
 *
 * Page furniture (running header, "n/N" page numbers, page-1 footer) comes from the HTML's own
 * CSS @page margin boxes, so `page.pdf` runs with `preferCSSPageSize` and without Chromium's
 * header/footer templates (which cannot leave page 1 bare). Nothing is fetched: every request
 * that is not a data: URL is aborted, and the browser context is offline.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { ExportOptions } from '../../core/render/options';

export class ChromiumNotFoundError extends Error {
  readonly code = 'chromium-not-found';
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

const HINT = 'install chromium or set RAPPORTEUR_CHROMIUM';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

function candidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const out: string[] = [];
  if (platform === 'darwin') {
    for (const app of ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']) {
      out.push(join('/Applications', app));
      if (env.HOME) out.push(join(env.HOME, 'Applications', app));
    }
  } else if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    for (const root of roots) {
      out.push(join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'));
      out.push(join(root, 'Chromium', 'Application', 'chrome.exe'));
      out.push(join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'));
    }
  } else {
    for (const name of NAMES) out.push(join('/usr/bin', name));
    out.push('/snap/bin/chromium');
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of NAMES) out.push(join(dir, platform === 'win32' ? `${name}.exe` : name));
  }
  return out;
}

function isExecutable(path: string): boolean {
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: `explicit` if given, else $RAPPORTEUR_CHROMIUM, else the first browser
 * found in the usual places and on PATH. Throws ChromiumNotFoundError with the remedy.
 */
export function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (explicit !== undefined) {
    if (isExecutable(explicit)) return explicit;
    throw new ChromiumNotFoundError(`no Chromium found at "${explicit}": ${HINT}`);
  }
  const fromEnv = env.RAPPORTEUR_CHROMIUM;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumNotFoundError(`no Chromium found at RAPPORTEUR_CHROMIUM="${fromEnv}": ${HINT}`);
  }
  const found = candidates(env, platform).find(isExecutable);
  if (!found) throw new ChromiumNotFoundError(`no Chromium found: ${HINT}`);
  return found;
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type PdfRenderer = {
  /** The browser executable in use. */
  executablePath: string;
  render(html: string, options: Pick<ExportOptions, 'paper'>): Promise<Uint8Array>;
  close(): Promise<void>;
};

/** Starts Chromium once, for several PDFs (the CLI exporting many files, tests). */
export async function openPdfRenderer(opts: { chromiumPath?: string } = {}): Promise<PdfRenderer> {
  const executablePath = findChromium(opts.chromiumPath);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: ARGS, timeout: 60_000 });
  } catch (e) {
    throw new Error(`could not start Chromium at "${executablePath}": ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  return {
    executablePath,
    async render(html, options) {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort('blockedbyclient')));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: options.paper === 'a4' ? 'A4' : 'Letter',
          preferCSSPageSize: true,
          printBackground: true,
          displayHeaderFooter: false,
          tagged: true,
          outline: true,
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** One HTML print view to PDF. Throws ChromiumNotFoundError when no browser is found. */
export async function htmlToPdf(html: string, options: Pick<ExportOptions, 'paper'>, opts: { chromiumPath?: string } = {}): Promise<Uint8Array> {
  const renderer = await openPdfRenderer(opts);
  try {
    return await renderer.render(html, options);
  } finally {
    await renderer.close();
  }
}
