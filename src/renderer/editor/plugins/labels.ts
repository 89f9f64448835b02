/**
 * Labels are never text. After an update that changed the document's structure (and only
 * then: a typed character does not renumber), the core recomputes every label, footnote
 * number, cross-reference text and generated wording (labels/compute.ts), and they are written
 * into the page in the same update listener, before the browser paints: after Enter, Tab, a
 * deletion or a move, every label and reference on screen is right in the same frame. Elements
 * Lexical recreates get theirs again from its mutation reports.
 */
import { mergeRegister, type Klass, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import type { Lang, RDocument } from '../../../core/model/schema';
import { $computeView } from '../labels/compute';
import { applyFresh, applyView } from '../labels/apply';
import { isStructuralUpdate } from '../labels/structural';
import { ensureView } from '../labels/view';
import { EDITOR_NODES } from '../nodes';

export type LabelsOptions = {
  lang: () => Lang;
  /** The model the editor was filled from (schema version, the other language's sourceHashes). */
  base: () => RDocument;
};

export type LabelsHandle = {
  unregister: () => void;
  /** While held, structural changes wait (a paste arriving in chunks); releasing renumbers once. */
  hold: (hold: boolean) => void;
};

export function registerLabels(editor: LexicalEditor, opts: LabelsOptions): LabelsHandle {
  const view = ensureView(editor);
  const fresh = new Set<NodeKey>();
  let pending = true;
  let held = false;

  const recompute = () => {
    const computed = editor.getEditorState().read(() => $computeView(opts.base(), opts.lang()), { editor });
    const before = view.computed;
    applyView(editor, computed, before, fresh);
    fresh.clear();
    pending = false;
    view.set(computed);
  };

  const classes = EDITOR_NODES.map((n) => ('replace' in n ? n.withKlass : n)).filter((k): k is Klass<LexicalNode> => k !== undefined);
  const unregister = mergeRegister(
    ...[...new Set(classes)].map((klass) =>
      editor.registerMutationListener(
        klass,
        (mutations) => {
          for (const [key, m] of mutations) if (m !== 'destroyed') fresh.add(key);
        },
        { skipInitialization: true },
      ),
    ),
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, editorState }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0 && !pending) return;
      if (pending || isStructuralUpdate(dirtyElements, dirtyLeaves, prevEditorState, editorState)) pending = true;
      if (pending && !held) return safeRecompute();
      // Words only: recreated elements get their labels back; nothing is renumbered.
      if (fresh.size > 0 && view.computed) {
        applyFresh(editor, view.computed, fresh);
        fresh.clear();
      }
    }),
    // The first render (and a new root element) gets its labels at once.
    editor.registerRootListener((root) => {
      if (root) safeRecompute();
    }),
  );
  function safeRecompute() {
    try {
      recompute();
    } catch (e) {
      console.error('[labels] could not number the document:', e);
    }
  }
  return {
    unregister,
    hold: (hold) => {
      held = hold;
      if (!hold && pending) safeRecompute();
    },
  };
}
