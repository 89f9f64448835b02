/**
 * Document format 1 → 2: the Security Council's year is stored as the calendar year.
 *
 * Version 1 stored the Council's own count of its years (81 for 2026: « Quatre-vingt-unième
 * année »), which users do not know; given 2026 it printed « Deux mille vingt-sixième année ».
 * Version 2 stores the calendar year and derives the Council's year (calendar year − 1945) when
 * it is printed. A stored year of 1945 or less can only be the Council's count, and becomes the
 * calendar year; a larger one was already a calendar year, typed by a user who knew no better.
 * Nothing else changes: version 2 is version 1 plus this.
 */
import { COUNCIL_YEAR_OFFSET } from '../schema';
import { type JsonObject, isObject } from './types';

export function v1ToV2(doc: JsonObject): JsonObject {
  const meta = doc.meta;
  if (!isObject(meta) || !Array.isArray(meta.sessions)) return { ...doc, schemaVersion: 2 };
  const sessions = meta.sessions.map((s: unknown) => {
    if (!isObject(s) || s.organ !== 'SC' || typeof s.year !== 'number' || s.year > COUNCIL_YEAR_OFFSET) return s;
    return { ...s, year: s.year + COUNCIL_YEAR_OFFSET };
  });
  return { ...doc, schemaVersion: 2, meta: { ...meta, sessions } };
}
