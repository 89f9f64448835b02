/**
 * The Rapporteur document model, version 2 (version 1 stored the Security Council's own count
 * of its years; see migrations/ for the chain that reads older versions).
 *
 * One structure, text per language: `parts` (and the blocks inside them) carry ids, kinds and
 * levels only; the words of every part title and block live in `text.fr` / `text.en`, keyed by
 * the id of the part or block. Numbers are derived (see ../numbering), never stored.
 * Generated text (titles, annex headings, closing request, signature lines…) is derived from
 * `meta`, with an optional per-language override in `overrides`.
 *
 * This schema is the single source of truth for the shape of a document: TypeScript types are
 * inferred from it, and `parseDocument` (validate.ts) uses it to reject bad input.
 */
import { z } from 'zod';
import { genderSchema, idSchema, isoDateSchema, langSchema, localizedSchema, type Lang } from './primitives';

export const SCHEMA_VERSION = 2 as const;

// The primitives (languages, ids, dates, gender, per-language strings) are in a file of their own,
// for the schema's other users; the model's one front is this file.
export { LANGS, langSchema, idSchema, isoDateSchema, genderSchema, localizedSchema } from './primitives';
export type { Lang, Gender, Localized } from './primitives';

// ---------------------------------------------------------------------------------------------
// Inline content (lives in the per-language text layers)

export const markSchema = z.enum(['bold', 'italic', 'superscript']);
export type Mark = z.infer<typeof markSchema>;

export const textRunSchema = z
  .object({
    type: z.literal('text'),
    text: z.string(),
    marks: z.array(markSchema).optional(),
    /** Template placeholder the drafter has not replaced yet (the checker reports leftovers). */
    placeholder: z.literal(true).optional(),
  })
  .strict();
export type TextRun = z.infer<typeof textRunSchema>;

export const xrefFormSchema = z.enum(['number', 'named', 'range']);
export type XrefForm = z.infer<typeof xrefFormSchema>;

/**
 * Cross-reference: the display is computed from the target's current label.
 * `number` → "12 b)", `named` → "paragraphe 12 b)" / "annexe II", `range` → "paragraphes 12 à 15".
 */
export const xrefSchema = z
  .object({
    type: z.literal('xref'),
    target: idSchema,
    form: xrefFormSchema,
    /** End of a range (form "range"). */
    to: idSchema.optional(),
  })
  .strict()
  .refine((x) => x.form !== 'range' || x.to !== undefined, {
    message: 'a range reference needs "to"',
    path: ['to'],
  });
export type Xref = z.infer<typeof xrefSchema>;

/** Runs are told apart by `type`, so a bad run gets the reason of the kind it claims to be. */
const INLINE_TYPES = 'an inline run has "type": "text", "xref" or "footnote"';

export type FootnoteRun = { type: 'footnote'; id: string; content: (TextRun | Xref)[] };
export const footnoteSchema = z
  .object({
    type: z.literal('footnote'),
    id: idSchema,
    content: z.array(z.discriminatedUnion('type', [textRunSchema, xrefSchema], { error: 'a footnote holds runs of "type": "text" or "xref"' })),
  })
  .strict();

export const inlineSchema = z.discriminatedUnion('type', [textRunSchema, xrefSchema, footnoteSchema], { error: INLINE_TYPES });
export type Inline = TextRun | Xref | FootnoteRun;

/** The words of one part title or block in one language. */
export const blockTextSchema = z
  .object({
    content: z.array(inlineSchema),
    /** For a translation: hash (see hash.ts) of the source-language text it was made from. */
    sourceHash: z.string().optional(),
    /**
     * For a translation: the source's words, as plain text, when it was made (beside the hash),
     * so an outdated row can show which words of the source changed since.
     */
    sourceText: z.string().max(1_000_000, { error: 'a sourceText holds at most 1,000,000 characters' }).optional(),
  })
  .strict();
export type BlockText = z.infer<typeof blockTextSchema>;

export const textLayerSchema = z.record(idSchema, blockTextSchema);
export type TextLayer = z.infer<typeof textLayerSchema>;

// ---------------------------------------------------------------------------------------------
// Blocks (structure only; language-neutral)

export const headingLevelSchema = z.enum(['part', 'chapter', 'section', 'subsection', 'unnumbered']);
export type HeadingLevel = z.infer<typeof headingLevelSchema>;

const base = { id: idSchema };

export const headingBlockSchema = z.object({ ...base, kind: z.literal('heading'), level: headingLevelSchema }).strict();
export const paragraphBlockSchema = z.object({ ...base, kind: z.literal('paragraph'), numbered: z.boolean() }).strict();
export const subparagraphBlockSchema = z
  .object({
    ...base,
    kind: z.literal('subparagraph'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
      error: 'a subparagraph level is 1, 2, 3 or 4 (English (a), (i), a., i.; French a), i), a., i.)',
    }),
  })
  .strict();
export const bulletBlockSchema = z
  .object({ ...base, kind: z.literal('bullet'), level: z.union([z.literal(1), z.literal(2)], { error: 'a bullet level is 1 or 2 (• or –)' }).optional() })
  .strict();
/** One entry of a list of participants ("M. Atul Khare, Sous-Secrétaire général…"). */
export const participantBlockSchema = z.object({ ...base, kind: z.literal('participant') }).strict();
export const pageBreakBlockSchema = z.object({ ...base, kind: z.literal('pageBreak') }).strict();
/** The generated closing request of a letter ("Je vous serais reconnaissant…"). */
export const closingBlockSchema = z.object({ ...base, kind: z.literal('closing') }).strict();
/** The generated opening formula of a presidential statement. */
export const openingBlockSchema = z.object({ ...base, kind: z.literal('opening') }).strict();
/** Signature block: the lines are generated from the people in `meta.people`. */
export const signatureBlockSchema = z
  .object({ ...base, kind: z.literal('signature'), signatories: z.array(idSchema).min(1) })
  .strict();

export type HeadingBlock = z.infer<typeof headingBlockSchema>;
export type ParagraphBlock = z.infer<typeof paragraphBlockSchema>;
export type SubparagraphBlock = z.infer<typeof subparagraphBlockSchema>;
export type BulletBlock = z.infer<typeof bulletBlockSchema>;
export type ParticipantBlock = z.infer<typeof participantBlockSchema>;
export type PageBreakBlock = z.infer<typeof pageBreakBlockSchema>;
export type ClosingBlock = z.infer<typeof closingBlockSchema>;
export type OpeningBlock = z.infer<typeof openingBlockSchema>;
export type SignatureBlock = z.infer<typeof signatureBlockSchema>;

export type TableCell = { id: string; blocks: Block[] };
export type TableRow = { id: string; cells: TableCell[] };
export type TableBlock = { id: string; kind: 'table'; headerRows: number; rows: TableRow[] };
/** Quotation / statement block: its children are shown inside quotation marks. */
export type QuoteBlock = { id: string; kind: 'quote'; blocks: Block[] };
/** List of participants: `participant` entries and unnumbered group headings. */
export type ParticipantsBlock = { id: string; kind: 'participants'; blocks: Block[] };

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | SubparagraphBlock
  | BulletBlock
  | ParticipantBlock
  | PageBreakBlock
  | ClosingBlock
  | OpeningBlock
  | SignatureBlock
  | TableBlock
  | QuoteBlock
  | ParticipantsBlock;
export type BlockKind = Block['kind'];

export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    headingBlockSchema,
    paragraphBlockSchema,
    subparagraphBlockSchema,
    bulletBlockSchema,
    participantBlockSchema,
    pageBreakBlockSchema,
    closingBlockSchema,
    openingBlockSchema,
    signatureBlockSchema,
    tableBlockSchema,
    quoteBlockSchema,
    participantsBlockSchema,
  ]),
);

const tableCellSchema: z.ZodType<TableCell> = z.lazy(() => z.object({ id: idSchema, blocks: z.array(blockSchema) }).strict());
const tableRowSchema = z.object({ id: idSchema, cells: z.array(tableCellSchema).min(1) }).strict();
const tableBlockSchema = z
  .object({ ...base, kind: z.literal('table'), headerRows: z.number().int().min(0), rows: z.array(tableRowSchema) })
  .strict();
const quoteBlockSchema = z.lazy(() => z.object({ ...base, kind: z.literal('quote'), blocks: z.array(blockSchema) }).strict());
const participantsBlockSchema = z.lazy(() =>
  z.object({ ...base, kind: z.literal('participants'), blocks: z.array(blockSchema) }).strict(),
);

// ---------------------------------------------------------------------------------------------
// Parts

/**
 * letter: a cover letter (unnumbered body, title generated from metadata);
 * body: the text a letter transmits, or a stand-alone text (report, statement, note);
 * annex / enclosure: owned by the part that contains them, numbered I, II… when there are several.
 */
export const partKindSchema = z.enum(['letter', 'body', 'annex', 'enclosure']);
export type PartKind = z.infer<typeof partKindSchema>;

/** What a body part is, for generated wording ("du rapport", "and the report"). */
export const bodyTypeSchema = z.enum(['report', 'summary', 'concept-note', 'note', 'statement', 'other']);
export type BodyType = z.infer<typeof bodyTypeSchema>;

export type Part = {
  id: string;
  kind: PartKind;
  bodyType?: BodyType | undefined;
  /** Language this part was originally written in, when it differs from the document's: "[Original : anglais]". */
  originalLanguage?: Lang | undefined;
  blocks: Block[];
  parts: Part[];
};

export const partSchema: z.ZodType<Part> = z.lazy(() =>
  z
    .object({
      id: idSchema,
      kind: partKindSchema,
      bodyType: bodyTypeSchema.optional(),
      originalLanguage: langSchema.optional(),
      blocks: z.array(blockSchema),
      parts: z.array(partSchema),
    })
    .strict(),
);

// ---------------------------------------------------------------------------------------------
// Metadata (language-neutral)

export const documentKindSchema = z.enum([
  'letter',
  'annual-report',
  'concept-note',
  'debate-summary',
  'presidential-statement',
  'seminar-report',
]);
export type DocumentKind = z.infer<typeof documentKindSchema>;
export const DOCUMENT_KINDS = documentKindSchema.options;

export const organSchema = z.enum(['GA', 'SC', 'ECOSOC']);
export type Organ = z.infer<typeof organSchema>;

export const distributionSchema = z.enum(['general', 'limited', 'restricted']);
export type Distribution = z.infer<typeof distributionSchema>;

/**
 * A person's function. The wording (with grammatical gender) is generated per language:
 * permanent-representative of `country` → « la Représentante permanente du Sénégal ».
 */
export const roleKindSchema = z.enum([
  'permanent-representative',
  'deputy-permanent-representative',
  'charge-d-affaires',
  'ambassador',
  'secretary-general',
  'president-security-council',
  'president-general-assembly',
  'chair',
  'other',
]);
export type RoleKind = z.infer<typeof roleKindSchema>;

/** ISO 3166-1 alpha-3 code of a Member or observer State (see locale/countries.ts). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'a country is its ISO 3166-1 alpha-3 code, e.g. "SEN"');

export const roleSchema = z
  .object({
    kind: roleKindSchema,
    country: countryCodeSchema.optional(),
    /** For `chair` / `other`: the body or function in each language, e.g. "Groupe de travail…". */
    body: localizedSchema.optional(),
  })
  .strict();
export type Role = z.infer<typeof roleSchema>;

/** A document's own naming of a country: historic names ("Libyan Arab Jamahiriya") or a State missing from the table. */
export const countryNamingSchema = z
  .object({
    en: z.object({ name: z.string().min(1), article: z.boolean() }).strict().optional(),
    fr: z.object({ name: z.string().min(1), article: z.enum(['le', 'la', "l'", 'les', '']) }).strict().optional(),
  })
  .strict();

export const personSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    /** Grammatical gender of the person's role: « la Présidente », « le Représentant permanent ». */
    gender: genderSchema,
    role: roleSchema,
    /** Title lines printed in the signature block, per language; generated from `role` when absent. */
    titleLines: z.object({ fr: z.array(z.string()).optional(), en: z.array(z.string()).optional() }).strict().optional(),
  })
  .strict();
export type Person = z.infer<typeof personSchema>;

export const addresseeKindSchema = z.enum(['secretary-general', 'president-general-assembly', 'president-security-council']);
export type AddresseeKind = z.infer<typeof addresseeKindSchema>;
export const addresseeSchema = z
  .object({
    kind: addresseeKindSchema,
    gender: genderSchema,
    /** The office-holder's name, for the signed letter's addressee block (« Son Excellence Monsieur … »). */
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type Addressee = z.infer<typeof addresseeSchema>;

export const agendaItemSchema = z.object({ number: z.number().int().positive(), title: localizedSchema.optional() }).strict();
export type AgendaItem = z.infer<typeof agendaItemSchema>;

/** The Council's year is the calendar year minus this: 2026 is its « Quatre-vingt-unième année ». */
export const COUNCIL_YEAR_OFFSET = 1945;

/**
 * General Assembly session (with agenda items) or Security Council year, for joint mastheads.
 * The Council's year is stored as the calendar year (2026); the masthead prints the Council's
 * own count (« Quatre-vingt-unième année »).
 */
export const sessionSchema = z.discriminatedUnion('organ', [
  z.object({ organ: z.literal('GA'), session: z.number().int().positive(), agendaItems: z.array(agendaItemSchema) }).strict(),
  z
    .object({
      organ: z.literal('SC'),
      year: z
        .number()
        .int()
        .min(COUNCIL_YEAR_OFFSET + 1, `the Council's year is the calendar year, ${COUNCIL_YEAR_OFFSET + 1} or later (e.g. 2026)`),
    })
    .strict(),
]);
export type Session = z.infer<typeof sessionSchema>;

export const meetingSchema = z
  .object({
    number: z.number().int().positive(),
    date: isoDateSchema,
    /** The item under consideration, per language: « Opérations de maintien de la paix des Nations Unies ». */
    item: localizedSchema,
    /** Grammatical gender of the President who read the statement. */
    presidentGender: genderSchema,
  })
  .strict();
export type Meeting = z.infer<typeof meetingSchema>;

export const metaSchema = z
  .object({
    kind: documentKindSchema,
    originalLanguage: langSchema,
    /** One symbol, or two for joint documents ("A/64/…", "S/2010/…"). Empty while a draft has none. */
    symbols: z.array(z.string()),
    organs: z.array(organSchema).min(1),
    distribution: distributionSchema,
    /** Masthead (issue) date. */
    issueDate: isoDateSchema.optional(),
    /** The letter's own date (often the day before issue). */
    letterDate: isoDateSchema.optional(),
    sessions: z.array(sessionSchema),
    /** Person id (in `people`) of the sender of the cover letter. */
    sender: idSchema.optional(),
    addressees: z.array(addresseeSchema),
    /** Identical letters to several addressees. */
    identicalLetters: z.boolean().optional(),
    /** The mission's own reference number, printed on the signed letter (« Réf. : … »). */
    reference: z.string().trim().min(1).max(200).optional(),
    people: z.array(personSchema),
    meeting: meetingSchema.optional(),
    /** Per-document country names, by code, overriding the table (see locale/countries.ts). */
    countryNames: z.record(countryCodeSchema, countryNamingSchema).optional(),
    jobNumber: z.string().regex(/^\d{2}-\d{5}$/, 'a job number is written NN-NNNNN, e.g. 17-02619').optional(),
    /** The period a report covers (from–to, inclusive): its title and cover letter read it (core/wording/period.ts). */
    reportingPeriod: z
      .object({ from: isoDateSchema, to: isoDateSchema })
      .strict()
      .refine((p) => p.from <= p.to, 'a reporting period ends on or after the day it starts')
      .optional(),
    /** A new edition's link to the dossier it was made from: that dossier, and each block's old id by its new id. */
    previousEdition: z
      .object({ dossier: z.string().min(1).max(64), blocks: z.record(idSchema, idSchema) })
      .strict()
      .optional(),
  })
  .strict();
export type Meta = z.infer<typeof metaSchema>;

// ---------------------------------------------------------------------------------------------
// Generated-text overrides and settings

/**
 * Keys of generated text that may be overridden, per language:
 *   title:<partId>        the letter title / statement title
 *   heading:<partId>      the annex or enclosure heading ("Annexe à la lettre datée du…")
 *   closing:<blockId>     the closing request
 *   opening:<blockId>     the presidential-statement opening formula
 *   signature:<blockId>   the signature lines (newline-separated)
 *   salutation:<partId>   the signed letter's salutation (« Monsieur le Président, »)
 *   close:<partId>        its complimentary close (« Veuillez agréer, … »)
 *   addressee:<partId>    its addressee block (newline-separated lines)
 */
export const overrideKeySchema = z
  .string()
  .regex(
    /^(title|heading|closing|opening|signature|salutation|close|addressee):[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'an override key is "title|heading|closing|opening|signature|salutation|close|addressee:<id>"',
  );
export const overridesSchema = z.record(overrideKeySchema, localizedSchema);
export type Overrides = z.infer<typeof overridesSchema>;

/** French spacing before : ; ! ? and inside « »: New York practice, no-break spaces everywhere, or leave as typed. */
export const frenchSpacingSchema = z.enum(['new-york', 'nbsp', 'off']);
export type FrenchSpacing = z.infer<typeof frenchSpacingSchema>;
/** What a document takes when no one has chosen: New York practice. */
export const DEFAULT_FRENCH_SPACING: FrenchSpacing = 'new-york';

export const settingsSchema = z
  .object({
    frenchSpacing: frenchSpacingSchema,
  })
  .strict();
export type DocumentSettings = z.infer<typeof settingsSchema>;

// ---------------------------------------------------------------------------------------------
// Translation (the translator's desk)

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
    /** Marked resolved in the editor: kept (the history of the exchange), listed apart. */
    resolved: z.boolean().optional(),
  })
  .strict();
export type Note = z.infer<typeof noteSchema>;


export const documentSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    meta: metaSchema,
    parts: z.array(partSchema).min(1),
    text: z.object({ fr: textLayerSchema.optional(), en: textLayerSchema.optional() }).strict(),
    overrides: overridesSchema,
    settings: settingsSchema,
    translation: translationSchema.optional(),
    /** Comments on blocks (a returned DOCX's), optional: added to version 2 as a plain superset. */
    notes: z.array(noteSchema).max(10_000).optional(),
  })
  .strict();
export type RDocument = z.infer<typeof documentSchema>;
