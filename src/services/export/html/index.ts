/**
 * HTML print view of a document (issued, manuscript, letterhead profiles): self-contained HTML
 * for the preview, Print and print-to-PDF. Free of Node imports: the renderer may import it.
 */
export { renderHtml, type HtmlResult } from './render';
export { printCss, pageGeometry, type CssParams, type PageGeometry } from './css';
export { escapeHtml } from './escape';
export { electronPrintToPdfOptions } from './print-options';
export { code39Bars, code39Svg } from './furniture';
