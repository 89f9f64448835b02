/**
 * Printing in the app: the HTML print view (rendered by src/services/export) printed by Chromium
 * itself, to PDF through `webContents.printToPDF` (export) or on paper through
 * `webContents.print` (File > Print, the system's print dialog), in a hidden window that is sandboxed, has no
 * preload (so no IPC), no JavaScript (the print view needs none) and is destroyed afterwards.
 * The HTML is written to a private temporary file (loading it as a data: URL would hit URL
 * length limits for documents with images) that is deleted afterwards.
 *
 * Only runnable inside Electron: its unit test (tests/unit/main-process.test.ts) checks the
 * window's settings and the clean-up with a fake `electron`; the PDF itself is checked where
 * the CLI prints the same HTML through Chromium (tests/integration/export/pdf.test.ts).
 */
import type { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronPrintToPdfOptions } from '../services/export/html/print-options';
import type { ExportOptions } from '../core/render/options';
import { newSecureWindow } from './web-preferences';


/** Loads `html` in a hidden, sandboxed window without JavaScript, runs `use`, then cleans up. */
async function withPrintWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'rapporteur-print-'));
  const file = join(dir, 'print.html');
  let win: BrowserWindow | undefined;
  try {
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    // The secure preferences (./web-preferences.ts), with no JavaScript at all.
    win = newSecureWindow({ show: false }, { javascript: false, devTools: false, spellcheck: false });
    await win.loadFile(file);
    return await use(win);
  } finally {
    win?.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

export function printHtmlToPdf(html: string, options: Pick<ExportOptions, 'paper'>): Promise<Uint8Array> {
  return withPrintWindow(html, async (win) => new Uint8Array(await win.webContents.printToPDF(electronPrintToPdfOptions(options))));
}

/** Opens the system's print dialog on the print view; true when it was printed, false when cancelled. */
export function printHtml(html: string): Promise<boolean> {
  return withPrintWindow(
    html,
    (win) =>
      new Promise<boolean>((resolve, reject) => {
        win.webContents.print({ silent: false, printBackground: false }, (printed, reason) => {
          if (printed || reason === 'cancelled') resolve(printed);
          else reject(new Error(`the document could not be printed (${reason})`));
        });
      }),
  );
}
