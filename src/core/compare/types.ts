/**
 * What `compareDocuments` gives back: plain data (JSON-serialisable, no Maps, no functions), so
 * that a history view, a translator's view, the CLI and a tracked-changes DOCX writer can read
 * the same result.
 *
 * `blocks` lists every block that is not the same in both versions, in reading order of the new
 * version with deleted blocks where they stood. A writer walks the new document and finds, per
 * block id, what happened to it; deleted blocks carry the id of the new block they follow.
 */
import type { BlockKind, Inline, Lang, PartKind } from '../model/schema';
import type { BlockLabelKind } from '../numbering/numbering';

/**
 * One stretch of words. `equal`, `insert` and `format` hold the new version's inline content,
 * `delete` the old one's; `format` is the same words with other marks (`was`: as they were).
 * `text` is the plain rendering (references as that side numbers them). A run with
 * `paragraphBreak` is a paragraph mark inserted (a split) or deleted (a merge).
 */
export type WordRun = {
  op: 'equal' | 'insert' | 'delete' | 'format';
  content: Inline[];
  text: string;
  was?: Inline[];
  paragraphBreak?: true;
};

export type PartRef = {
  id: string;
  kind: PartKind;
  /** "Annexe II", "Annex", "Pièce jointe" (annexes and enclosures only). */
  label?: string;
  /** "II", or "" for the only annex of its owner (annexes and enclosures only). */
  ref?: string;
};

export type BlockRef = {
  id: string;
  kind: BlockKind;
  /** Kind and level, as the comparison tells forms apart: "paragraph", "subparagraph 2", "heading chapter". */
  shape: string;
  part: PartRef;
  /** The numbering engine's label and reference, for numbered blocks: "12." / "12", "b)" / "12 b)", "II." / "II". */
  label?: { kind: BlockLabelKind; label: string; ref: string };
  /** 1-based place among the blocks of the same kind in its part (how an unnumbered block is found). */
  position: number;
  /** The block's words in the compared language (references resolved, footnotes left out). */
  text?: string;
};

/** A change a returned file records as someone's (Word's or LibreOffice's tracked changes). */
/** `moveFrom` / `moveTo`: text the file's author moved (Word's and LibreOffice's w:moveFrom / w:moveTo), where it was and where it went. */
export type TrackedChange = { kind: 'insert' | 'delete' | 'moveFrom' | 'moveTo'; text: string; author?: string; date?: string };
/** The tracked changes of one paragraph of that file, with the paragraph's text once they are accepted. */
export type TrackedParagraph = { text: string; changes: TrackedChange[] };

/** On a block change: the returned file's own tracked changes in that block (whose, and when). */
type Attributed = { tracked?: TrackedChange[] };

export type BlockChange = Attributed &
  (
  | { op: 'inserted'; new: BlockRef; after?: string }
  /** `after`: the block of the new version it stood after (none: at the start). */
  | { op: 'deleted'; old: BlockRef; after?: string }
  | {
      /** The primary change: `changed` (words or form), else `moved`, else `renumbered` (only its number). */
      op: 'changed' | 'moved' | 'renumbered';
      old: BlockRef;
      new: BlockRef;
      changed: boolean;
      moved: boolean;
      renumbered: boolean;
      /** Word runs from the old text to the new (only when the words changed). */
      runs?: WordRun[];
      /** The form before and after, when it changed ("paragraph" → "subparagraph 1"). */
      form?: { old: string; new: string };
      /** For moves: the new block the old place now follows (none: the start), and blocks moved together share `moveGroup`. */
      from?: { after?: string };
      moveGroup?: number;
    }
  /** One old block now two or more (split), or two or more now one (merged); runs mark the paragraph breaks. */
  | { op: 'split'; old: BlockRef; new: BlockRef[]; runs: WordRun[] }
  | { op: 'merged'; old: BlockRef[]; new: BlockRef; runs: WordRun[] }
  );

export type PartChange =
  | { op: 'inserted'; new: PartRef }
  | { op: 'deleted'; old: PartRef }
  | {
      op: 'changed' | 'moved' | 'renumbered';
      old: PartRef;
      new: PartRef;
      changed: boolean;
      moved: boolean;
      renumbered: boolean;
      /** Word runs of the part's title, when it changed. */
      title?: WordRun[];
      /** Kind, body type or original language, before and after. */
      fields?: { field: 'kind' | 'bodyType' | 'originalLanguage'; old?: string; new?: string }[];
    };

/** One metadata value that differs: `meta.symbols`, `meta.people.seck.name`, `overrides.closing:b3.fr`, `settings.frenchSpacing`. */
export type MetaChange = { path: string; old?: unknown; new?: unknown };

export type CompareSummary = {
  changed: number;
  inserted: number;
  deleted: number;
  moved: number;
  split: number;
  merged: number;
  /** Blocks whose only change is their number. */
  renumbered: number;
  parts: number;
  metadata: number;
};

export type CompareResult = {
  lang: Lang;
  summary: CompareSummary;
  blocks: BlockChange[];
  parts: PartChange[];
  metadata: MetaChange[];
  /** Every pair of blocks taken to be the same block (old id, new id), in old order: for views that align the two texts. */
  pairs: [string, string][];
};
