/**
 * A stable fingerprint of a block's text, recorded on each translated block as the hash of the
 * source text it was made from, so a translation can be flagged outdated when the source moves.
 * FNV-1a 64-bit over a canonical serialisation: pure, synchronous, identical in Node and browsers.
 */
import type { BlockText, Inline } from './schema';

function canonicalInline(run: Inline): string {
  switch (run.type) {
    case 'text':
      return `t${JSON.stringify([run.text, [...(run.marks ?? [])].sort()])}`;
    case 'xref':
      return `x${JSON.stringify([run.target, run.form, run.to ?? null])}`;
    case 'footnote':
      return `f[${run.content.map((r) => canonicalInline(r)).join(',')}]`;
  }
}

export function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}

/** Hash of a block's content (placeholder flags and the translation's own sourceHash are ignored). */
export function textHash(text: BlockText | undefined): string {
  if (!text) return fnv1a64('');
  return fnv1a64(text.content.map(canonicalInline).join('|'));
}
