/**
 * A returned version (a DOCX edited elsewhere, e.g. by the Secretariat) matched to the draft it
 * came from, block by block, so that the two can be compared as revisions of one dossier.
 *
 * The pairing is the comparison's one aligner (../compare/align.ts), told that the returned
 * version's ids are its own: blocks pair by identical text, then by similar words between blocks
 * already paired (paragraph 12 is still paragraph 12 and reads much the same), by number and form
 * (a paragraph rewritten in place), by kind and order for blocks without words (closing request,
 * signature), and by similar words anywhere (moved and edited). Matched blocks take the draft's
 * ids (a split's first block, a merge's block take the draft's first); what the returned version
 * added gets fresh ids; the draft's other-language text is kept for matched blocks (its source
 * hash then shows whether the translation is behind). The draft's metadata is kept, updated with
 * what the Secretariat filled in (symbols, issue date).
 */
import type { Block, Lang, Note, Part, Person, RDocument } from '../model/schema';
import { LANGS } from '../model/schema';
import { parseDocument } from '../model/validate';
import { walkDocument } from '../model/walk';
import { alignDocuments, type PairReason } from '../compare/align';

export type MatchedBlock = { draftId: string; returnedId: string; by: PairReason | 'split' | 'merge'; similarity: number };

export type MatchResult = {
  /** The returned text, with the draft's ids wherever a block was matched. */
  doc: RDocument;
  matched: MatchedBlock[];
  /** Ids (in `doc`) of blocks the returned version added. */
  added: string[];
  /** Ids (in the draft) of blocks the returned version no longer has. */
  removed: string[];
};

function allIds(doc: RDocument): Set<string> {
  const ids = new Set<string>();
  walkDocument(doc, {
    part: (part) => ids.add(part.id),
    block: (b) => {
      ids.add(b.id);
      if (b.kind === 'table') for (const r of b.rows) [r.id, ...r.cells.map((c) => c.id)].forEach((id) => ids.add(id));
    },
  });
  for (const pe of doc.meta.people) ids.add(pe.id);
  return ids;
}

/**
 * Matches `returned` (the imported returned version) to `draft`, both read in `lang` (the
 * language the returned version is in).
 */
export function matchRevision(draft: RDocument, returned: RDocument, lang: Lang): MatchResult {
  const al = alignDocuments(draft, returned, lang, { ids: 'ignore' });
  const matched: MatchedBlock[] = [];
  const idMap = new Map<string, string>(); // returned id → draft id
  for (const x of al.parts) idMap.set(x.new.id, x.old.id);
  for (const p of al.pairs) {
    idMap.set(p.new.block.id, p.old.block.id);
    matched.push({ draftId: p.old.block.id, returnedId: p.new.block.id, by: p.by, similarity: p.similarity });
  }
  for (const g of al.groups) {
    const [o, n] = [g.old[0]!, g.new[0]!];
    idMap.set(n.block.id, o.block.id);
    matched.push({ draftId: o.block.id, returnedId: n.block.id, by: g.old.length === 1 ? 'split' : 'merge', similarity: Math.round(g.similarity * 100) / 100 });
  }
  const matchedDraft = new Set(matched.map((m) => m.draftId));
  const removed = al.old.units.filter((u) => !matchedDraft.has(u.block.id)).map((u) => u.block.id);
  const draftParts = al.old.parts;
  const matchedReturned = new Set(matched.map((m) => m.returnedId));

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

  const draftBlocks = new Map(al.old.units.map((u) => [u.block.id, u.block]));
  const copyBlocks = (blocks: Block[]): Block[] =>
    blocks.map((b) => {
      const id = rename(b.id, 'b');
      if (!matchedReturned.has(b.id)) added.push(id);
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
    text[other] = Object.fromEntries(Object.entries(draft.text[other]).filter(([id]) => kept.has(id)));
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
  if (draft.translation) doc.translation = draft.translation;
  const notes = keptNotes(draft, returned, kept, idMap);
  if (notes.length > 0) doc.notes = notes;
  const valid = parseDocument(doc);
  if (!valid.ok) throw new Error(`matching produced an invalid document (${valid.issues[0]!.path}: ${valid.issues[0]!.message})`);
  return { doc: valid.value, matched, added, removed };
}

/** The draft's notes on blocks still there, then the returned version's (its comments), on the draft's ids and with ids of their own. */
function keptNotes(draft: RDocument, returned: RDocument, kept: Set<string>, idMap: Map<string, string>): Note[] {
  const notes = (draft.notes ?? []).filter((n) => kept.has(n.block));
  const taken = new Set(notes.map((n) => n.id));
  let next = 1;
  for (const n of returned.notes ?? []) {
    let id = n.id;
    if (taken.has(id)) {
      while (taken.has(`note${next}`)) next++;
      id = `note${next}`;
    }
    taken.add(id);
    notes.push({ ...n, id, block: idMap.get(n.block) ?? n.block });
  }
  return notes;
}
