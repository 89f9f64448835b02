/** The text fingerprint (core/model/hash.ts) equals the FNV-1a 64-bit reference computed with BigInt. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a64 } from '../../src/core/model/hash';

function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('gives the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('equals the BigInt reference on any text, astral characters and no-break spaces included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => fnv1a64(s) === reference(s)), { numRuns: 2000, seed: 42 });
    expect(fnv1a64('« Le Conseil de sécurité », 1er janvier 😀')).toBe(reference('« Le Conseil de sécurité », 1er janvier 😀'));
  });
});
