/**
 * Interface strings: the same keys in English and French, nothing empty, and French text that
 * follows French typography (no-break space before : ; ! ? and inside « »).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const locales = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'locales');
const files = (lang: string) => readdirSync(join(locales, lang)).filter((f) => f.endsWith('.json')).sort();
const load = (lang: string, file: string) => JSON.parse(readFileSync(join(locales, lang, file), 'utf8')) as unknown;

/** Flattened "a.b.c" → string. */
function flatten(value: unknown, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else throw new Error(`${prefix}: not a string or object`);
  return out;
}

describe('locales', () => {
  it('have the same files in en/ and fr/', () => {
    expect(files('fr')).toEqual(files('en'));
    expect(files('en').length).toBeGreaterThan(0);
  });

  for (const file of files('en')) {
    describe(file, () => {
      const en = flatten(load('en', file));
      const fr = flatten(load('fr', file));

      it('has the same keys in both languages, none empty', () => {
        expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
        for (const [k, v] of [...Object.entries(en), ...Object.entries(fr)]) expect(v.trim(), k).not.toBe('');
      });

      it('keeps the same {{placeholders}} in both languages', () => {
        const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        for (const k of Object.keys(en)) expect(vars(fr[k]!), k).toEqual(vars(en[k]!));
      });

      it('follows French typography in French', () => {
        for (const [k, v] of Object.entries(fr)) {
          expect(v, `${k}: ordinary space or nothing before a high punctuation mark`).not.toMatch(/(?:^|[^\u00a0\u202f])[:;!?](?=\s|$)/u);
          expect(v, `${k}: « must be followed by a no-break space`).not.toMatch(/«(?!\u00a0)/u);
          expect(v, `${k}: » must be preceded by a no-break space`).not.toMatch(/(?<!\u00a0)»/u);
          expect(v, `${k}: English quotation marks`).not.toMatch(/["“”]/u);
        }
      });
    });
  }
});
