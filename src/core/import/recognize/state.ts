/**
 * The recogniser's shared types: its result, and what the reading stages gather for the finish
 * stage (finish.ts), passed to it explicitly.
 */
import type { BodyType, DocumentKind, Lang, Meta, Organ, Part, Person, RDocument, Session } from '../../model/schema';
import type { DocumentBuilder } from '../../model/builder';
import type { DroppedItem, UnsureItem } from '../source';
import type { ParsedTitle } from '../phrases';

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
