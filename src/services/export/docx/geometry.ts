/**
 * The layout's page geometry (core/render/geometry.ts, in points) in the units WordprocessingML
 * uses: twips (1/20 pt) for lengths, half-points for type sizes, 240ths of a line for double
 * spacing. Nothing here is a measurement of its own.
 */
import type { PageGeometry, TextStyle } from '../../../core/render/geometry';

/** Points → twips. */
export const pt = (points: number): number => Math.round(points * 20);
/** Points → half-points (run sizes). */
export const hp = (points: number): number => Math.round(points * 2);

/** The page's lengths, as the geometry names them, in twips. */
type Lengths = Pick<PageGeometry, 'page' | 'margin' | 'bodyLeft' | 'bodyRight' | 'tab' | 'headingHang' | 'headingLeft'>;

export type Geometry = Lengths & {
  /** The geometry in points, as the layout carries it. */
  points: PageGeometry;
  /** Width between the page margins (the furniture width). */
  frameWidth: number;
};

const twips = <T extends Record<string, number>>(lengths: T): T => Object.fromEntries(Object.entries(lengths).map(([k, v]) => [k, pt(v)])) as T;

export function docxGeometry(g: PageGeometry): Geometry {
  const page = twips(g.page);
  const margin = twips(g.margin);
  const { bodyLeft, bodyRight, tab, headingHang, headingLeft } = twips({ bodyLeft: g.bodyLeft, bodyRight: g.bodyRight, tab: g.tab, headingHang: g.headingHang, headingLeft: g.headingLeft });
  // In twips from twips, as Word adds them up.
  return { points: g, page, margin, frameWidth: page.width - margin.left - margin.right, bodyLeft, bodyRight, tab, headingHang, headingLeft };
}

/** A style's line spacing: exact leading in twips, or double spacing (480 in 240ths of a line). */
export function lineOf(g: Geometry, style: TextStyle): number {
  return g.points.spacing === 'exact' ? pt(style.line) : 480;
}

/** A style's type size in half-points. */
export function sizeOf(style: TextStyle): number {
  return hp(style.size);
}
