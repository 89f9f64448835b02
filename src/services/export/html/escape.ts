/**
 * Escaping and inline images for the HTML print view. Pure string work: no Node modules, so the
 * renderer's preview can import it too.
 */
import type { ImageAsset } from '../../../core/render/options';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A string as a CSS string literal (for `content: "…"` in @page margin boxes): backslashes,
 * quotes and line breaks escaped, and "<" written as an escape so the text can never close the
 * <style> element it sits in.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\A ';
    else if (ch === '<' || ch === '>' || ch === '&' || ch.charCodeAt(0) < 0x20) out += `\\${ch.charCodeAt(0).toString(16)} `;
    else out += ch;
  }
  return `${out}"`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[(n >> 18) & 63]}${B64[(n >> 12) & 63]}${B64[(n >> 6) & 63]}=`;
  }
  return out;
}

export function imageDataUrl(image: ImageAsset): string {
  return `data:${image.mime};base64,${base64(image.bytes)}`;
}

/** An SVG document as a data: URL (for CSS `url()` and <img src>). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64(new TextEncoder().encode(svg))}`;
}
