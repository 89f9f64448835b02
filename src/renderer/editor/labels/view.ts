/**
 * The derived view of the document an editor shows: labels ("12.", "a)", "Annexe I"), footnote
 * numbers, cross-reference text and generated wording, as the core computed them for the current
 * structure. It lives beside the editor, never in its state (so it is not in the undo history
 * and not shared through Yjs), keyed by node key, and is rebuilt by the labels plugin only when
 * the structure changes.
 */
import { $getEditor, type LexicalEditor, type NodeKey } from 'lexical';
import type { Lang, RDocument } from '../../../core/model/schema';
import type { Numbering } from '../../../core/numbering/numbering';

export type StructureSnapshot = {
  lang: Lang;
  /** The document's structure (ids, kinds, levels, metadata, footnote runs; no words). */
  skeleton: RDocument;
  numbering: Numbering;
  /** Model id → node key, for parts and blocks. */
  keyOf: Map<string, NodeKey>;
};

export class EditorView {
  /** Labels (block labels, footnote numbers) by node key. */
  readonly labels = new Map<NodeKey, string>();
  /** Cross-reference text by node key, with whether the reference is broken. */
  readonly xrefs = new Map<NodeKey, { text: string; broken: boolean }>();
  /** Generated wording (part headings and titles, closing, opening, signature lines) by node key. */
  readonly generated = new Map<NodeKey, string>();
  snapshot: StructureSnapshot | undefined;
  /** Bumped after every rebuild; React parts that show derived data read it. */
  revision = 0;
  private readonly listeners = new Set<() => void>();

  labelOf(key: NodeKey): string | undefined {
    return this.labels.get(key);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }
}

const views = new WeakMap<LexicalEditor, EditorView>();

export function viewOf(editor: LexicalEditor): EditorView | undefined {
  return views.get(editor);
}

export function ensureView(editor: LexicalEditor): EditorView {
  let v = views.get(editor);
  if (!v) {
    v = new EditorView();
    views.set(editor, v);
  }
  return v;
}

/** The view of the editor whose state is being read, if any (a bare `editorState.read` has no editor). */
export function $activeView(): EditorView | undefined {
  try {
    return views.get($getEditor());
  } catch {
    return undefined;
  }
}
