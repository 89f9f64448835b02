/**
 * The document format's migrations (src/core/model/migrations): each step on its own, the chain
 * through `parseDocument`, a document newer than this build refused, and the Council's year as
 * the masthead prints it from the calendar year that version 2 stores.
 */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateDocument } from '../../src/core/model/migrations';
import { v1ToV2 } from '../../src/core/model/migrations/v1-to-v2';
import { SCHEMA_VERSION, type RDocument } from '../../src/core/model/schema';
import { parseDocument } from '../../src/core/model/validate';
import { masthead } from '../../src/core/wording/masthead';
import { seedMeta } from '../fixtures/seeds';
import { asVersion1 } from '../fixtures/version1';

/** Seed 003: joint GA/SC, « Soixante-cinquième année » (2010). */
const joint = () => seedMeta('003').doc;
const councilYears = (doc: unknown) => ((doc as RDocument).meta.sessions.filter((s) => s.organ === 'SC') as { year: number }[]).map((s) => s.year);

describe('step 1 → 2: the Council’s year becomes the calendar year', () => {
  it('turns a stored year of 1945 or less into year + 1945, and keeps a calendar year as it is', () => {
    const v1 = asVersion1(joint());
    expect(councilYears(v1)).toEqual([65]);
    const v2 = v1ToV2(v1);
    expect(v2.schemaVersion).toBe(2);
    expect(councilYears(v2)).toEqual([2010]);
    const typedAsCalendar = { ...v1, meta: { ...(v1.meta as object), sessions: [{ organ: 'SC', year: 2026 }, { organ: 'SC', year: 1945 }, { organ: 'SC', year: 1 }] } };
    expect(councilYears(v1ToV2(typedAsCalendar))).toEqual([2026, 3890, 1946]);
  });

  it('leaves everything else alone and does not touch its input', () => {
    const v1 = asVersion1(joint());
    const before = structuredClone(v1);
    const v2 = v1ToV2(v1);
    expect(v1).toEqual(before);
    const { schemaVersion: _a, meta: m1, ...rest1 } = v1;
    const { schemaVersion: _b, meta: m2, ...rest2 } = v2;
    expect(rest2).toEqual(rest1);
    expect({ ...(m2 as object), sessions: undefined }).toEqual({ ...(m1 as object), sessions: undefined });
    expect((m2 as RDocument['meta']).sessions[0]).toEqual((m1 as RDocument['meta']).sessions[0]); // the GA session
  });

  it('never throws on an odd shape: the schema reports it afterwards, with its path', () => {
    for (const odd of [{ schemaVersion: 1 }, { schemaVersion: 1, meta: 3 }, { schemaVersion: 1, meta: { sessions: 'x' } }, { schemaVersion: 1, meta: { sessions: [null, { organ: 'SC', year: '65' }] } }]) {
      expect(() => v1ToV2(odd)).not.toThrow();
      expect(v1ToV2(odd).schemaVersion).toBe(2);
    }
  });
});

describe('the chain', () => {
  it('has one step per version up to the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('is what parseDocument reads a version 1 document through', () => {
    const r = parseDocument(asVersion1(joint()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.schemaVersion).toBe(2);
    expect(councilYears(r.value)).toEqual([2010]);
    expect(r.value).toEqual(joint());
  });

  it('refuses a document newer than this build, saying so', () => {
    expect(migrateDocument({ schemaVersion: SCHEMA_VERSION + 1 })).toEqual({
      ok: false,
      message: `schema version ${SCHEMA_VERSION + 1} is newer than this version of Rapporteur understands (${SCHEMA_VERSION}): open the document with a newer Rapporteur`,
    });
    const r = parseDocument({ ...joint(), schemaVersion: 3 });
    expect(r).toEqual({ ok: false, issues: [{ path: 'schemaVersion', message: 'schema version 3 is newer than this version of Rapporteur understands (2): open the document with a newer Rapporteur' }] });
  });

  it('a version 2 document must hold a calendar year', () => {
    const doc = joint();
    (doc.meta.sessions[1] as { year: number }).year = 65;
    const r = parseDocument(doc);
    expect(r).toEqual({ ok: false, issues: [{ path: 'meta.sessions[1].year', message: "the Council's year is the calendar year, 1946 or later (e.g. 2026)" }] });
  });
});

describe('the Council’s year in the masthead', () => {
  it('is derived from the calendar year in each language', () => {
    const doc = joint();
    expect(masthead(doc, 'fr').sessionColumns[1]).toEqual({ organ: 'Conseil de sécurité', lines: ['Soixante-cinquième année'], itemTitles: [] });
    expect(masthead(doc, 'en').sessionColumns[1]!.lines).toEqual(['Sixty-fifth year']);
    (doc.meta.sessions[1] as { year: number }).year = 2026;
    expect(masthead(doc, 'fr').sessionColumns[1]!.lines).toEqual(['Quatre-vingt-unième année']);
    expect(masthead(doc, 'en').sessionColumns[1]!.lines).toEqual(['Eighty-first year']);
  });

  it('is printed only on documents of both the Assembly and the Council', () => {
    const doc = joint();
    doc.meta.organs = ['SC'];
    doc.meta.sessions = [{ organ: 'SC', year: 2026 }];
    expect(masthead(doc, 'fr').sessionColumns).toEqual([]);
  });
});
