/**
 * The page geometry of core/render/geometry.ts as CSS custom properties on :root, so the
 * on-screen page has the same width, margins, indents, fonts and type sizes as the DOCX and the
 * print view, from the one definition (the screen shows the issued layout on Letter paper, as
 * `layoutDocument` does by default). Stylesheets read them; none copies a measurement.
 *
 *   --page-width, --page-height, --page-margin-top|right|bottom|left
 *   --body-left, --body-right (the text column's indents), --tab, --heading-hang, --heading-left,
 *   --cell-padding-left, --cell-padding-right
 *   --body-font, --body-size, --body-line, --body-after
 *   --<style>-size, --<style>-line, --<style>-before, --<style>-after for every text style
 *     (title, subtitle, part-heading, chapter, section, subsection, unnumbered-heading,
 *     annex-heading, original-marker, signature, table-text, table-head, footnote, furniture, stamp)
 *   --masthead-<size>-size (united-nations, series, symbol, organ, line), --letterhead-<size>-size
 */
import { pageGeometry, type PageGeometry } from '../core/render/geometry';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The custom properties of one page geometry, every length in points. */
export function pageVariables(g: PageGeometry): Record<string, string> {
  const pt = (n: number) => `${n}pt`;
  const vars: Record<string, string> = {
    '--page-width': pt(g.page.width),
    '--page-height': pt(g.page.height),
    '--page-margin-top': pt(g.margin.top),
    '--page-margin-right': pt(g.margin.right),
    '--page-margin-bottom': pt(g.margin.bottom),
    '--page-margin-left': pt(g.margin.left),
    '--body-left': pt(g.bodyLeft),
    '--body-right': pt(g.bodyRight),
    '--tab': pt(g.tab),
    '--heading-hang': pt(g.headingHang),
    '--heading-left': pt(g.headingLeft),
    '--cell-padding-left': pt(g.cellPadding.left),
    '--cell-padding-right': pt(g.cellPadding.right),
    '--body-font': [g.font.family, ...g.font.fallbacks].map((f) => (/\s/.test(f) ? `'${f}'` : f)).join(', '),
  };
  for (const [name, size] of Object.entries(g.masthead)) vars[`--masthead-${kebab(name)}-size`] = pt(size);
  for (const [name, size] of Object.entries(g.letterhead)) vars[`--letterhead-${kebab(name)}-size`] = pt(size);
  for (const [name, style] of Object.entries(g.style)) {
    const key = kebab(name);
    vars[`--${key}-size`] = pt(style.size);
    vars[`--${key}-line`] = g.spacing === 'exact' ? pt(style.line) : '2';
    vars[`--${key}-before`] = pt(style.before);
    vars[`--${key}-after`] = pt(style.after);
  }
  return vars;
}

/** Sets the screen's page geometry on the document's root element (once, at start). */
export function applyPageGeometry(root: HTMLElement = document.documentElement, g: PageGeometry = pageGeometry('issued', 'letter')): void {
  for (const [name, value] of Object.entries(pageVariables(g))) root.style.setProperty(name, value);
}
