/**
 * Runtime validation of documents: older format versions migrated first (./migrations), then the
 * schema (shape), then the rules a schema cannot express (unique ids, text keyed to existing ids,
 * people referenced by id exist).
 * Every problem comes back with the exact path into the JSON and a plain reason.
 */
import type { z } from 'zod';
import { blockSchema, blockTextSchema, documentSchema, idSchema, type RDocument } from './schema';
import { walkDocument } from './walk';
import { findCountry } from '../locale/countries';
import { migrateDocument } from './migrations';
import { parseJsonText, quoteInput } from './json-text';
import { formatPath, rawInputIssue, sizeIssues } from './limits';

export type ValidationIssue = { path: string; message: string };
export type ParseResult = { ok: true; value: RDocument } | { ok: false; issues: ValidationIssue[] };

export { formatPath } from './limits';

function fromZod(error: z.ZodError, at: readonly PropertyKey[] = []): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: formatPath([...at, ...i.path]),
    // zod's own wording for a bad record key ("Invalid key in record") says neither what nor why
    message: zodMessage(i),
  }));
}

/** zod's sentence, except where it says nothing useful or would echo the input at length. */
function zodMessage(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_key') return `this key is not a valid id (${i.issues[0]?.message ?? 'see the id rules'})`;
  if (i.code === 'unrecognized_keys') {
    const shown = i.keys.slice(0, 3).map((k) => `"${quoteInput(k)}"`);
    return `unknown field${i.keys.length > 1 ? 's' : ''} ${shown.join(', ')}${i.keys.length > 3 ? ` and ${i.keys.length - 3} more` : ''}`;
  }
  return quoteInput(i.message, 200);
}

export function parseDocument(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '(document)', message: 'a document is a JSON object' }] };
  }
  // Before anything that recurses: depth chosen by the input, and keys the schema would drop.
  const raw = rawInputIssue(input);
  if (raw) return { ok: false, issues: [raw] };
  // Documents of an older format version are brought up to date first (never written back here).
  const migrated = migrateDocument(input);
  if (!migrated.ok) return { ok: false, issues: [{ path: 'schemaVersion', message: migrated.message }] };
  const shaped = documentSchema.safeParse(migrated.value);
  if (!shaped.success) return { ok: false, issues: fromZod(shaped.error) };
  const sized = sizeIssues(shaped.data);
  if (sized.length > 0) return { ok: false, issues: sized };
  const issues = semanticIssues(shaped.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: shaped.data };
}

/**
 * What is wrong with a document built in memory (the importer's result), with the answer
 * parseDocument gives for a document of the current format version, but without zod's copy of
 * the whole document at once: the document is shaped with its blocks and text entries left out,
 * then each block and each text entry on its own, so each copy is dropped as soon as it is made
 * (for a 100,000-paragraph import the whole copy was about 100 MB more at the peak).
 */
export function documentIssues(doc: RDocument): ValidationIssue[] {
  const raw = rawInputIssue(doc);
  if (raw) return [raw];
  const issues: ValidationIssue[] = [];
  const shaped = documentSchema.safeParse(shell(doc));
  if (!shaped.success) issues.push(...fromZod(shaped.error));
  const input: unknown = doc;
  const parts: [unknown, (string | number)[]][] = isRecord(input) && Array.isArray(input.parts) ? input.parts.map((p, i) => [p, ['parts', i]]) : [];
  while (parts.length > 0) {
    const [part, path] = parts.pop()!;
    if (!isRecord(part)) continue;
    if (Array.isArray(part.parts)) part.parts.forEach((p, i) => parts.push([p, [...path, 'parts', i]]));
    if (!Array.isArray(part.blocks)) continue;
    part.blocks.forEach((block, i) => {
      const r = blockSchema.safeParse(block);
      if (!r.success) issues.push(...fromZod(r.error, [...path, 'blocks', i]));
    });
  }
  const text = isRecord(input) ? input.text : undefined;
  for (const lang of ['fr', 'en'] as const) {
    // any other key of `text` is refused by the shape above, its value unread (as zod does)
    const layer = isRecord(text) ? text[lang] : undefined;
    if (!isRecord(layer)) continue;
    for (const [id, entry] of Object.entries(layer)) {
      const key = idSchema.safeParse(id);
      // a key that is no id is the one issue of its entry, its value unread (as zod does)
      if (!key.success) {
        issues.push({ path: formatPath(['text', lang, id]), message: `this key is not a valid id (${key.error.issues[0]?.message ?? 'see the id rules'})` });
        continue;
      }
      const r = blockTextSchema.safeParse(entry);
      if (!r.success) issues.push(...fromZod(r.error, ['text', lang, id]));
    }
  }
  if (issues.length > 0) return issues;
  const sized = sizeIssues(doc);
  return sized.length > 0 ? sized : semanticIssues(doc);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The document with every part's blocks and every text layer's entries left out (checked one by one by documentIssues). */
function shell(doc: unknown): unknown {
  if (!isRecord(doc)) return doc;
  const part = (p: unknown): unknown => (isRecord(p) && Array.isArray(p.blocks) && Array.isArray(p.parts) ? { ...p, blocks: [], parts: p.parts.map(part) } : p);
  const text = isRecord(doc.text) ? Object.fromEntries(Object.entries(doc.text).map(([lang, layer]) => [lang, (lang === 'fr' || lang === 'en') && isRecord(layer) ? {} : layer])) : doc.text;
  return { ...doc, parts: Array.isArray(doc.parts) ? doc.parts.map(part) : doc.parts, text };
}

/** Parses JSON text (a UTF-8 byte-order mark allowed), turning a syntax error into an issue instead of an exception. */
export function parseDocumentJson(text: string): ParseResult {
  const read = parseJsonText(text);
  if (!read.ok) return { ok: false, issues: [{ path: '(file)', message: read.message }] };
  return parseDocument(read.value);
}

/** Every id of parts, blocks, rows and cells in document order, with its path (made only when asked for). */
function claimIds(doc: RDocument, claim: (id: string, path: () => string) => void): void {
  walkDocument(doc, {
    part: (part, ctx) => claim(part.id, () => `${ctx.path}.id`),
    block: (block, ctx) => {
      claim(block.id, () => `${ctx.path}.id`);
      if (block.kind !== 'table') return;
      block.rows.forEach((row, r) => {
        claim(row.id, () => `${ctx.path}.rows[${r}].id`);
        row.cells.forEach((cell, c) => claim(cell.id, () => `${ctx.path}.rows[${r}].cells[${c}].id`));
      });
    },
  });
}

function semanticIssues(doc: RDocument): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // Ids are first gathered without their paths (a path kept per id was most of this check's
  // memory for a large document); only a duplicate makes a second walk, for the paths.
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  claimIds(doc, (id) => {
    if (seen.has(id)) duplicated.add(id);
    else seen.add(id);
  });
  if (duplicated.size > 0) {
    const first = new Map<string, string>();
    claimIds(doc, (id, path) => {
      if (!duplicated.has(id)) return;
      const at = first.get(id);
      if (at !== undefined) issues.push({ path: path(), message: `duplicate id "${id}" (already used at ${at})` });
      else first.set(id, path());
    });
  }

  walkDocument(doc, {
    block: (block, ctx) => {
      if (block.kind === 'table') {
        const widths = new Set(block.rows.map((r) => r.cells.length));
        if (widths.size > 1) issues.push({ path: `${ctx.path}.rows`, message: 'every row of a table needs the same number of cells' });
        if (block.headerRows > block.rows.length) {
          issues.push({ path: `${ctx.path}.headerRows`, message: `${block.headerRows} header rows but only ${block.rows.length} rows` });
        }
      }
      if (block.kind === 'signature') {
        block.signatories.forEach((p, i) => {
          if (!doc.meta.people.some((x) => x.id === p)) {
            issues.push({ path: `${ctx.path}.signatories[${i}]`, message: `no person "${p}" in meta.people` });
          }
        });
      }
    },
  });

  const people = new Set<string>();
  doc.meta.people.forEach((p, i) => {
    if (people.has(p.id)) issues.push({ path: `meta.people[${i}].id`, message: `duplicate person id "${p.id}"` });
    people.add(p.id);
  });
  doc.meta.people.forEach((p, i) => {
    const code = p.role.country;
    if (code === undefined || findCountry(code) || doc.meta.countryNames?.[code]) return;
    issues.push({ path: `meta.people[${i}].role.country`, message: `"${code}" is no Member or observer State; give its names in meta.countryNames` });
  });
  if (doc.meta.sender !== undefined && !people.has(doc.meta.sender)) {
    issues.push({ path: 'meta.sender', message: `no person "${doc.meta.sender}" in meta.people` });
  }
  if (doc.meta.symbols.length > 2) issues.push({ path: 'meta.symbols', message: 'at most two symbols (a joint document)' });

  for (const lang of ['fr', 'en'] as const) {
    const layer = doc.text[lang];
    if (!layer) continue;
    const footnotes = new Set<string>();
    for (const [id, text] of Object.entries(layer)) {
      if (!seen.has(id)) issues.push({ path: `text.${lang}.${id}`, message: `text for "${id}", which is no part or block of this document` });
      text.content.forEach((run, i) => {
        if (run.type !== 'footnote') return;
        if (footnotes.has(run.id)) issues.push({ path: `text.${lang}.${id}.content[${i}].id`, message: `duplicate footnote id "${run.id}"` });
        footnotes.add(run.id);
      });
    }
  }
  if (doc.translation && doc.text[doc.translation.source] === undefined) {
    issues.push({ path: 'translation.source', message: `the ${doc.translation.source} version, named as the source of the translation, has no text layer` });
  }
  for (const key of Object.keys(doc.overrides)) {
    const id = key.slice(key.indexOf(':') + 1);
    if (!seen.has(id)) issues.push({ path: `overrides.${key}`, message: `override for "${id}", which is no part or block of this document` });
  }
  const noteIds = new Set<string>();
  (doc.notes ?? []).forEach((n, i) => {
    if (noteIds.has(n.id)) issues.push({ path: `notes[${i}].id`, message: `duplicate note id "${n.id}"` });
    noteIds.add(n.id);
    if (!seen.has(n.block)) issues.push({ path: `notes[${i}].block`, message: `note on "${n.block}", which is no part or block of this document` });
  });
  return issues;
}
