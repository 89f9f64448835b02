/**
 * A new edition of a recurring document (this year's report from last year's): the structure and
 * text copied with new ids, each block linked to the one it came from (`meta.previousEdition`),
 * the reporting period and the dates moved on by one year, and the years of the old period that
 * the text still states listed for review — never replaced: only the drafter knows whether
 * « en 2016 » is the year reported on or a date that stays.
 *
 * A report whose title states its period (an imported text: « … au cours de la période allant
 * du 1er janvier au 31 décembre 2016 ») keeps its title's subject, and the period is stated once,
 * in the metadata, which the title then reads (core/wording/period.ts).
 */
import type { IdGenerator } from './builder';
import type { Inline, Lang, Part, RDocument, TextLayer } from './schema';
import { LANGS } from './schema';
import { listBlocks, listParts } from './walk';
import { findPeriod, nextYearDate, titleSubject, type ReportingPeriod } from '../wording/period';
import { parseIsoDate } from '../locale/dates';

/** A place in the new edition where a year of the old period is still written. */
export type YearToReview = { id: string; lang: Lang; year: number; excerpt: string };

export type NewEdition = {
  doc: RDocument;
  /** The old text with the new ids: what the new edition is compared with (its baseline). */
  baseline: RDocument;
  period: { old: ReportingPeriod; new: ReportingPeriod } | undefined;
  review: YearToReview[];
};

/** Every structural id (parts, blocks, rows, cells) and footnote id of `doc`, mapped to a new one. */
function newIds(doc: RDocument, ids: IdGenerator): Map<string, string> {
  const map = new Map<string, string>();
  const fresh = (old: string) => map.set(old, ids(/^[A-Za-z]+/.exec(old)?.[0] ?? 'x'));
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.id === 'string') fresh(o.id);
    for (const [k, v] of Object.entries(o)) if (k !== 'id') visit(v);
  };
  visit(doc.parts);
  for (const lang of LANGS) for (const t of Object.values(doc.text[lang] ?? {})) for (const run of t.content) if (run.type === 'footnote') fresh(run.id);
  return map;
}

function remapContent(content: Inline[], id: (old: string) => string): Inline[] {
  return content.map((run) => {
    if (run.type === 'xref') return { ...run, target: id(run.target), ...(run.to !== undefined ? { to: id(run.to) } : {}) };
    if (run.type === 'footnote') return { ...run, id: id(run.id), content: remapContent(run.content, id) as typeof run.content };
    return run;
  });
}

/** `doc` with every id replaced through `id` (structure, text layers, references, overrides). */
function withIds(doc: RDocument, id: (old: string) => string): RDocument {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = k === 'id' && typeof v === 'string' ? id(v) : visit(v);
    return out;
  };
  const text: RDocument['text'] = {};
  for (const lang of LANGS) {
    const layer = doc.text[lang];
    if (!layer) continue;
    const next: TextLayer = {};
    for (const [k, t] of Object.entries(layer)) next[id(k)] = { ...t, content: remapContent(t.content, id) };
    text[lang] = next;
  }
  const overrides: RDocument['overrides'] = {};
  for (const [k, v] of Object.entries(doc.overrides)) {
    const [kind, target] = k.split(':') as [string, string];
    overrides[`${kind}:${id(target)}`] = v;
  }
  return { ...doc, parts: visit(doc.parts) as Part[], text, overrides };
}

const plain = (content: Inline[]) => content.map((r) => (r.type === 'text' ? r.text : '')).join('');

/** The period the document states: its metadata, else the first period its titles or text state. */
export function statedPeriod(doc: RDocument): ReportingPeriod | undefined {
  if (doc.meta.reportingPeriod) return doc.meta.reportingPeriod;
  for (const lang of LANGS) {
    const layer = doc.text[lang];
    if (!layer) continue;
    const ids = [...listParts(doc).map((p) => p.part.id), ...listBlocks(doc).map((b) => b.block.id)];
    for (const id of ids) {
      const t = layer[id];
      const found = t ? findPeriod(plain(t.content), lang) : undefined;
      if (found) return found.period;
    }
  }
  return undefined;
}

export function newEdition(old: RDocument, ids: IdGenerator, previousDossier: string): NewEdition {
  const map = newIds(old, ids);
  const id = (o: string) => map.get(o) ?? o;
  const baseline = withIds(old, id);
  const doc: RDocument = structuredClone(baseline);

  const oldPeriod = statedPeriod(old);
  const period = oldPeriod ? { old: oldPeriod, new: { from: nextYearDate(oldPeriod.from), to: nextYearDate(oldPeriod.to) } } : undefined;
  const meta = { ...doc.meta };
  if (period) meta.reportingPeriod = period.new;
  if (meta.issueDate) meta.issueDate = nextYearDate(meta.issueDate);
  if (meta.letterDate) meta.letterDate = nextYearDate(meta.letterDate);
  // The Secretariat gives the new edition its own symbol and job number.
  meta.symbols = [];
  delete meta.jobNumber;
  const oldId = new Map([...map].map(([o, n]) => [n, o]));
  meta.previousEdition = { dossier: previousDossier, blocks: Object.fromEntries(listBlocks(doc).map(({ block }) => [block.id, oldId.get(block.id)!])) };
  doc.meta = meta;

  // The report's title reads the period from the metadata: its text keeps only the subject.
  if (period) {
    for (const { part } of listParts(doc)) {
      if (part.kind !== 'body' || part.bodyType !== 'report') continue;
      for (const lang of LANGS) {
        const t = doc.text[lang]?.[part.id];
        const subject = t && t.content.every((r) => r.type === 'text') ? titleSubject(plain(t.content), lang) : undefined;
        if (subject) doc.text[lang]![part.id] = { ...t!, content: [{ type: 'text', text: subject }] };
      }
    }
  }

  const review: YearToReview[] = [];
  if (period) {
    const years = new Set([parseIsoDate(period.old.from).year, parseIsoDate(period.old.to).year]);
    const order = [...listParts(doc).map((p) => p.part.id), ...listBlocks(doc).map((b) => b.block.id)];
    for (const lang of LANGS) {
      const layer = doc.text[lang];
      if (!layer) continue;
      for (const at of order) {
        const t = layer[at];
        if (!t) continue;
        const text = plain(t.content);
        for (const m of text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
          const year = Number(m[1]);
          if (!years.has(year)) continue;
          const start = Math.max(0, m.index - 40);
          review.push({ id: at, lang, year, excerpt: `${start > 0 ? '…' : ''}${text.slice(start, m.index + 4 + 40).trim()}${m.index + 44 < text.length ? '…' : ''}` });
        }
      }
    }
  }
  return { doc, baseline, period, review };
}
