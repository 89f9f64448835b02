/**
 * A returned version (a DOCX edited elsewhere, e.g. by the Secretariat) matched to the draft it
 * came from, block by block, so that the two can be compared as revisions of one dossier.
 *
 * Parts pair by kind and order. Within a part, blocks pair first by number and text (paragraph
 * 12 is still paragraph 12 and reads much the same), then by text alone (a paragraph that moved
 * or was renumbered), then by number alone (a paragraph rewritten in place). Matched blocks take
 * the draft's ids; what the returned version added gets fresh ids; the draft's other-language
 * text is kept for matched blocks (its source hash then shows whether the translation is behind).
 * The draft's metadata is kept, updated with what the Secretariat filled in (symbols, issue date).
 */
import type { Block, Lang, Part, Person, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';
import { numberDocument, type Numbering } from '../numbering/numbering';
import { inlineText } from '../render/text';
import { parseDocument } from '../model/validate';

export type MatchedBlock = { draftId: string; returnedId: string; by: 'number+text' | 'text' | 'number' | 'position'; similarity: number };

export type MatchResult = {
  /** The returned text, with the draft's ids wherever a block was matched. */
  doc: RDocument;
  matched: MatchedBlock[];
  /** Ids (in `doc`) of blocks the returned version added. */
  added: string[];
  /** Ids (in the draft) of blocks the returned version no longer has. */
  removed: string[];
};

type Item = { block: Block; part: Part; label?: string; kind: string; words: Map<string, number>; size: number; index: number };

function bag(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Dice coefficient of two word multisets: 1 for the same words, 0 for none in common. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let na = 0;
  let nb = 0;
  let common = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  if (na + nb === 0) return 1;
  for (const [w, v] of a) common += Math.min(v, b.get(w) ?? 0);
  return (2 * common) / (na + nb);
}

function flatten(blocks: Block[], out: Block[] = []): Block[] {
  for (const b of blocks) {
    out.push(b);
    if (b.kind === 'quote' || b.kind === 'participants') flatten(b.blocks, out);
    if (b.kind === 'table') for (const r of b.rows) for (const c of r.cells) flatten(c.blocks, out);
  }
  return out;
}

function items(doc: RDocument, part: Part, n: Numbering, lang: Lang): Item[] {
  return flatten(part.blocks).map((block, index) => {
    const t = doc.text[lang]?.[block.id];
    const words = bag(t ? inlineText(t.content, n, { footnotes: 'omit' }) : '');
    let size = 0;
    for (const v of words.values()) size += v;
    const label = n.blocks.get(block.id);
    const kind = block.kind === 'heading' ? `heading:${block.level}` : block.kind === 'subparagraph' ? `sub:${block.level}` : block.kind === 'paragraph' ? `para:${block.numbered}` : block.kind;
    return { block, part, kind, words, size, index, ...(label ? { label: `${label.kind}:${label.ref}` } : {}) };
  });
}

function flattenParts(parts: Part[], out: Part[] = []): Part[] {
  for (const p of parts) {
    out.push(p);
    flattenParts(p.parts, out);
  }
  return out;
}

/** Pairs parts by kind and order of appearance. */
function pairParts(draft: RDocument, returned: RDocument): Map<string, Part> {
  const pairs = new Map<string, Part>();
  const d = flattenParts(draft.parts);
  const r = flattenParts(returned.parts);
  const seen = new Map<string, number>();
  const byKind = new Map<string, Part[]>();
  for (const p of d) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  for (const p of r) {
    const k = seen.get(p.kind) ?? 0;
    seen.set(p.kind, k + 1);
    const match = byKind.get(p.kind)?.[k];
    if (match) pairs.set(p.id, match);
  }
  return pairs;
}

function allIds(doc: RDocument): Set<string> {
  const ids = new Set<string>();
  for (const p of flattenParts(doc.parts)) {
    ids.add(p.id);
    for (const b of flatten(p.blocks)) {
      ids.add(b.id);
      if (b.kind === 'table') {
        for (const r of b.rows) {
          ids.add(r.id);
          for (const c of r.cells) ids.add(c.id);
        }
      }
    }
  }
  for (const pe of doc.meta.people) ids.add(pe.id);
  return ids;
}

/**
 * Matches `returned` (the imported returned version) to `draft`, both read in `lang` (the
 * language the returned version is in).
 */
export function matchRevision(draft: RDocument, returned: RDocument, lang: Lang): MatchResult {
  const nd = numberDocument(draft, lang);
  const nr = numberDocument(returned, lang);
  const partPairs = pairParts(draft, returned);
  const matched: MatchedBlock[] = [];
  const idMap = new Map<string, string>(); // returned id → draft id
  const removed: string[] = [];

  for (const [rid, dpart] of partPairs) idMap.set(rid, dpart.id);

  const draftParts = flattenParts(draft.parts);
  const usedDraft = new Set<string>();
  for (const rpart of flattenParts(returned.parts)) {
    const dpart = partPairs.get(rpart.id);
    if (!dpart) continue;
    const di = items(draft, dpart, nd, lang);
    const ri = items(returned, rpart, nr, lang);
    const free = new Set(di.map((x) => x.block.id));
    const take = (r: Item, d: Item, by: MatchedBlock['by'], sim: number) => {
      idMap.set(r.block.id, d.block.id);
      free.delete(d.block.id);
      usedDraft.add(d.block.id);
      matched.push({ draftId: d.block.id, returnedId: r.block.id, by, similarity: Math.round(sim * 100) / 100 });
    };
    const open = (r: Item) => !idMap.has(r.block.id);

    // 1. same number, much the same words
    const byLabel = new Map(di.filter((d) => d.label).map((d) => [d.label!, d]));
    for (const r of ri) {
      const d = r.label ? byLabel.get(r.label) : undefined;
      if (!d || !free.has(d.block.id) || d.kind !== r.kind) continue;
      const sim = similarity(r.words, d.words);
      if (sim >= 0.5) take(r, d, 'number+text', sim);
    }
    // 2. the same words elsewhere (moved or renumbered), best pairs first, within a window
    const candidates: { r: Item; d: Item; sim: number }[] = [];
    for (const r of ri) {
      if (!open(r) || r.size === 0) continue;
      for (const d of di) {
        if (!free.has(d.block.id) || d.kind.split(':')[0] !== r.kind.split(':')[0] || d.size === 0) continue;
        if (Math.abs(d.index - r.index) > 40) continue;
        const sim = similarity(r.words, d.words);
        if (sim >= 0.6) candidates.push({ r, d, sim });
      }
    }
    candidates.sort((a, b) => b.sim - a.sim || Math.abs(a.d.index - a.r.index) - Math.abs(b.d.index - b.r.index));
    for (const c of candidates) if (open(c.r) && free.has(c.d.block.id)) take(c.r, c.d, 'text', c.sim);
    // 3. same number, rewritten
    for (const r of ri) {
      const d = r.label ? byLabel.get(r.label) : undefined;
      if (open(r) && d && free.has(d.block.id) && d.kind === r.kind) take(r, d, 'number', similarity(r.words, d.words));
    }
    // 4. wordless blocks (closing request, signature, table, page break…) by kind and order
    const wordless = (x: Item) => x.size === 0;
    for (const r of ri.filter(wordless)) {
      if (!open(r)) continue;
      const d = di.find((x) => free.has(x.block.id) && wordless(x) && x.kind === r.kind);
      if (d) take(r, d, 'position', 1);
    }
    for (const id of free) removed.push(id);
  }
  for (const p of draftParts) if (!usedDraft.has(p.id) && ![...partPairs.values()].includes(p)) for (const b of flatten(p.blocks)) removed.push(b.id);

  // Fresh ids for everything the returned version brings that the draft did not have.
  const taken = new Set([...allIds(draft)]);
  let k = 0;
  const fresh = (prefix: string) => {
    let id: string;
    do id = `${prefix}-rv${++k}`;
    while (taken.has(id));
    taken.add(id);
    return id;
  };
  const rename = (id: string, prefix: string) => {
    const m = idMap.get(id);
    if (m) return m;
    const f = fresh(prefix);
    idMap.set(id, f);
    return f;
  };
  const added: string[] = [];

  // People: the draft's, plus the returned version's signatories the draft lacks (by name).
  const people: Person[] = draft.meta.people.map((p) => ({ ...p }));
  const personMap = new Map<string, string>();
  for (const p of returned.meta.people) {
    const same = people.find((x) => x.name === p.name) ?? (returned.meta.sender === p.id ? people.find((x) => x.id === draft.meta.sender) : undefined);
    if (same) personMap.set(p.id, same.id);
    else {
      const id = fresh('person');
      people.push({ ...p, id });
      personMap.set(p.id, id);
    }
  }

  const draftBlocks = new Map(draftParts.flatMap((p) => flatten(p.blocks)).map((b) => [b.id, b]));
  const copyBlocks = (blocks: Block[]): Block[] =>
    blocks.map((b) => {
      const id = rename(b.id, 'b');
      if (!matched.some((m) => m.returnedId === b.id)) added.push(id);
      switch (b.kind) {
        case 'quote':
        case 'participants':
          return { ...b, id, blocks: copyBlocks(b.blocks) };
        case 'table':
          return { ...b, id, rows: b.rows.map((r) => ({ id: fresh('r'), cells: r.cells.map((c) => ({ id: fresh('c'), blocks: copyBlocks(c.blocks) })) })) };
        case 'signature': {
          const before = draftBlocks.get(id);
          return { ...b, id, signatories: before && before.kind === 'signature' ? before.signatories : b.signatories.map((s) => personMap.get(s) ?? s) };
        }
        default:
          return { ...b, id };
      }
    });
  const copyParts = (parts: Part[]): Part[] =>
    parts.map((p) => {
      const id = rename(p.id, 'p');
      const draftPart = draftParts.find((x) => x.id === id);
      const part: Part = { id, kind: p.kind, blocks: copyBlocks(p.blocks), parts: copyParts(p.parts) };
      const bodyType = p.bodyType ?? draftPart?.bodyType;
      if (bodyType) part.bodyType = bodyType;
      const original = draftPart?.originalLanguage ?? p.originalLanguage;
      if (original) part.originalLanguage = original;
      return part;
    });
  const parts = copyParts(returned.parts);

  const text: RDocument['text'] = {};
  const layer = returned.text[lang] ?? {};
  text[lang] = Object.fromEntries(Object.entries(layer).map(([id, t]) => [idMap.get(id) ?? id, t]));
  const kept = allIds({ ...returned, parts, meta: { ...draft.meta, people } });
  for (const other of LANGS) {
    if (other === lang || !draft.text[other]) continue;
    text[other] = Object.fromEntries(Object.entries(draft.text[other]!).filter(([id]) => kept.has(id)));
  }
  const overrides: RDocument['overrides'] = {};
  for (const [key, value] of Object.entries(draft.overrides)) {
    const id = key.slice(key.indexOf(':') + 1);
    if (!kept.has(id)) continue;
    const rest = Object.fromEntries(Object.entries(value).filter(([l]) => l !== lang));
    if (Object.keys(rest).length > 0) overrides[key] = rest;
  }
  for (const [key, value] of Object.entries(returned.overrides)) {
    const [what, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const newKey = `${what}:${idMap.get(id) ?? id}`;
    overrides[newKey] = { ...(overrides[newKey] ?? {}), ...(value[lang] !== undefined ? { [lang]: value[lang] } : {}) };
  }

  const meta = {
    ...draft.meta,
    people,
    ...(returned.meta.symbols.length > 0 ? { symbols: returned.meta.symbols } : {}),
    ...(returned.meta.issueDate ? { issueDate: returned.meta.issueDate } : {}),
    ...(returned.meta.jobNumber ? { jobNumber: returned.meta.jobNumber } : {}),
  };
  const doc: RDocument = { schemaVersion: draft.schemaVersion, meta, parts, text, overrides, settings: draft.settings };
  const valid = parseDocument(doc);
  if (!valid.ok) throw new Error(`matching produced an invalid document (${valid.issues[0]!.path}: ${valid.issues[0]!.message})`);
  return { doc: valid.value, matched, added, removed };
}
