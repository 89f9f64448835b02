/**
 * How much a document may hold, and the checks on raw JSON that run before the schema (which, like
 * every walk of the model, recurses: input that chooses its own depth is measured here first,
 * without recursion). Written down, with the message each gives, in docs/document-format.md.
 */
import type { Block, Part, RDocument } from './schema';
import { quoteInput } from './json-text';

/** Objects and arrays inside one another in the JSON file (a normal report uses about 15). */
export const MAX_JSON_DEPTH = 100;
/** Container blocks (quote, table, list of participants) inside one another. */
export const MAX_BLOCK_NESTING = 8;
/** Parts inside one another (body → annex → enclosure …). */
export const MAX_PART_NESTING = 6;
/** Blocks in one document (a 1,000-paragraph report has about 1,100). */
export const MAX_BLOCKS = 500_000;

/**
 * Names no id or key may take: those of Object.prototype ("constructor", "toString", "__proto__"…),
 * which a plain object answers to before any id is stored under them.
 */
const RESERVED = new Set(Object.getOwnPropertyNames(Object.prototype));
export function isReservedKey(key: string): boolean {
  return RESERVED.has(key);
}

export type RawIssue = { path: string; message: string };

type Frame = { value: unknown; depth: number; parent: Frame | undefined; key: string | number };

/**
 * `["parts", 0, "blocks", 3, "kind"]` → `parts[0].blocks[3].kind`, keys quoted at most 40
 * characters long. A path 100 levels deep is no help to a reader: past 12 levels its start and
 * its end say where (for the depth check here and for every issue zod finds).
 */
export function formatPath(path: readonly PropertyKey[]): string {
  const segs = path.length > 12 ? [...path.slice(0, 6), '…', ...path.slice(-6)] : path;
  let out = '';
  for (const seg of segs) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? quoteInput(String(seg)) : `.${quoteInput(String(seg))}`;
  return out === '' ? '(document)' : out;
}

function pathOf(frame: Frame | undefined): string {
  const segs: (string | number)[] = [];
  for (let f = frame; f && f.parent; f = f.parent) segs.push(f.key);
  return formatPath(segs.reverse());
}

/**
 * The first problem a schema would not survive or would silently drop: nesting deeper than
 * MAX_JSON_DEPTH, or a key "__proto__" (JSON.parse keeps it, the schema would discard it).
 */
export function rawInputIssue(input: unknown): RawIssue | undefined {
  const stack: Frame[] = [{ value: input, depth: 1, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof v !== 'object' || v === null) continue;
    if (frame.depth > MAX_JSON_DEPTH) {
      return { path: pathOf(frame.parent), message: `nested more than ${MAX_JSON_DEPTH} levels deep (objects and lists inside one another, for example quotes inside quotes); a document may not nest deeper` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (typeof v[i] === 'object' && v[i] !== null) stack.push({ value: v[i], depth: frame.depth + 1, parent: frame, key: i });
      continue;
    }
    for (const key of Object.keys(v)) {
      if (key === '__proto__') return { path: pathOf(frame), message: 'a key named "__proto__" is not allowed' };
      const child = (v as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;
}

/** Block and part nesting and the number of blocks, checked on a shaped document. */
export function sizeIssues(doc: RDocument): RawIssue[] {
  const issues: RawIssue[] = [];
  let blocks = 0;
  type Item = { block: Block; path: string; nesting: number };
  const parts: { part: Part; path: string; depth: number }[] = doc.parts.map((part, i) => ({ part, path: `parts[${i}]`, depth: 1 }));
  while (parts.length > 0) {
    const { part, path, depth } = parts.pop()!;
    if (depth > MAX_PART_NESTING) {
      issues.push({ path, message: `parts are nested more than ${MAX_PART_NESTING} deep (an annex inside an annex …); the limit is ${MAX_PART_NESTING}` });
      continue;
    }
    part.parts.forEach((p, i) => parts.push({ part: p, path: `${path}.parts[${i}]`, depth: depth + 1 }));
    const items: Item[] = part.blocks.map((block, i) => ({ block, path: `${path}.blocks[${i}]`, nesting: 0 }));
    while (items.length > 0) {
      const { block, path: at, nesting } = items.pop()!;
      blocks++;
      if (block.kind !== 'quote' && block.kind !== 'participants' && block.kind !== 'table') continue;
      if (nesting + 1 > MAX_BLOCK_NESTING) {
        issues.push({ path: at, message: `quotes, tables and lists of participants are nested more than ${MAX_BLOCK_NESTING} deep; the limit is ${MAX_BLOCK_NESTING}` });
        continue;
      }
      if (block.kind === 'table') {
        block.rows.forEach((row, r) => row.cells.forEach((cell, c) => cell.blocks.forEach((b, k) => items.push({ block: b, path: `${at}.rows[${r}].cells[${c}].blocks[${k}]`, nesting: nesting + 1 }))));
      } else block.blocks.forEach((b, k) => items.push({ block: b, path: `${at}.blocks[${k}]`, nesting: nesting + 1 }));
    }
  }
  if (blocks > MAX_BLOCKS) issues.push({ path: '(document)', message: `${blocks.toLocaleString('en')} blocks; a document holds at most ${MAX_BLOCKS.toLocaleString('en')} (split it)` });
  return issues;
}
