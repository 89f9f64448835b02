/**
 * A comparison in words, one line per change, for the command line and a history view: where
 * (labels in the old and the new version: "12 → 13", "annex II para 3"), what happened, and a
 * tab-separated excerpt (changed words as [-deleted-]{+inserted+}, else the opening words).
 *
 * The wording comes from the i18next resources locales/{en,fr}/compare.json, through the `t`
 * each host passes in (the core imports no i18n library).
 */
import type { BlockChange, BlockRef, CompareResult, MetaChange, PartChange, PartRef, WordRun } from './types';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

function partName(p: PartRef, t: Translate): string {
  if (p.kind === 'annex' || p.kind === 'enclosure') return p.ref ? t(`compare:part.${p.kind}Numbered`, { ref: p.ref }) : t(`compare:part.${p.kind}`);
  return t(`compare:part.${p.kind}`);
}

/** Blocks of the main text are named by their label alone ("12"), elsewhere after their part ("annex II para 3"). */
function prefix(b: BlockRef, t: Translate): string {
  return b.part.kind === 'body' ? '' : partName(b.part, t);
}

function item(b: BlockRef, t: Translate): string {
  const l = b.label;
  if (l) {
    switch (l.kind) {
      case 'paragraph':
      case 'subparagraph':
        return b.part.kind === 'body' ? l.ref : t('compare:block.numbered', { ref: l.ref });
      case 'part-heading':
        return l.label;
      default:
        return t(`compare:block.${l.kind}`, { ref: l.ref });
    }
  }
  return t(`compare:block.${b.kind}`, { n: b.position });
}

const join = (...parts: string[]) => parts.filter((p) => p !== '').join(' ');

function where(old: BlockRef | undefined, now: BlockRef | undefined, t: Translate, more: BlockRef[] = []): string {
  const full = (b: BlockRef) => join(prefix(b, t), item(b, t));
  if (!old) return full(now!);
  if (!now) return full(old);
  const [po, pn] = [prefix(old, t), prefix(now, t)];
  const [io, inew] = [item(old, t), [now, ...more].map((b) => item(b, t)).join(', ')];
  if (po === pn) return io === inew ? full(now) : join(po, `${io} → ${inew}`);
  return `${full(old)} → ${join(pn, inew)}`;
}

function opening(text: string | undefined, words = 10): string {
  const all = (text ?? '').trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}

/** Changed words with a few words of context: "… le [-Groupe-]{+Comité+} de travail …". */
export function wordDiffExcerpt(runs: WordRun[], context = 4): string {
  const out: string[] = [];
  const cut = (flat: string) => {
    const words = flat.split(' ');
    return words.length > 4 * context ? `${words.slice(0, 2 * context).join(' ')} … ${words.slice(-context).join(' ')}` : flat;
  };
  runs.forEach((r, i) => {
    const flat = r.op === 'equal' ? r.text.replace(/\s+/g, ' ') : cut(r.text.replace(/\s+/g, ' '));
    if (r.op === 'delete') out.push(r.paragraphBreak ? '[-¶-]' : `[-${flat}-]`);
    else if (r.op === 'insert') out.push(r.paragraphBreak ? '{+¶+}' : `{+${flat}+}`);
    else if (r.op === 'format') out.push(`{~${flat}~}`);
    else {
      const words = flat.split(' ');
      const first = i === 0;
      const lastRun = i === runs.length - 1;
      if (words.length <= 2 * context + 1 || (first && lastRun)) out.push(flat);
      else if (first) out.push(`… ${words.slice(-context - 1).join(' ')}`);
      else if (lastRun) out.push(`${words.slice(0, context + 1).join(' ')} …`);
      else out.push(`${words.slice(0, context + 1).join(' ')} … ${words.slice(-context - 1).join(' ')}`);
    }
  });
  return out.join('').trim();
}

/** "Jean Dupont, Marie Curie": whose tracked changes these are. */
function authors(c: BlockChange, t: Translate): string {
  const names = [...new Set((c.tracked ?? []).map((x) => x.author ?? t('compare:unknownAuthor')))];
  return names.join(', ');
}

/**
 * Where a block change is ("12 → 13", "annex II para 3") and what happened to it ("moved and
 * changed"), in words; undefined for a block only renumbered (no change to a reader).
 */
export function blockChangeWords(c: BlockChange, t: Translate): { where: string; what: string } | undefined {
  const words = (w: string, op: string) => ({ where: w, what: c.tracked ? t('compare:tracked', { what: op, authors: authors(c, t) }) : op });
  switch (c.op) {
    case 'inserted':
      return words(where(undefined, c.new, t), t('compare:op.inserted'));
    case 'deleted':
      return words(where(c.old, undefined, t), t('compare:op.deleted'));
    case 'split':
      return words(where(c.old, c.new[0], t, c.new.slice(1)), t('compare:op.split'));
    case 'merged':
      return words(`${c.old.map((b) => where(b, undefined, t)).join(', ')} → ${item(c.new, t)}`, t('compare:op.merged'));
    default: {
      if (c.op === 'renumbered') return undefined;
      return words(where(c.old, c.new, t), t(`compare:op.${c.changed && c.moved ? 'movedChanged' : c.changed ? 'changed' : 'moved'}`));
    }
  }
}

function blockLine(c: BlockChange, t: Translate): string | undefined {
  const words = blockChangeWords(c, t);
  if (!words) return undefined;
  let excerpt: string;
  switch (c.op) {
    case 'inserted':
      excerpt = opening(c.new.text);
      break;
    case 'deleted':
      excerpt = opening(c.old.text);
      break;
    case 'split':
    case 'merged':
      excerpt = wordDiffExcerpt(c.runs);
      break;
    default:
      excerpt = c.runs ? wordDiffExcerpt(c.runs) : opening(c.new.text);
  }
  return `${t('compare:line', words)}${excerpt === '' ? '' : `\t${excerpt}`}`;
}

/** A part change in words (its title's changed words as [-…-]{+…+}); undefined for a part only renumbered. */
export function partLine(c: PartChange, t: Translate, blocks: number): string | undefined {
  const count = blocks > 0 ? `\t${t('compare:part.blocks', { count: blocks })}` : '';
  if (c.op === 'inserted') return `${t('compare:line', { where: partName(c.new, t), what: t('compare:op.inserted') })}${count}`;
  if (c.op === 'deleted') return `${t('compare:line', { where: partName(c.old, t), what: t('compare:op.deleted') })}${count}`;
  if (c.op === 'renumbered') return undefined;
  const [o, n] = [partName(c.old, t), partName(c.new, t)];
  const name = o === n ? n : `${o} → ${n}`;
  const what = c.changed && c.moved ? 'movedChanged' : c.changed ? 'changed' : 'moved';
  const subject = c.title ? t('compare:part.title', { part: name }) : name;
  return `${t('compare:line', { where: subject, what: t(`compare:op.${what}`) })}${c.title ? `\t${wordDiffExcerpt(c.title)}` : ''}`;
}

function value(v: unknown, t: Translate): string {
  if (v === undefined) return t('compare:none');
  if (Array.isArray(v)) return v.length === 0 ? t('compare:none') : v.every((x) => typeof x !== 'object') ? v.join(', ') : JSON.stringify(v);
  // Metadata values come from JSON: a string as it is, anything else as JSON writes it.
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** A metadata change in words: "metadata meta.symbols: S/2017/1 → S/2017/2". */
export function metaLine(m: MetaChange, t: Translate): string {
  return t('compare:metadata', { path: m.path, old: value(m.old, t), new: value(m.new, t) });
}

/** One line per change, in reading order: parts first, then blocks, then metadata. Blocks of a part inserted or deleted whole are counted on the part's line. */
export function describeChanges(r: CompareResult, t: Translate): string[] {
  const wholeParts = new Set(r.parts.flatMap((p) => (p.op === 'inserted' ? [`new:${p.new.id}`] : p.op === 'deleted' ? [`old:${p.old.id}`] : [])));
  const inWhole = (c: BlockChange) => (c.op === 'inserted' && wholeParts.has(`new:${c.new.part.id}`)) || (c.op === 'deleted' && wholeParts.has(`old:${c.old.part.id}`));
  const countIn = (key: string) => r.blocks.filter((c) => inWhole(c) && (c.op === 'inserted' ? `new:${c.new.part.id}` : c.op === 'deleted' ? `old:${c.old.part.id}` : '') === key).length;
  const lines: string[] = [];
  for (const p of r.parts) {
    const l = partLine(p, t, p.op === 'inserted' ? countIn(`new:${p.new.id}`) : p.op === 'deleted' ? countIn(`old:${p.old.id}`) : 0);
    if (l) lines.push(l);
  }
  for (const c of r.blocks) {
    if (inWhole(c)) continue;
    const l = blockLine(c, t);
    if (l) lines.push(l);
  }
  for (const m of r.metadata) lines.push(metaLine(m, t));
  return lines;
}

/** "2 changed, 1 inserted, 18 renumbered only, 1 metadata change(s)", or "no differences". */
export function describeSummary(r: CompareResult, t: Translate): string {
  const order = ['changed', 'inserted', 'deleted', 'moved', 'split', 'merged', 'renumbered', 'parts', 'metadata'] as const;
  const items = order.filter((k) => r.summary[k] > 0).map((k) => t(`compare:count.${k}`, { count: r.summary[k] }));
  return items.length === 0 ? t('compare:identical') : items.join(', ');
}

/** A note (a returned file's comment) in one line: whose, when, what, and on which words. */
export function describeNote(note: { text: string; author?: string; date?: string; quote?: string }, t: Translate): string {
  const date = note.date ? t('compare:noteDate', { date: note.date.slice(0, 10) }) : '';
  const on = note.quote ? t('compare:noteOn', { quote: opening(note.quote) }) : '';
  return t('compare:note', { author: note.author ?? t('compare:unknownAuthor'), date, text: note.text.replace(/\s+/g, ' ') }) + on;
}
