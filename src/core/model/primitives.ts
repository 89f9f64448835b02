/**
 * The model's primitives: the two languages, ids, calendar dates, grammatical gender and strings
 * per language. Re-exported by schema.ts (the model's front); here so that the schema's other
 * files can use them without importing the whole schema.
 */
import { z } from 'zod';
import { isReservedKey } from './limits';

export const LANGS = ['fr', 'en'] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/** Block and part ids: short, stable, safe in URLs, bookmarks (DOCX) and SQL. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'an id is a letter followed by up to 63 letters, digits, "_" or "-"')
  .refine((id) => !isReservedKey(id), { message: 'this name is reserved (it is one JavaScript gives every object) and cannot be an id' });

/** Calendar date, ISO 8601 (YYYY-MM-DD), checked to be a real day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'not a real calendar day');

export const genderSchema = z.enum(['m', 'f']);
export type Gender = z.infer<typeof genderSchema>;

/** A string per language; either may be missing while a translation is pending. */
export const localizedSchema = z.object({ fr: z.string().optional(), en: z.string().optional() }).strict();
export type Localized = z.infer<typeof localizedSchema>;
