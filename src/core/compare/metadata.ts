/**
 * Metadata differences: the language-neutral `meta`, the generated-text `overrides` and the
 * `settings`, as one flat list of paths with the value before and after. Objects are compared
 * field by field, people by id, other lists as a whole (an addressee list is one value: its
 * order matters). Override keys name blocks and parts: old ids are read through the alignment.
 */
import type { RDocument } from '../model/schema';
import type { IdMap } from './words';
import type { MetaChange } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => same(a[k], b[k]));
  }
  return false;
}

function walk(path: string, a: unknown, b: unknown, out: MetaChange[]): void {
  if (same(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(`${path}.${k}`, a[k], b[k], out);
    return;
  }
  const change: MetaChange = { path };
  if (a !== undefined) change.old = a;
  if (b !== undefined) change.new = b;
  out.push(change);
}

const byId = (list: { id: string }[]) => Object.fromEntries(list.map((x) => [x.id, x]));

export function diffMetadata(oldDoc: RDocument, newDoc: RDocument, map: IdMap): MetaChange[] {
  const out: MetaChange[] = [];
  const { people: oldPeople, ...oldMeta } = oldDoc.meta;
  const { people: newPeople, ...newMeta } = newDoc.meta;
  walk('meta', oldMeta, newMeta, out);
  walk('meta.people', byId(oldPeople), byId(newPeople), out);
  const overrides: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(oldDoc.overrides)) {
    const colon = key.indexOf(':');
    const id = key.slice(colon + 1);
    overrides[`${key.slice(0, colon)}:${map(id) ?? id}`] = value;
  }
  walk('overrides', overrides, newDoc.overrides, out);
  walk('settings', oldDoc.settings, newDoc.settings, out);
  return out;
}
