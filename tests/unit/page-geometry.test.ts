/** The screen's page measurements are CSS custom properties written from the core's geometry. */
import { describe, expect, it } from 'vitest';
import { pageGeometry } from '../../src/core/render/geometry';
import { pageVariables } from '../../src/renderer/page-geometry';

describe('pageVariables', () => {
  it('writes the issued Letter page in points, as the DOCX and the print view read it', () => {
    const g = pageGeometry('issued', 'letter');
    const v = pageVariables(g);
    expect(v['--page-width']).toBe('612pt');
    expect(v['--page-height']).toBe('792pt');
    expect([v['--page-margin-top'], v['--page-margin-right'], v['--page-margin-bottom'], v['--page-margin-left']]).toEqual(['72pt', '60pt', '72pt', '60pt']);
    expect([v['--body-left'], v['--body-right'], v['--tab'], v['--heading-hang']]).toEqual(['63pt', '62pt', '24pt', '32pt']);
    expect(v['--body-font']).toBe("'Times New Roman', 'Liberation Serif', Tinos, Times, serif");
    expect([v['--body-size'], v['--body-line'], v['--body-after']]).toEqual(['10pt', '12pt', '6pt']);
    expect([v['--chapter-size'], v['--table-head-size'], v['--masthead-series-size']]).toEqual(['14pt', '8pt', '20pt']);
  });

  it('has one property per text style of the geometry, each from its values', () => {
    const g = pageGeometry('manuscript', 'a4');
    const v = pageVariables(g);
    for (const [name, style] of Object.entries(g.style)) {
      const key = name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      expect(v[`--${key}-size`]).toBe(`${style.size}pt`);
      expect(v[`--${key}-line`]).toBe('2');
    }
    expect(v['--page-width']).toBe('595.3pt');
  });
});
