/**
 * Property tests (fast-check, fixed seed) on the model and the text recogniser: whatever JSON
 * is put anywhere in a valid document, validation answers (valid, or issues in short sentences)
 * and never throws; whatever lines a text holds, the recogniser gives a valid document or the
 * one "nothing to import" refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentIssues, parseDocument, parseDocumentJson } from '../../../src/core/model/validate';
import { createFromTemplate } from '../../../src/core/templates';
import { sequentialIds } from '../../../src/core/model/builder';
import { DOCUMENT_KINDS, SCHEMA_VERSION, type RDocument } from '../../../src/core/model/schema';
import { numberDocument } from '../../../src/core/numbering/numbering';
import { checkDocument } from '../../../src/core/checker';
import { importText } from '../../../src/core/import';
import { NothingToImportError } from '../../../src/core/import/nothing';
import { MAX_MESSAGE, NOT_A_SENTENCE, SEED, runs } from './fuzz-config';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every (container, key) of a JSON value, to pick where to mutate. */
function slots(root: Json): [Json[] | Record<string, Json>, string | number][] {
  const out: [Json[] | Record<string, Json>, string | number][] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push([v, i]);
        stack.push(c);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push([v, k]);
        stack.push(v[k]!);
      }
    }
  }
  return out;
}

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'k'.repeat(5000), 'b-1', 'p-1', 'id');
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('constructor', '__proto__', 'toString', -1, 1e308, 4000, 10_001, '', 'x'.repeat(10_000), [], {}),
  fc.nat({ max: 300 }).map((d) => {
    let v: Json = { id: 'q0', kind: 'paragraph', numbered: false };
    for (let i = 1; i <= d; i++) v = { id: `q${i}`, kind: 'quote', blocks: [v] };
    return v;
  }),
);

function checkIssues(r: ReturnType<typeof parseDocument>): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues) {
    expect(`${i.path}: ${i.message}`.length).toBeLessThan(MAX_MESSAGE);
    expect(i.message).not.toMatch(NOT_A_SENTENCE);
  }
}

describe('fuzz: the document model', () => {
  it('any value at any place: validation answers, and a valid result numbers and checks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_KINDS), fc.constantFrom('fr' as const, 'en' as const), fc.array(fc.tuple(fc.nat(), fc.oneof(hostileKey, fc.string()), hostileValue, fc.boolean()), { minLength: 1, maxLength: 4 }), (kind, lang, edits) => {
        const doc = JSON.parse(JSON.stringify(createFromTemplate(kind, lang, sequentialIds()))) as Json;
        for (const [at, key, value, replace] of edits) {
          const all = slots(doc);
          const [container, slot] = all[at % all.length]!;
          if (Array.isArray(container)) container[slot as number] = value;
          else if (replace) container[slot as string] = value;
          else Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
        }
        const r = parseDocument(doc);
        checkIssues(r);
        // the importer's in-place check (no copy of the whole document) gives the same verdict
        // for a document of the current version (parseDocument also migrates older ones)
        if (typeof doc === 'object' && doc !== null && !Array.isArray(doc) && doc.schemaVersion === SCHEMA_VERSION) {
          const inPlace = documentIssues(doc as unknown as RDocument);
          expect(inPlace.length === 0, JSON.stringify(inPlace.slice(0, 2))).toBe(r.ok);
        }
        if (r.ok) {
          numberDocument(r.value, lang);
          checkDocument(r.value);
        }
        // and through JSON text, the way the CLI reads it (a "__proto__" key survives JSON text)
        checkIssues(parseDocumentJson(JSON.stringify(doc)));
      }),
      { numRuns: runs(400), seed: SEED },
    );
  });

  it('any bytes as JSON text: a sentence, never an exception', () => {
    const valid = JSON.stringify(createFromTemplate('letter', 'fr', sequentialIds()));
    fc.assert(
      fc.property(fc.nat({ max: valid.length }), fc.string({ maxLength: 20 }), fc.boolean(), (cut, insert, bom) => {
        const text = `${bom ? '\ufeff' : ''}${valid.slice(0, cut)}${insert}${valid.slice(cut + (insert.length % 3))}`;
        checkIssues(parseDocumentJson(text));
      }),
      { numRuns: runs(400), seed: SEED },
    );
  });
});

const LINES = [
  'Lettre datée du 3 mars 2022, adressée au Président du Conseil de sécurité',
  'Annexe', 'Annexe II', 'Annexe 150', 'Pièce jointe', '[Original : anglais]', '(Signé) Paul Duclos',
  'I. Introduction', 'A. Débat', '1. Le Groupe s’est réuni.', '10001. Paragraphe lointain.', '(a) premier point ;', 'ii) second point.',
  '- 3 -', '2/16', 'S/2017/138', 'A/75/1', '17-03245 (F)', '*1703245*', '', '   ', '• puce', '> citation', '| a | b |', '# Titre',
  'Conseil de sécurité', 'Distr. générale', 'Français', 'Original : anglais',
];
const line = fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 80 }), fc.stringMatching(/^[0-9IVXLCivx]{1,6}[.)] [A-Za-zé ]{0,30}$/));

describe('fuzz: the text recogniser', () => {
  it('any lines: a valid document, or the one "nothing to import" refusal', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.constantFrom('\n', '\n\n', '\r\n'), (lines, sep) => {
        try {
          const r = importText(lines.join(sep));
          const v = parseDocument(r.doc);
          expect(v.ok).toBe(true);
          for (const w of r.report.warnings) expect(w).not.toMatch(NOT_A_SENTENCE);
        } catch (e) {
          expect(e).toBeInstanceOf(NothingToImportError);
        }
      }),
      { numRuns: runs(300), seed: SEED },
    );
  });
});
