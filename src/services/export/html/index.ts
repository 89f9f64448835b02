/**
 * HTML print view of a document (issued, manuscript, letterhead profiles): self-contained HTML
 * for Print and print-to-PDF. Free of Node imports.
 */
export { renderHtml, type HtmlResult } from './render';
export { electronPrintToPdfOptions } from './print-options';
