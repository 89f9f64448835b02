/**
 * The thinning policy for automatic revisions: the rule itself (pure function, with properties
 * checked on random histories) and the store applying it as weeks of editing go by.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_THINNING, revisionsToThin, type RevisionReason } from '../../../src/services/store';
import { editParagraph, makeDocument } from './docs';
import { DAY, freshStore, HOUR, MINUTE } from './helpers';

type Rev = { seq: number; createdAt: number; reason: RevisionReason; locked: boolean };

const NOW = Date.UTC(2026, 5, 1, 12);

function autos(times: number[]): Rev[] {
  return times.map((createdAt, i) => ({ seq: i + 1, createdAt, reason: 'auto' as const, locked: false }));
}

describe('revisionsToThin (the policy)', () => {
  it('keeps the newest 50 automatic revisions whatever their age', () => {
    const revs = autos(Array.from({ length: 50 }, (_, i) => NOW - (50 - i) * MINUTE));
    expect(revisionsToThin(revs, NOW)).toEqual([]);
  });

  it('beyond 50: one per hour for a week, then one per day', () => {
    // 50 recent ones, then 4 per hour over 3 hours two days ago, then 3 per day over 2 days a month ago.
    const recent = Array.from({ length: 50 }, (_, i) => NOW - (i + 1) * MINUTE);
    const twoDaysAgo = Math.floor((NOW - 2 * DAY) / HOUR) * HOUR;
    const hourly = [0, 1, 2].flatMap((h) => [5, 20, 35, 50].map((m) => twoDaysAgo + h * HOUR + m * MINUTE));
    const monthAgo = Math.floor((NOW - 30 * DAY) / DAY) * DAY;
    const daily = [0, 1].flatMap((d) => [2, 9, 17].map((h) => monthAgo + d * DAY + h * HOUR));
    const revs = autos([...daily, ...hourly, ...recent].sort((a, b) => a - b));
    const dropped = new Set(revisionsToThin(revs, NOW));
    const kept = revs.filter((r) => !dropped.has(r.seq)).map((r) => r.createdAt);
    expect(kept.filter((t) => recent.includes(t))).toHaveLength(50);
    // Hourly zone: the newest of each hour (minute 50).
    expect(kept.filter((t) => hourly.includes(t)).map((t) => new Date(t).getUTCMinutes())).toEqual([50, 50, 50]);
    // Daily zone: the newest of each day (17:00).
    expect(kept.filter((t) => daily.includes(t)).map((t) => new Date(t).getUTCHours())).toEqual([17, 17]);
  });

  it('never drops a protected revision or the newest one (property)', () => {
    const reason = fc.constantFrom<RevisionReason>('created', 'imported', 'copied', 'auto', 'close', 'named', 'final', 'restore');
    fc.assert(
      fc.property(fc.array(fc.record({ age: fc.integer({ min: 0, max: 90 * DAY }), reason, locked: fc.boolean() }), { maxLength: 300 }), (spec) => {
        const revs: Rev[] = spec
          .map((s) => ({ createdAt: NOW - s.age, reason: s.reason, locked: s.locked || s.reason === 'final' }))
          .sort((a, b) => a.createdAt - b.createdAt)
          .map((r, i) => ({ ...r, seq: i + 1 }));
        const dropped = new Set(revisionsToThin(revs, NOW));
        const newest = revs.reduce<Rev | undefined>((m, r) => (!m || r.createdAt > m.createdAt || (r.createdAt === m.createdAt && r.seq > m.seq) ? r : m), undefined);
        for (const r of revs) {
          if (dropped.has(r.seq)) {
            expect(['auto', 'close']).toContain(r.reason);
            expect(r.locked).toBe(false);
            expect(r.seq).not.toBe(newest?.seq);
          }
        }
        // Bound: at most keepLast + one per hour of the last week + one per day before that.
        const keptAutos = revs.filter((r) => (r.reason === 'auto' || r.reason === 'close') && !r.locked && !dropped.has(r.seq)).length;
        expect(keptAutos).toBeLessThanOrEqual(DEFAULT_THINNING.keepLast + 1 + 7 * 24 + 1 + 91 + 1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('thinning in the store', () => {
  it('three weeks of daily editing keep history bounded, keep named snapshots, and free unused blobs', async () => {
    const { store, clock } = await freshStore();
    let doc = makeDocument({ paragraphs: 20 });
    const d = store.create(doc);
    let version = d.version;
    const named: number[] = [];
    let n = 0;
    for (let day = 0; day < 21; day++) {
      // Eight hours of work a day, a save every 2.5 minutes (so a revision every 5 minutes).
      for (let save = 0; save < (8 * 60) / 2.5; save++) {
        clock.advance(2.5 * MINUTE);
        doc = editParagraph(doc, n % 20, `Texte ${++n}`);
        version = store.save(d.id, doc, { base: version }).version;
      }
      store.closeDossier(d.id);
      if (day % 7 === 0) named.push(store.snapshot(d.id, `Week ${day / 7 + 1}`).seq);
      clock.advance(16 * HOUR);
    }
    const history = store.history(d.id);
    const automatic = history.filter((r) => r.reason === 'auto' || r.reason === 'close');
    // 21 days × 96 automatic revisions were recorded; the policy keeps 50 + ≤1/hour for 7 days + ≤1/day before.
    expect(automatic.length).toBeLessThanOrEqual(50 + 7 * 24 + 21);
    expect(automatic.length).toBeGreaterThan(50);
    for (const seq of named) expect(history.find((r) => r.seq === seq)?.reason).toBe('named');
    expect(history.some((r) => r.reason === 'created')).toBe(true);
    // No two kept automatic revisions older than a week share a day.
    const oldDays = automatic.filter((r) => clock.t - r.createdAt >= 7 * DAY).map((r) => Math.floor(r.createdAt / DAY));
    expect(new Set(oldDays).size).toBe(oldDays.length);
    // Every blob is used by some revision (thinned texts are freed).
    const db = store.connection;
    expect(db.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(db.prepare('SELECT count(DISTINCT blob_hash) FROM revisions').pluck().get());
    // The newest revision still opens.
    expect(store.revision(d.id, history[0]!.seq).document).toEqual(doc);
  });
});
