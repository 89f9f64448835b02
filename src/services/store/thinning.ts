/**
 * Which automatic revisions to let go. Pure: takes a dossier's revisions and the time, returns
 * the `seq`s to delete. The policy (also in docs/store.md):
 *
 * - Only automatic revisions are ever thinned: those taken every few minutes while editing
 *   ("auto") and when a dossier is closed ("close"). Named snapshots, finalised (locked)
 *   revisions, restores, the revision made at creation, import or copy are kept forever.
 * - The newest `keepLast` automatic revisions (default 50) are all kept.
 * - Older automatic revisions younger than `hourlyFor` (default 7 days): one per clock hour
 *   (UTC) — the newest of the hour — and none for an hour already holding a kept revision.
 * - Older still: likewise, one per day (UTC).
 * - The newest revision of the dossier is never thinned, whatever its kind.
 */

import type { RevisionReason } from '../../shared/library';

export type { RevisionReason };

export const AUTOMATIC_REASONS: readonly RevisionReason[] = ['auto', 'close'];

export type ThinningPolicy = {
  /** Automatic revisions always kept, newest first. */
  keepLast: number;
  /** Age (ms) up to which one automatic revision per hour is kept; older: one per day. */
  hourlyFor: number;
};

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const DEFAULT_THINNING: ThinningPolicy = { keepLast: 50, hourlyFor: 7 * DAY };

export type ThinnableRevision = { seq: number; createdAt: number; reason: RevisionReason; locked: boolean };

export function revisionsToThin(revisions: readonly ThinnableRevision[], now: number, policy: ThinningPolicy = DEFAULT_THINNING): number[] {
  const newestFirst = [...revisions].sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
  const head = newestFirst[0]?.seq;
  const automatic = newestFirst.filter((r) => AUTOMATIC_REASONS.includes(r.reason) && !r.locked);
  const seenBuckets = new Set<string>();
  const drop: number[] = [];
  automatic.forEach((r, i) => {
    const age = now - r.createdAt;
    const bucket = age < policy.hourlyFor ? `h${Math.floor(r.createdAt / HOUR)}` : `d${Math.floor(r.createdAt / DAY)}`;
    // An hour (or day) already represented by a newer kept revision needs no other.
    const represented = seenBuckets.has(bucket);
    seenBuckets.add(bucket);
    if (i < policy.keepLast || r.seq === head) return;
    if (represented) drop.push(r.seq);
  });
  return drop.sort((a, b) => a - b);
}
