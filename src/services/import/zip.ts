/**
 * The zip archive of a .docx, read with limits (zip bombs, campaign findings 1, 2, 5): the number
 * of entries, each part's and all parts' inflated size are capped while inflating — a bomb that
 * lies about its size in the archive is stopped by what it really inflates to — in the normal path
 * (central directory) and in the repair path (local headers, for an archive whose end is missing).
 * Only the parts asked for are inflated, by Node's zlib.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError, MAX_INFLATED_BYTES, MAX_XML_BYTES, MAX_ZIP_ENTRIES, megabytes } from './errors';

export type Archive = {
  files: Map<string, Uint8Array>;
  /** The central directory was missing or unreadable: `files` holds what the local headers gave. */
  repaired: boolean;
  warnings: string[];
};

type Budget = { total: number; name: string };

function tooMuchInAll(name: string): ImportError {
  return new ImportError('too-large', `${name} unpacks to more than ${megabytes(MAX_INFLATED_BYTES)} of text; the limit is ${megabytes(MAX_INFLATED_BYTES)} for all its parts together (this may be a "zip bomb").`);
}

/**
 * `data` inflated, stopped as soon as it passes the per-part cap or what is left of the total
 * budget. Node's zlib does the inflating (native: a 128 MB bomb takes about 0.1 s where fflate's
 * JavaScript inflater took 2 s) and `maxOutputLength` stops it at the cap, whatever the archive
 * says the size is.
 */
function inflateCapped(data: Uint8Array, part: string, budget: Budget): Uint8Array {
  // no bytes at all: read as an empty part, as the inflater used before did (zlib calls it cut short)
  if (data.length === 0) return new Uint8Array(0);
  const left = MAX_INFLATED_BYTES - budget.total;
  const cap = Math.min(MAX_XML_BYTES, left);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(cap, 1) });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw e;
    if (cap === MAX_XML_BYTES) {
      throw new ImportError('too-large', `${budget.name}: ${part} is more than ${megabytes(MAX_XML_BYTES)} once unpacked; the limit is ${megabytes(MAX_XML_BYTES)} per part (this may be a "zip bomb").`);
    }
    throw tooMuchInAll(budget.name);
  }
  budget.total += out.length;
  // left was 0, so the 1 byte zlib was allowed is already too much
  if (budget.total > MAX_INFLATED_BYTES) throw tooMuchInAll(budget.name);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** One entry's bytes, inflated; throws ImportError for a limit, anything else for damage. */
function entryData(bytes: Uint8Array, method: number, start: number, compressed: number, part: string, budget: Budget): Uint8Array {
  const end = start + compressed;
  if (end > bytes.length) throw new RangeError('entry runs past the end of the file');
  const data = bytes.subarray(start, end);
  if (method === 0) {
    if (data.length > MAX_XML_BYTES) throw new ImportError('too-large', `${budget.name}: ${part} is ${megabytes(data.length)}; the limit is ${megabytes(MAX_XML_BYTES)} per part.`);
    budget.total += data.length;
    if (budget.total > MAX_INFLATED_BYTES) throw new ImportError('too-large', `${budget.name} unpacks to more than ${megabytes(MAX_INFLATED_BYTES)} of text; the limit is ${megabytes(MAX_INFLATED_BYTES)} for all its parts together.`);
    return data;
  }
  if (method === 8) return inflateCapped(data, part, budget);
  throw new ImportError('damaged-docx', `${budget.name} is a damaged or unusual .docx: ${part} is stored with a compression method Word does not use (method ${method}), so it cannot be read.`);
}

const decoder = new TextDecoder();

/** The central directory, or undefined when the archive's end is missing or damaged. */
function centralDirectory(bytes: Uint8Array, view: DataView): { count: number; offset: number } | undefined {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const count = view.getUint16(at + 10, true);
    const offset = view.getUint32(at + 16, true);
    if (offset >= bytes.length || view.getUint32(offset, true) !== 0x02014b50) return undefined;
    return { count, offset };
  }
  return undefined;
}

function tooMany(name: string): ImportError {
  return new ImportError('too-large', `${name} holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} files inside its archive; a .docx holds a few dozen, and the limit is ${MAX_ZIP_ENTRIES.toLocaleString('en')}.`);
}

/** Reads the `wanted` parts of a zip archive; a limit passed is an ImportError, damage sets `repaired`. */
export function readArchive(bytes: Uint8Array, name: string, wanted: readonly string[]): Archive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const budget: Budget = { total: 0, name };
  const warnings: string[] = [];
  const dir = centralDirectory(bytes, view);
  if (dir) {
    if (dir.count > MAX_ZIP_ENTRIES) throw tooMany(name);
    try {
      const files = new Map<string, Uint8Array>();
      let at = dir.offset;
      for (let i = 0; i < dir.count; i++) {
        if (view.getUint32(at, true) !== 0x02014b50) throw new RangeError('bad central directory entry');
        const method = view.getUint16(at + 10, true);
        const compressed = view.getUint32(at + 20, true);
        const declared = view.getUint32(at + 24, true);
        const nameLength = view.getUint16(at + 28, true);
        const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
        const local = view.getUint32(at + 42, true);
        const part = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
        at = next;
        if (!wanted.includes(part) || files.has(part)) continue;
        if (view.getUint32(local, true) !== 0x04034b50) throw new RangeError('bad local header');
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const data = entryData(bytes, method, start, compressed, part, budget);
        if (data.length !== declared) warnings.push(`${name}: ${part} is not the size its archive says (${declared} bytes, but ${data.length}); the file may be damaged. Check the result against the original.`);
        files.set(part, data);
      }
      return { files, repaired: false, warnings };
    } catch (e) {
      if (e instanceof ImportError) throw e;
      // fall through to the local headers
    }
  }
  return { files: salvage(bytes, view, wanted, budget), repaired: true, warnings };
}

/** Entries whose bytes are all there, read from the local headers, under the same limits. */
function salvage(bytes: Uint8Array, view: DataView, wanted: readonly string[], budget: Budget): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let at = 0;
  let entries = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    if (++entries > MAX_ZIP_ENTRIES) throw tooMany(budget.name);
    const flags = view.getUint16(at + 6, true);
    const method = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const part = decoder.decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    if (flags & 0x08 && size === 0) break; // sizes in a data descriptor after the data: cannot walk on
    const end = start + size;
    if (end > bytes.length) break;
    if (wanted.includes(part) && !out.has(part)) {
      try {
        out.set(part, entryData(bytes, method, start, size, part, budget));
      } catch (e) {
        if (e instanceof ImportError) throw e;
        break;
      }
    }
    at = end + (flags & 0x08 ? 16 : 0);
  }
  return out;
}
