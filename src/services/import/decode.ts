/**
 * Bytes of a text file → a string, with the encoding found rather than assumed: a byte-order
 * mark (UTF-8, UTF-16 LE/BE), UTF-16 without one (NUL bytes every other byte), UTF-8, and
 * otherwise Windows-1252 (the Word-for-Windows "ANSI" that Latin-1 files also decode as).
 * Binary files are refused with a clear error rather than turned into mojibake.
 */
import { ImportError, MAX_TEXT_BYTES, megabytes } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Decoded = { text: string; encoding: TextEncodingName; warnings: string[] };

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Share of characters that no text contains (controls other than tab/newline/form feed, U+FFFD). */
function garbage(text: string): number {
  const sample = text.slice(0, 20_000);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / sample.length;
}

export function decodeText(bytes: Uint8Array, name = 'the file'): Decoded {
  if (bytes.length === 0) throw new ImportError('empty', `${name} is empty: there is nothing to import.`);
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new ImportError('too-large', `${name} is too large to import as text (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_TEXT_BYTES)}). Split it, or import the DOCX instead.`);
  }
  const warnings: string[] = [];
  let encoding: TextEncodingName;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else {
    const u16 = utf16Guess(bytes);
    if (u16) {
      encoding = u16;
      warnings.push(`read as ${u16 === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'} without a byte-order mark`);
    } else if (bytes.includes(0)) {
      throw new ImportError('binary', `${name} is not a text file (it contains binary data). Import a .txt, .md or .docx file.`);
    } else {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        encoding = 'utf-8';
      } catch {
        encoding = 'windows-1252';
        warnings.push(`${name} is not valid UTF-8: read as Windows-1252 (Western European). Check accented letters.`);
      }
    }
  }
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && body.length % 2 === 1) {
    warnings.push(`${name} ends in the middle of a character (odd number of bytes for UTF-16): the last byte was not read.`);
  }
  const text = new TextDecoder(encoding, { fatal: false }).decode(body);
  if (garbage(text) > 0.02) {
    throw new ImportError('binary', `${name} does not look like text (${encoding} decoding gives control characters). Import a .txt, .md or .docx file.`);
  }
  if (text.includes('\ufffd')) warnings.push(`${name}: some bytes are not valid ${encoding} and show as "\ufffd".`);
  return { text, encoding, warnings };
}
