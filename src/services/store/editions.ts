/**
 * New editions (core/model/edition.ts): a new dossier made from a previous one, whose history
 * starts with its baseline — the old text with the new ids (or an imported text of last year's
 * issued report) — as a named revision, followed by the new edition itself. Which revision is the
 * baseline, and whether its ids are the new edition's, is the library setting `baseline:<id>`.
 */
import type { Connection } from './connection';
import { newEdition, type NewEdition } from '../../core/model/edition';
import { randomIds } from '../../core/model/builder';
import type { RDocument } from '../../core/model/schema';
import { recordRevision } from './revisions';
import { currentJson, insertDossier, loadJson, prepare, row, summaryByNum, writeCurrent } from './rows';
import type { DossierSummary } from './types';

/** Where a dossier's baseline is: a revision, and whether its ids are the dossier's own. */
export type BaselineRef = { seq: number; ids: 'trust' | 'ignore' };
export const baselineKey = (id: string) => `baseline:${id}`;

export type EditionResult = DossierSummary & Pick<NewEdition, 'period' | 'review'> & { baseline: BaselineRef; from: string };

/**
 * Inside the caller's transaction: the new dossier (`imported`: the baseline is that text, not the
 * old one). The caller records `baseline` under `baselineKey(id)`.
 */
export function newEditionDossier(c: Connection, id: string, imported?: RDocument): EditionResult {
  const r = row(c, id);
  const old = loadJson(currentJson(c, r.num, r.id, r.title), r.id, r.title, 'current text');
  const edition = newEdition(old, randomIds, r.id);
  const base = imported ? prepare(imported) : prepare(edition.baseline);
  const { num } = insertDossier(c, base);
  const first = recordRevision(c, num, 'named', { force: true, label: imported ? `Baseline: last year’s issued text (imported)` : `Baseline: ${r.id} as it was` })!;
  writeCurrent(c, num, prepare(edition.doc));
  recordRevision(c, num, 'copied', { force: true, label: `New edition of ${r.id}` });
  return { ...summaryByNum(c, num), period: edition.period, review: edition.review, baseline: { seq: first.seq, ids: imported ? 'ignore' : 'trust' }, from: r.id };
}
