/**
 * Small pictures for the issued layout's first-page footer, as SVG: the Code 39 barcode of the
 * job number (`*1702619*`, core/render/code39.ts) and a recycling mark beside "Please recycle".
 * Pure string building.
 */
import { code39Modules } from '../../../core/render/code39';

/** The bars of a Code 39 text (with its `*` frame) as [x, width] in narrow-module units, and the total width. */
export function code39Bars(text: string): { bars: [number, number][]; width: number } {
  const bars: [number, number][] = [];
  let x = 0;
  for (const m of code39Modules(text)) {
    if (m.bar) bars.push([x, m.width]);
    x += m.width;
  }
  return { bars, width: x };
}

/** The barcode as an SVG document, `height` points tall, bars scaled to `module` points. */
export function code39Svg(text: string, height = 18, module = 0.75): string {
  const { bars, width } = code39Bars(text);
  const rects = bars.map(([x, w]) => `<rect x="${x * module}" y="0" width="${w * module}" height="${height}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * module}pt" height="${height}pt" viewBox="0 0 ${width * module} ${height}"><g fill="#000">${rects}</g></svg>`;
}

/** A plain recycling mark: three chasing arrows. */
export function recycleSvg(size = 18): string {
  const arrow = 'M50 12 L70 46 L61 51 L50 32 L34 60 L25 55 Z M74 36 L82 58 L60 58 Z';
  const arrows = [0, 120, 240].map((deg) => `<path d="${arrow}" transform="rotate(${deg} 50 50)"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}pt" height="${size}pt" viewBox="0 0 100 100"><g fill="#000">${arrows}</g></svg>`;
}
