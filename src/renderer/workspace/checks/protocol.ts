/** Messages between the live checks (./liveChecks.ts) and their worker (./checkWorker.ts). */
import type { Finding } from '../../../core/checker/index';
import type { WordCount } from '../../../core/checker/wordcount';
import type { Lang, PartKind, RDocument } from '../../../core/model/schema';

/** A finding and where it is, as the numbering engine labels it in the checked language. */
export type LocatedFinding = Finding & { label?: string; partKind?: PartKind };

export type CheckRequest = { seq: number; doc: RDocument; lang: Lang };
export type CheckOutcome = { findings: LocatedFinding[]; words: WordCount; ms: number };
export type CheckResponse = ({ seq: number } & CheckOutcome) | { seq: number; error: string };
