/**
 * Hand-made zip archives for the hostile-input tests: entries that lie about their size, an
 * unknown compression method, a missing central directory, tens of thousands of entries, and
 * DEFLATE bombs made by streaming one reused buffer through zlib (so the test never holds the
 * inflated size in memory).
 */
import { createDeflateRaw, deflateRawSync } from 'node:zlib';

export type Entry = { name: string; data: Uint8Array; method?: number; declaredSize?: number; raw?: boolean };

/** `megabytes` MB of one repeated byte, DEFLATE-compressed (about 1,000:1). */
export async function deflateBomb(megabytes: number, fill = 0x20): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1024 * 1024, fill);
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  for (let i = 0; i < megabytes; i++) if (!z.write(chunk)) await new Promise((r) => z.once('drain', r));
  z.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/**
 * A zip archive. `data` is deflated unless `raw` (then it is already compressed, with its real
 * inflated size in `declaredSize`, or stored with method 0); `cut` leaves out the central directory.
 */
export function zip(entries: Entry[], { cut = false } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const body = e.raw || method !== 8 ? Buffer.from(e.data) : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  if (cut) return new Uint8Array(Buffer.concat(locals));
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const enc = new TextEncoder();
export const CONTENT_TYPES = enc.encode(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
);

/** word/document.xml with `body` inside w:body. */
export function documentXml(body: string): Uint8Array {
  return enc.encode(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
}

export function para(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

/** A minimal, valid .docx holding `body`. */
export function minimalDocx(body: string, extra: Entry[] = []): Uint8Array {
  return zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: documentXml(body) }, ...extra]);
}
