/**
 * The model's structural facts, carried by the editor's nodes as NodeState (`createState`):
 * they take part in the undo history and in Lexical's JSON, and a later Yjs binding syncs them.
 * Block ids reset when Lexical copies a node (`resetOnCopyNode`), so a split or duplicated block
 * never shares its id; the ids plugin gives it a fresh one.
 *
 * Nothing here is derived: labels, generated wording and cross-reference text are computed by
 * the core (numbering, layout) and never stored in the editor state.
 */
import { createState } from 'lexical';
import type { BodyType, DocumentSettings, HeadingLevel, Inline, Lang, Meta, Note, PartKind, XrefForm } from '../../../core/model/schema';

const text = (fallback = '') => (v: unknown) => (typeof v === 'string' ? v : fallback);
const nullableText = (v: unknown): string | null => (typeof v === 'string' ? v : null);
function oneOf<T extends string>(values: readonly T[], fallback: T) {
  return (v: unknown): T => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : fallback);
}
const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Id of the part, block, table row or cell, footnote: the model's id, kept through every edit. */
export const idState = createState('id', { parse: text(), resetOnCopyNode: true });

// Parts ----------------------------------------------------------------------------------------
export const partKindState = createState('partKind', { parse: oneOf<PartKind>(['letter', 'body', 'annex', 'enclosure'], 'body') });
export const bodyTypeState = createState('bodyType', {
  parse: (v): BodyType | null => (typeof v === 'string' && ['report', 'summary', 'concept-note', 'note', 'statement', 'other'].includes(v) ? (v as BodyType) : null),
});
export const originalLanguageState = createState('originalLanguage', { parse: (v): Lang | null => (v === 'fr' || v === 'en' ? v : null) });
/** 0 for a top-level part; an annex of the report is 1; its own annex 2… (the part it belongs to is the nearest shallower part before it). */
export const depthState = createState('depth', { parse: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0) });
/** This language's override of a part's generated title (`title:<id>`) and heading (`heading:<id>`). */
export const titleOverrideState = createState('titleOverride', { parse: nullableText });
export const headingOverrideState = createState('headingOverride', { parse: nullableText });
/** A letter part's signed-letter courtesy wording as overridden in this language (null: generated; see core/wording/courtesy). */
export const salutationOverrideState = createState('salutationOverride', { parse: nullableText });
export const closeOverrideState = createState('closeOverride', { parse: nullableText });
/** The addressee block: lines separated by newlines, addressees by a blank line. */
export const addresseeOverrideState = createState('addresseeOverride', { parse: nullableText });

// Blocks ---------------------------------------------------------------------------------------
export const headingLevelState = createState('headingLevel', {
  parse: oneOf<HeadingLevel>(['part', 'chapter', 'section', 'subsection', 'unnumbered'], 'chapter'),
});
export const numberedState = createState('numbered', { parse: (v) => v === true });
/**
 * The empty paragraph an empty table cell shows (the model has no block there): left out when
 * mapped back while it stays empty; the document rules clear it once it holds words.
 */
export const cellFillerState = createState('cellFiller', { parse: (v) => v === true, resetOnCopyNode: true });
export const subLevelState = createState('subLevel', { parse: (v): 1 | 2 | 3 | 4 => (v === 2 || v === 3 || v === 4 ? v : 1) });
/** A bullet's level: 1, or 2; `explicit` keeps a model's written `level: 1` apart from an absent one. */
export const bulletLevelState = createState('bulletLevel', { parse: (v): 1 | 2 | null => (v === 1 || v === 2 ? v : null) });
export const signatoriesState = createState('signatories', {
  parse: (v): string[] => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v) : []),
  isEqual: sameJson,
});
/** This language's override of a generated block's wording (`closing:`, `opening:`, `signature:` keys). */
export const overrideState = createState('override', { parse: nullableText });
export const headerRowsState = createState('headerRows', { parse: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0) });

// Inline ---------------------------------------------------------------------------------------
export const footnoteIdState = createState('footnoteId', { parse: text(), resetOnCopyNode: true });
/**
 * A footnote reference pasted without its note: the note's content (model inline runs), until
 * the footnotes plugin puts the note in its part's footnote area.
 */
export const pendingNoteState = createState('pendingNote', {
  parse: (v): Inline[] | null => (Array.isArray(v) ? (v as Inline[]) : null),
  isEqual: sameJson,
});
export const xrefTargetState = createState('target', { parse: text() });
export const xrefFormState = createState('form', { parse: oneOf<XrefForm>(['number', 'named', 'range'], 'named') });
export const xrefToState = createState('to', { parse: nullableText });
/** The words of a template placeholder as the template wrote them: typing changes them, and the text stops being a placeholder. */
export const placeholderState = createState('placeholder', { parse: text() });

// The document (on the root) ------------------------------------------------------------------
export const metaState = createState('meta', { parse: (v): Meta | null => (v !== null && typeof v === 'object' ? (v as Meta) : null), isEqual: sameJson });
/** The document's notes (reviewers' comments, both languages), on the root: undoable, saved with the document; [] once all are deleted. */
export const notesState = createState('notes', { parse: (v): Note[] | null => (Array.isArray(v) ? (v as Note[]) : null), isEqual: sameJson });
export const settingsState = createState('settings', {
  parse: (v): DocumentSettings | null => (v !== null && typeof v === 'object' ? (v as DocumentSettings) : null),
  isEqual: sameJson,
});
