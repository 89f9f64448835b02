/**
 * The Code 39 barcode of a job number (core/render/code39.ts) drawn as a small greyscale PNG
 * (no font, no dependency), for the first-page footer of the DOCX export.
 */
import { code39Modules } from '../../../core/render/code39';
import { concat } from './bytes';

// ---------------------------------------------------------------------------------------------
// A minimal PNG writer: 8-bit greyscale, zlib "stored" blocks (no compression library needed).

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const x of bytes) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + data.length + 4);
  const view = new DataView(out.buffer);
  out[0] = 0x78;
  out[1] = 0x01;
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const chunk = data.subarray(i * 65535, Math.min(data.length, (i + 1) * 65535));
    out[at] = i === blocks - 1 ? 1 : 0;
    view.setUint16(at + 1, chunk.length, true);
    view.setUint16(at + 3, ~chunk.length & 0xffff, true);
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  view.setUint32(at, adler32(data));
  return out;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Greyscale PNG from rows of 0–255 values. */
export function greyscalePng(width: number, height: number, pixel: (x: number, y: number) => number): Uint8Array {
  const raw = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = pixel(x, y);
  }
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0))];
  return concat(parts);
}

/** Pixels per module and quiet zone of the generated image. */
export const BARCODE_NARROW_PX = 2;
export const BARCODE_WIDE_PX = 5;
export const BARCODE_QUIET_PX = 10;

/** The barcode of `text` (with its `*` frame) as a PNG, black bars on white. */
export function code39Png(text: string, heightPx = 24): { png: Uint8Array; width: number; height: number } {
  const modules = code39Modules(text, BARCODE_NARROW_PX, BARCODE_WIDE_PX);
  const columns: boolean[] = [];
  for (let i = 0; i < BARCODE_QUIET_PX; i++) columns.push(false);
  for (const m of modules) for (let i = 0; i < m.width; i++) columns.push(m.bar);
  for (let i = 0; i < BARCODE_QUIET_PX; i++) columns.push(false);
  const width = columns.length;
  return { png: greyscalePng(width, heightPx, (x) => (columns[x] ? 0 : 255)), width, height: heightPx };
}
