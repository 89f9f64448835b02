/**
 * The recogniser's shared types: its options and result, what the reading stages gather for the
 * finish stage (finish.ts), and the reading state every stage is handed explicitly (no stage
 * keeps state of its own: masthead.ts, letter.ts, blocks.ts and tables.ts are functions of it).
 */
import type { Block, BodyType, DocumentKind, Lang, Meta, Organ, Part, Person, RDocument, Session } from '../../model/schema';
import { DocumentBuilder, sequentialIds, type IdGenerator } from '../../model/builder';
import type { DroppedItem, SourceBlock, UnsureItem } from '../source';
import type { ParsedTitle } from '../phrases';
import { detectLanguage, sample } from './runs';

export type RecognizeOptions = {
  /** The document's language; detected from the text when absent. */
  lang?: Lang;
  /** True when the source carries formatting (bold, heading styles): headings are then taken from it only. */
  formatted: boolean;
  dropped?: DroppedItem[];
  warnings?: string[];
  ids?: IdGenerator;
  /**
   * A fragment of a document (text pasted into the editor), not a whole one: no masthead,
   * titles, annex headings, letter closing, signatures or statement framing are looked for;
   * typed labels, headings, lists and tables are recognised as everywhere else.
   */
  fragment?: boolean;
};

export type ImportReport = {
  /** Blocks in the document (containers and their contents included). */
  blocks: number;
  numberedParagraphs: number;
  headings: number;
  annexes: number;
  /** What the importer was unsure of, with the source line when known. */
  unsure: UnsureItem[];
  warnings: string[];
  /** Lines left out on purpose (page furniture). */
  dropped: DroppedItem[];
  language: Lang;
  kind: DocumentKind;
};

export type ImportResult = { doc: RDocument; report: ImportReport };

export type TypedNumber = { blockId: string; kind: 'paragraph' | 'subparagraph' | 'chapter' | 'section' | 'subsection'; value: number; raw: string; line?: number; text: string };
export type Generated = { key: string; source: string; line?: number; what: string };
export type Signatory = { person: Person; lines: string[]; blockId: string; signed: string };

export const BODY_TYPES: [RegExp, BodyType][] = [
  [/^(?:Rapport|Report)(?!\p{L})/iu, 'report'],
  [/^(?:Résumé|Summary)(?!\p{L})/iu, 'summary'],
  [/^(?:Note de cadrage|Note conceptuelle|Concept note)(?!\p{L})/iu, 'concept-note'],
  [/^(?:Déclaration|Statement)(?!\p{L})/iu, 'statement'],
  [/^(?:Note|Document de réflexion|Background note)(?!\p{L})/iu, 'note'],
];

/** What the reading stages gathered: the document built so far and what finishing it needs. */
export type Gathered = {
  b: DocumentBuilder;
  lang: Lang;
  unsure: UnsureItem[];
  warnings: string[];
  dropped: DroppedItem[];
  /** The letter part, when the text is (or holds) a letter. */
  letter: Part | undefined;
  /** Numbers typed in the source, to be compared with the numbering engine's. */
  typed: TypedNumber[];
  /** Generated text (titles, headings, closing, opening) as the source wrote it. */
  generated: Generated[];
  signatories: Signatory[];
  titleInfo: ParsedTitle | undefined;
  statement: boolean;
  /** What the masthead said. */
  meta: Partial<Meta> & { organs: Organ[]; symbols: string[]; sessions: Session[] };
  versionLanguage: Lang | 'other' | undefined;
  closingSource: string | undefined;
};

/** The labels counted so far in a part, to tell a typed number that continues a run from one that does not. */
export type Counters = { para: number; chapter: number; section: number; sub: [number, number, number, number] };

/** The agenda-item numbers of a masthead line and the item titles that followed it. */
export type Agenda = { numbers: number[]; titles: string[] };

/** The reading state: what the gathering stages write and read as they go through the source. */
export type Reading = Gathered & {
  source: SourceBlock[];
  opts: RecognizeOptions;
  /** The part blocks go into now, and the body part (created on first use). */
  current: Part | undefined;
  body: Part | undefined;
  counters: Map<string, Counters>;
  letterTitleSeen: boolean;
  /** The annex or enclosure whose « [Original : …] » and title may come next. */
  awaitingTitle: Part | undefined;
  afterSignature: boolean;
  quote: { blocks: Block[]; open: boolean } | undefined;
  participants: Block[] | undefined;
  participantsPending: boolean;
  lastBulletIndent: number | undefined;
  footnoteCount: number;
  statementPresidentGender: 'm' | 'f' | undefined;
  /** Source lines of unnumbered paragraphs (a signature may take them back as title lines). */
  sourceLinesOf: Map<string, string[]>;
};

/** The state at the start of a reading: an empty document in the source's language. */
export function newReading(source: SourceBlock[], opts: RecognizeOptions): Reading {
  const lang = opts.lang ?? detectLanguage(sample(source));
  const placeholderMeta: Meta = {
    kind: 'letter',
    originalLanguage: lang,
    symbols: [],
    organs: ['SC'],
    distribution: 'general',
    sessions: [],
    addressees: [],
    people: [],
  };
  return {
    source,
    opts,
    b: new DocumentBuilder(placeholderMeta, lang, opts.ids ?? sequentialIds()),
    lang,
    unsure: [],
    warnings: [...(opts.warnings ?? [])],
    dropped: [...(opts.dropped ?? [])],
    letter: undefined,
    typed: [],
    generated: [],
    signatories: [],
    titleInfo: undefined,
    statement: false,
    meta: { organs: [], symbols: [], sessions: [] },
    versionLanguage: undefined,
    closingSource: undefined,
    current: undefined,
    body: undefined,
    counters: new Map(),
    letterTitleSeen: false,
    awaitingTitle: undefined,
    afterSignature: false,
    quote: undefined,
    participants: undefined,
    participantsPending: false,
    lastBulletIndent: undefined,
    footnoteCount: 0,
    statementPresidentGender: undefined,
    sourceLinesOf: new Map(),
  };
}
