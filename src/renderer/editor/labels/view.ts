/**
 * The derived view of the document an editor shows: labels ("12.", "a)", footnote numbers),
 * cross-reference text and generated wording, as the core computed them for the current
 * structure (./compute.ts). It lives beside the editor, never in its state (so it is not in the
 * undo history and not shared through Yjs), keyed by node key, and is replaced by the labels
 * plugin only when the structure changes.
 */
import { $getEditor, type LexicalEditor, type NodeKey } from 'lexical';
import { spansText } from '../../../core/render/spans';
import type { ComputedView } from './compute';

export type { StructureSnapshot } from './snapshot';

export class EditorView {
  computed: ComputedView | undefined;
  /** Bumped after every rebuild; React parts that show derived data subscribe to it. */
  revision = 0;
  private readonly listeners = new Set<() => void>();

  labelOf(key: NodeKey): string | undefined {
    return this.computed?.labels.get(key);
  }

  xrefOf(key: NodeKey): { text: string; broken: boolean } | undefined {
    return this.computed?.xrefs.get(key);
  }

  /** The generated wording of a part head, closing, opening or signature, as plain lines. */
  generatedText(key: NodeKey): string | undefined {
    const c = this.computed;
    if (!c) return undefined;
    const head = c.partHeads.get(key);
    if (head) return [head.heading, head.originalMarker, head.title].map(spansText).filter((l) => l !== '').join('\n');
    return c.generated.get(key)?.map(spansText).join('\n');
  }

  set(computed: ComputedView): void {
    this.computed = computed;
    this.revision++;
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
