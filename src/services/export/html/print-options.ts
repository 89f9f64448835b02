/**
 * How a host prints the HTML print view to PDF. The page size, margins and furniture are in the
 * HTML's own CSS (@page rules and margin boxes), so every host must let CSS decide the page size
 * and must not add its own header and footer.
 */
import type { ExportOptions } from '../../../core/render/options';

/** Options for Electron's `webContents.printToPDF` (the app's PDF export). */
export function electronPrintToPdfOptions(options: Pick<ExportOptions, 'paper'>) {
  return {
    pageSize: options.paper === 'a4' ? ('A4' as const) : ('Letter' as const),
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}
