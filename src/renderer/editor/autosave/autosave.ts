/**
 * Autosave through the one IPC contract (`dossier.save`), never blocking input:
 * - about a second after typing stops (each change restarts the wait);
 * - one save in flight at a time; each carries the version it was based on, so the store
 *   refuses it ('conflict') if the dossier changed elsewhere: saving then stops and says so —
 *   nothing is overwritten;
 * - a store or host error keeps the text (it is in the editor) and retries with backoff;
 * - flushed at once when the window loses focus, is hidden or closes;
 * - the model is built from the editor, then written as the JSON the host receives, in slices of
 *   a few milliseconds, a task apart (a 1,000-paragraph report in one piece is a long task that
 *   delays the next keystroke): the host gets one string, which neither Electron's copy nor the
 *   HTTP client has to walk; a flush does not wait between slices (a hidden window's timers are
 *   slowed to one a second).
 * The state it reports is what the status line shows: saved, pending / saving, error, conflict.
 */
import type { LexicalEditor } from 'lexical';
import type { Lang, RDocument } from '../../../core/model/schema';
import type { IpcError, Result, SaveResult } from '../../../shared/ipc-contract';
import { wireJsonInSlices, type Slicing, type WireJson } from '../../../shared/wire';
import { $editorToDocument, editorToDocumentInSlices } from '../mapping/toModel';

export type SaveState =
  | { kind: 'saved'; version: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; error: IpcError; retryInMs: number }
  | { kind: 'conflict'; error: IpcError };

export type AutosaveOptions = {
  editor: LexicalEditor;
  lang: Lang;
  /** The model the editor was filled from, at `version`. */
  base: RDocument;
  version: number;
  /** Sends the save: `json` is `document` as wire JSON, what the contract's `dossier.save` takes. */
  save: (document: RDocument, baseVersion: number, json: WireJson<RDocument>) => Promise<Result<SaveResult>>;
  onState: (state: SaveState) => void;
  /** Called after each successful save with the document stored and the store's answer (the dossier's new summary: its title). */
  onSaved?: (document: RDocument, version: number, saved: SaveResult) => void;
  /**
   * What a save adds to the editor's document, given the last one saved (the translator's desk
   * records the translations made); called once per save attempt, before it is sent.
   */
  beforeSave?: (document: RDocument, saved: RDocument) => RDocument;
  /** Called with each document taken from the editor to be saved (what is on screen, before the save). */
  onDocument?: (document: RDocument) => void;
  delayMs?: number;
  /** Backoff after a failed save: first wait, and the longest. */
  retryMs?: { first: number; max: number };
  /** The longest slice of the model's building and of its JSON (ms); default 8, well under a 50 ms long task. */
  sliceMs?: number;
};

/** A new task: the page handles input and paints between two slices of a save. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class Autosave {
  private base: RDocument;
  private version: number;
  private dirty = false;
  private inFlight: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private stopped = false;
  /** A flush is waiting: the slices of the save run one after the other, without a task between. */
  private urgent = false;
  private state: SaveState;

  constructor(private readonly opts: AutosaveOptions) {
    this.base = opts.base;
    this.version = opts.version;
    this.state = { kind: 'saved', version: opts.version };
  }

  /** The latest model (what is on screen), without saving. */
  current(): RDocument {
    return this.opts.editor.getEditorState().read(() => $editorToDocument(this.base, this.opts.lang), { editor: this.opts.editor });
  }

  /** The document as it stands: the last saved one when nothing is pending, else from the editor. */
  document(): RDocument {
    return this.dirty ? this.current() : this.base;
  }

  /** The document changed on screen. */
  changed(): void {
    if (this.stopped) return;
    this.dirty = true;
    // Said once, not at every key: each new state re-renders the status, and a React commit while
    // the caret is in the editor walks the editor's text up to the caret (React restoring the
    // selection), measured at ~1 ms a key on paragraph 500 of a report at the desk.
    if (this.state.kind !== 'error' && this.state.kind !== 'pending') this.set({ kind: 'pending' });
    this.schedule(this.opts.delayMs ?? 1000);
  }

  /** Saves now if anything is unsaved; resolves when that save (and any it waited for) is done. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.urgent = true;
    try {
      while (!this.stopped && (this.dirty || this.inFlight)) {
        if (this.inFlight) await this.inFlight;
        else await this.run();
        if (this.state.kind === 'error') return;
      }
    } finally {
      this.urgent = false;
    }
  }

  dispose(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private set(state: SaveState): void {
    this.state = state;
    this.opts.onState(state);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, ms);
  }

  private run(): Promise<void> {
    if (this.stopped || !this.dirty) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async saveOnce(): Promise<void> {
    this.dirty = false;
    let doc: RDocument;
    let json: WireJson<RDocument>;
    const slicing: Slicing = { sliceMs: this.opts.sliceMs ?? 8, pause: () => (this.urgent ? Promise.resolve() : nextTask()), now: () => performance.now() };
    try {
      // The state as it is now; edits made while it is being read come in the next save.
      doc = await editorToDocumentInSlices(this.opts.editor, this.base, this.opts.lang, slicing);
      if (this.stopped) return;
      if (this.opts.beforeSave) doc = this.opts.beforeSave(doc, this.base);
      this.opts.onDocument?.(doc);
      this.set({ kind: 'saving' });
      json = await wireJsonInSlices(doc, slicing);
      if (this.stopped) return;
    } catch (e) {
      // The editor holds something the model cannot (a bug): say so, keep the text, do not save.
      this.dirty = true;
      this.set({ kind: 'error', error: { code: 'internal', message: e instanceof Error ? e.message : String(e) }, retryInMs: 0 });
      return;
    }
    const r = await this.opts.save(doc, this.version, json);
    if (this.stopped) return;
    if (r.ok) {
      this.failures = 0;
      this.version = r.value.version;
      this.base = doc;
      this.opts.onSaved?.(doc, r.value.version, r.value);
      if (this.dirty) {
        this.set({ kind: 'pending' });
        this.schedule(this.opts.delayMs ?? 1000);
      } else this.set({ kind: 'saved', version: this.version });
      return;
    }
    this.dirty = true;
    if (r.error.code === 'conflict') {
      this.stopped = true;
      this.set({ kind: 'conflict', error: r.error });
      return;
    }
    const { first, max } = this.opts.retryMs ?? { first: 1000, max: 30_000 };
    const wait = Math.min(max, first * 2 ** this.failures);
    this.failures++;
    this.set({ kind: 'error', error: r.error, retryInMs: wait });
    this.schedule(wait);
  }
}
