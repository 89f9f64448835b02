/**
 * Helpers for the HTML print view and PDF tests: small real images, the text of an HTML string,
 * and a check that an HTML string is well-formed and self-contained.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { ImageAsset } from '../../../src/core/render/options';

function chunk(type: string, data: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** A real PNG (RGB), `w`×`h`, filled with `rgb`, with a dark diagonal so it is not blank. */
export function png(w: number, h: number, rgb: [number, number, number] = [30, 60, 160]): ImageAsset {
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) {
      const onLine = Math.abs(x * h - y * w) < w;
      rows.push(...(onLine ? [0, 0, 0] : rgb));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
  return { bytes: new Uint8Array(bytes), mime: 'image/png', widthPx: w, heightPx: h };
}

export function base64Of(asset: ImageAsset): string {
  return Buffer.from(asset.bytes).toString('base64');
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/** The visible text of an HTML string: no <style>, tags removed, entities decoded, spaces folded. */
export function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<\/?(span|sup|i|b|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]!)
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const VOID = new Set(['meta', 'img', 'br', 'hr', 'link', 'col', 'input']);

/** Element names in document order; throws when tags do not nest properly. */
export function checkTags(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!DOCTYPE html>/, '');
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const [, close, raw] = m;
    const name = raw!.toLowerCase();
    if (close) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}> at ${m.index}`);
    } else {
      names.push(name);
      if (!VOID.has(name)) stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(' ')}`);
  return names;
}

/** The text of each element carrying class `cls` (first class match), in order. */
export function textsOfClass(html: string, tag: string, cls: string): string[] {
  const re = new RegExp(`<${tag} class="(?:[^"]* )?${cls}(?: [^"]*)?"[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...html.matchAll(re)].map((m) => htmlText(m[1]!));
}
