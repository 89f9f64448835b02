/**
 * The export service: one entry point for every format, used by the CLI and the app's main
 * process (no Electron import). DOCX is built here (./docx); the HTML print view (./html) and
 * PDF through Chromium's print-to-PDF (./pdf) are loaded only when asked for, so a DOCX export
 * never loads the HTML renderer or a browser driver.
 */
import type { RDocument } from '../../core/model/schema';
import type { ExportFormat, ExportOptions, ExportWarning } from '../../core/render/options';
import type { ChangesFrom } from './docx/revisions';

export type ExportResult = { bytes: Uint8Array; warnings: ExportWarning[]; mime: string; extension: string };

const MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** `changes` (DOCX only): the changes from an older version, marked (./docx/revisions.ts). */
export async function exportDocument(doc: RDocument, format: ExportFormat, options: ExportOptions, changes?: ChangesFrom): Promise<ExportResult> {
  if (changes && format !== 'docx') throw new Error(`changes from an older version are marked in DOCX only, not ${format}`);
  const done = (bytes: Uint8Array, warnings: ExportWarning[]): ExportResult => ({ bytes, warnings, mime: MIME[format], extension: format });
  switch (format) {
    case 'docx': {
      const { exportDocx } = await import('./docx/index');
      const r = await exportDocx(doc, options, changes);
      return done(r.bytes, r.warnings);
    }
    case 'html': {
      const { renderHtml } = await import('./html/index');
      const r = renderHtml(doc, options);
      return done(new TextEncoder().encode(r.html), r.warnings);
    }
    case 'pdf': {
      const { renderHtml } = await import('./html/index');
      const { htmlToPdf } = await import('./pdf');
      const r = renderHtml(doc, options);
      return done(await htmlToPdf(r.html, options), r.warnings);
    }
  }
}
