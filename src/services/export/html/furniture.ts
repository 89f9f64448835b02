/**
 * Small pictures for the issued layout's first-page footer, as SVG: the Code 39 barcode of the
 * job number (`*1702619*`) and a recycling mark beside "Please recycle". Pure string building.
 */

/** Code 39 patterns, bar/space alternating from a bar; 1 = wide, 0 = narrow. Digits, "-" and the "*" start/stop. */
const CODE39: Record<string, string> = {
  '0': '000110100',
  '1': '100100001',
  '2': '001100001',
  '3': '101100000',
  '4': '000110001',
  '5': '100110000',
  '6': '001110000',
  '7': '000100101',
  '8': '100100100',
  '9': '001100100',
  '-': '010000101',
  '*': '010010100',
};

/** The bars of `*DATA*` as [x, width] in narrow-module units, and the total width. */
export function code39Bars(data: string): { bars: [number, number][]; width: number } {
  const wide = 3;
  const bars: [number, number][] = [];
  let x = 0;
  const chars = `*${data}*`;
  for (let c = 0; c < chars.length; c++) {
    const pattern = CODE39[chars[c]!];
    if (!pattern) throw new RangeError(`Code 39 (as used here) encodes digits and "-" only, not "${chars[c]}"`);
    for (let i = 0; i < 9; i++) {
      const w = pattern[i] === '1' ? wide : 1;
      if (i % 2 === 0) bars.push([x, w]);
      x += w;
    }
    if (c < chars.length - 1) x += 1; // inter-character gap
  }
  return { bars, width: x };
}

/** The barcode as an SVG document, `height` points tall, bars scaled to `module` points. */
export function code39Svg(data: string, height = 18, module = 0.75): string {
  const { bars, width } = code39Bars(data);
  const rects = bars.map(([x, w]) => `<rect x="${x * module}" y="0" width="${w * module}" height="${height}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width * module}pt" height="${height}pt" viewBox="0 0 ${width * module} ${height}"><g fill="#000">${rects}</g></svg>`;
}

/** A plain recycling mark: three chasing arrows. */
export function recycleSvg(size = 18): string {
  const arrow = 'M50 12 L70 46 L61 51 L50 32 L34 60 L25 55 Z M74 36 L82 58 L60 58 Z';
  const arrows = [0, 120, 240].map((deg) => `<path d="${arrow}" transform="rotate(${deg} 50 50)"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}pt" height="${size}pt" viewBox="0 0 100 100"><g fill="#000">${arrows}</g></svg>`;
}
