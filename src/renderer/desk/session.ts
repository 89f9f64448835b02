/**
 * One sitting at the translator's desk: the rows to translate (core/translation/status, from the
 * document as opened: the structure does not change here), each row's status as the translator
 * works, the rows marked "still correct", the glossary, and what each save records.
 *
 * A row's status follows the rule the saved model will give it: a target block whose words
 * differ from the last save, or that was marked still correct, is a translation of the source as
 * it reads now (translated, or untranslated once emptied); any other row keeps its saved status.
 * Each save confirms exactly those blocks (`confirmEdits`); once it is stored, the rows it covered
 * and that were not touched since take their status from the stored document.
 */
import type { GlossaryEntry, Inline, RDocument } from '../../core/model/schema';
import { hasWords, nextToTranslate, rowStatus, translationProgress, translationRows, type RowStatus, type TranslationProgress, type TranslationRow } from '../../core/translation/status';
import { confirmEdits, withGlossary, type TranslationPair } from '../../core/translation/versions';
import { condenseChanges, sourceChanges } from '../../core/translation/changes';
import type { WordRun } from '../../core/compare/types';

const same = (a: Inline[] | undefined, b: Inline[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

export class DeskSession {
  readonly rows: TranslationRow[];
  private readonly index: Map<string, number>;
  private readonly statuses = new Map<string, RowStatus>();
  /** The document as last stored. */
  private saved: RDocument;
  /** Marked "still correct" (or accepted as they are) and not stored yet. */
  private readonly marked = new Set<string>();
  /** Rows touched since the last save took its snapshot; rows in the save being made. */
  private readonly dirty = new Set<string>();
  private readonly inFlight = new Set<string>();
  private glossaryNow: GlossaryEntry[];
  private glossaryChanged = false;
  private readonly listeners = new Set<() => void>();
  /** Bumped at every change the interface shows (progress, statuses, glossary). */
  revision = 0;

  constructor(doc: RDocument, readonly pair: TranslationPair) {
    this.saved = doc;
    this.rows = translationRows(doc, pair.source, pair.target);
    this.index = new Map(this.rows.map((r, i) => [r.id, i]));
    for (const r of this.rows) this.statuses.set(r.id, r.status);
    this.glossaryNow = [...(doc.translation?.glossary ?? [])];
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(id: string): RowStatus | undefined {
    return this.statuses.get(id);
  }

  allStatuses(): ReadonlyMap<string, RowStatus> {
    return this.statuses;
  }

  isRow(id: string): boolean {
    return this.index.has(id);
  }

  row(id: string): TranslationRow | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.rows[i];
  }

  progress(): TranslationProgress {
    return translationProgress(this.liveRows());
  }

  /** The next row (after `id`, wrapping round) that is untranslated or outdated. */
  next(after: string | undefined, backwards = false): TranslationRow | undefined {
    const rows = this.liveRows();
    if (!backwards) return nextToTranslate(rows, after);
    const reversed = [...rows].reverse();
    return nextToTranslate(reversed, after);
  }

  /** The source's words of a row and the target's as last stored. */
  savedText(id: string, side: 'source' | 'target'): Inline[] {
    return this.saved.text[this.pair[side]]?.[id]?.content ?? [];
  }

  /**
   * The source's words that changed since row `id` was translated, while the row is outdated
   * (undefined once the translator rewrote it or marked it still correct, or when the stored
   * translation recorded only the source's hash).
   */
  changes(id: string): WordRun[] | undefined {
    if (this.statuses.get(id) !== 'outdated') return undefined;
    const runs = sourceChanges(this.saved, id, this.pair.source, this.pair.target);
    return runs && condenseChanges(runs);
  }

  glossary(): readonly GlossaryEntry[] {
    return this.glossaryNow;
  }

  /**
   * The translator changed these rows' words (their content as the editor now holds it).
   * Returns the rows whose status changed.
   */
  edited(rows: Map<string, Inline[]>): string[] {
    const changed: string[] = [];
    for (const [id, content] of rows) {
      if (!this.index.has(id)) continue;
      this.dirty.add(id);
      const status = this.liveStatus(id, content);
      if (status !== this.statuses.get(id)) {
        this.statuses.set(id, status);
        changed.push(id);
      }
    }
    if (changed.length > 0) this.emit();
    return changed;
  }

  /**
   * "Still correct" (an outdated row), or "accept as it is" (an untranslated row that has words,
   * a copy of the source): the row counts as translated. False when there is nothing to confirm.
   */
  confirm(id: string, content: Inline[]): boolean {
    const status = this.statuses.get(id);
    if (status === undefined || status === 'translated' || !hasWords({ content })) return false;
    this.marked.add(id);
    this.dirty.add(id);
    this.statuses.set(id, 'translated');
    this.emit();
    return true;
  }

  setGlossary(entries: readonly GlossaryEntry[]): void {
    this.glossaryNow = [...entries];
    this.glossaryChanged = true;
    this.emit();
  }

  /** What a save stores (Autosave's beforeSave): the confirmations and the glossary. */
  beforeSave(doc: RDocument, saved: RDocument): RDocument {
    for (const id of this.dirty) this.inFlight.add(id);
    this.dirty.clear();
    const confirmed = confirmEdits(doc, saved, this.pair, this.marked);
    return withGlossary(confirmed, this.pair, this.glossaryNow);
  }

  /** A save went through: rows it covered that nobody touched since read their stored status. */
  stored(doc: RDocument): void {
    this.saved = doc;
    let changed = false;
    for (const id of this.inFlight) {
      if (this.dirty.has(id)) continue;
      this.marked.delete(id);
      const status = rowStatus(doc, id, this.pair.source, this.pair.target);
      if (status !== this.statuses.get(id)) {
        this.statuses.set(id, status);
        changed = true;
      }
    }
    this.inFlight.clear();
    this.glossaryChanged = false;
    if (changed) this.emit();
  }

  /** Whether anything outside the editor's words waits to be saved. */
  hasUnsavedMarks(): boolean {
    return this.marked.size > 0 || this.glossaryChanged;
  }

  private liveStatus(id: string, content: Inline[]): RowStatus {
    const before = this.saved.text[this.pair.target]?.[id]?.content;
    if (same(content, before) && !this.marked.has(id)) return rowStatus(this.saved, id, this.pair.source, this.pair.target);
    return hasWords({ content }) ? 'translated' : 'untranslated';
  }

  private liveRows(): TranslationRow[] {
    return this.rows.map((r) => ({ ...r, status: this.statuses.get(r.id)! }));
  }

  private emit(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }
}
