/**
 * What a document keeps beside its text: which version is translated from which with the
 * dossier's glossary (the translator's desk), and notes on blocks (a returned DOCX's comments).
 * Re-exported by schema.ts.
 */
import { z } from 'zod';
import { idSchema, langSchema } from './primitives';

/** One entry of a dossier's glossary: a term and its translation, each as the documents write it. */
export const glossaryEntrySchema = z
  .object({
    fr: z.string().trim().min(1, 'a glossary term has words in French').max(300),
    en: z.string().trim().min(1, 'a glossary term has words in English').max(300),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

/**
 * Which version is translated from which, recorded when a version is added (the other text
 * layer is the translation), and the dossier's own glossary. Optional: a dossier in one
 * language, or with two versions written independently, has none.
 */
export const translationSchema = z
  .object({
    /** The language translated from (the source); the other language is the translation. */
    source: langSchema,
    glossary: z.array(glossaryEntrySchema).max(5000),
  })
  .strict();
export type Translation = z.infer<typeof translationSchema>;

/**
 * Notes: comments on blocks, as a returned DOCX carried them (who, when, what, on which words),
 * kept beside the text, never in it: exporting or comparing the document ignores them.
 */
export const noteSchema = z
  .object({
    id: idSchema,
    /** The block (or part, for a title) it is on, and the language of the text it comments on. */
    block: idSchema,
    lang: langSchema,
    text: z.string().trim().min(1, 'a note has words').max(20_000),
    author: z.string().trim().min(1).max(200).optional(),
    /** As the file gave it (ISO 8601 date and time). */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/, 'a note\'s date is ISO 8601, e.g. 2026-12-01T10:30:00Z').optional(),
    /** The words it was attached to; where it came from ("returned.docx"). */
    quote: z.string().max(2000).optional(),
    source: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type Note = z.infer<typeof noteSchema>;

