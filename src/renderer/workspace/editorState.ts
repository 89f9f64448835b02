/**
 * What the workspace's panels read from and write into the open editor: the metadata (NodeState
 * on the root, so a change is an editor update — undoable, autosaved, and the labels plugin
 * regenerates every wording from it in the same frame), the signature blocks' signatories, the
 * derived view (labels, generated wording), and "go to a block". Panels are rendered inside the
 * editor's LexicalComposer, so they reach the editor through its context.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, $getState, $isElementNode, $nodesOfType, $setState, SKIP_DOM_SELECTION_TAG, type LexicalEditor } from 'lexical';
import type { Meta, PartKind } from '../../core/model/schema';
import { metaState, signatoriesState } from '../editor/nodes/state';
import { SignatureNode } from '../editor/nodes/SignatureNode';
import { $partOf } from '../editor/nodes/blocks';
import { $isPartNode } from '../editor/nodes/PartNode';
import { ensureView, type EditorView } from '../editor/labels/view';

/**
 * An editor update made from a panel's control (a metadata field, a wording's reset): the
 * editor's own selection is left where it is in the DOM. Without the tag Lexical puts the DOM
 * selection back into the text after every update, which takes the focus from the field being
 * typed in: the first letter went into the field and the rest into the document.
 */
export function panelUpdate(editor: LexicalEditor, change: () => void): void {
  editor.update(change, { tag: SKIP_DOM_SELECTION_TAG });
}

/** The editor of the open dossier (panels are inside its composer). */
export function useEditor(): LexicalEditor {
  return useLexicalComposerContext()[0];
}

/**
 * The metadata as the editor holds it now, and a way to change it (one editor update, one undo
 * step). Null until the editor's first state is committed (Lexical fills it in an update after
 * the composer's first render).
 */
export function useMeta(): [Meta | null, (change: (meta: Meta) => Meta) => void] {
  const editor = useEditor();
  const read = useCallback(() => editor.getEditorState().read(() => $getState($getRoot(), metaState)), [editor]);
  const [meta, setMeta] = useState<Meta | null>(read);
  useEffect(() => {
    const sync = () => setMeta((before) => {
      const now = read();
      return now === before ? before : now;
    });
    const unregister = editor.registerUpdateListener(sync);
    // The first state may have been committed between the render and this effect.
    sync();
    return unregister;
  }, [editor, read]);
  const update = useCallback(
    (change: (meta: Meta) => Meta) =>
      panelUpdate(editor, () => {
        const root = $getRoot();
        const current = $getState(root, metaState);
        if (current) $setState(root, metaState, change(current));
      }),
    [editor],
  );
  return [meta, update];
}

export type SignatureInfo = { key: string; id: string; partKind: PartKind; signatories: string[] };

/** The document's signature blocks, in order, with who signs each. */
export function useSignatures(): [SignatureInfo[], (key: string, signatories: string[]) => void, (change: () => void) => void] {
  const editor = useEditor();
  const read = useCallback(
    () =>
      editor.getEditorState().read(() =>
        $nodesOfType(SignatureNode).map((n) => ({ key: n.getKey(), id: n.getBlockId(), partKind: $partOf(n)?.getPartKind() ?? 'letter', signatories: n.getSignatories() })),
      ),
    [editor],
  );
  const [list, setList] = useState<SignatureInfo[]>(read);
  useEffect(() => {
    const sync = () => setList((before) => {
      const now = read();
      return JSON.stringify(now) === JSON.stringify(before) ? before : now;
    });
    const unregister = editor.registerUpdateListener(sync);
    sync();
    return unregister;
  }, [editor, read]);
  const set = useCallback(
    (key: string, signatories: string[]) =>
      panelUpdate(editor, () => {
        const node = $getNodeByKey(key);
        if (node) $setState(node, signatoriesState, signatories);
      }),
    [editor],
  );
  // Several changes in one update (one undo step): removing a person from the metadata and from every signature.
  const batch = useCallback((change: () => void) => panelUpdate(editor, change), [editor]);
  return [list, set, batch];
}

/** The derived view (labels, generated wording, structure), re-read whenever the labels plugin rebuilds it. */
export function useDerivedView(): EditorView {
  const editor = useEditor();
  const view = ensureView(editor);
  useSyncExternalStore(
    (listener) => view.subscribe(listener),
    () => view.revision,
  );
  return view;
}

/** The element showing a block or part of the model (by its id), if it is in the page. */
export function elementOfId(editor: LexicalEditor, id: string): HTMLElement | null {
  const key = ensureView(editor).computed?.snapshot.keyOf.get(id);
  return key === undefined ? null : editor.getElementByKey(key);
}

/**
 * Scrolls to a block (else a part), puts the caret at its start when it holds text, and flashes
 * it. Returns false when it is not in the document (any more).
 */
export function goToInEditor(editor: LexicalEditor, where: { blockId?: string | undefined; partId?: string | undefined }): boolean {
  const id = where.blockId ?? where.partId;
  if (id === undefined) return false;
  const key = ensureView(editor).computed?.snapshot.keyOf.get(id);
  const el = key === undefined ? null : editor.getElementByKey(key);
  if (key === undefined || !el) return false;
  el.scrollIntoView({ block: 'center' });
  // Sideways the page goes back to its left edge: in a window too narrow for the page even scaled
  // down (DossierEditor.css), centring the block scrolled the margin and the labels out of view.
  el.closest('.rk-scroller')?.scrollTo({ left: 0 });
  if (editor.isEditable()) {
    // A text block takes the caret at its start; a part or a generated block is only shown.
    const text = editor.getEditorState().read(() => {
      const node = $getNodeByKey(key);
      return $isElementNode(node) && !$isPartNode(node);
    });
    if (text) {
      editor.update(() => {
        const node = $getNodeByKey(key);
        if ($isElementNode(node)) node.selectStart();
      });
      editor.focus();
    } else {
      el.setAttribute('tabindex', '-1');
      el.focus({ preventScroll: true });
    }
  } else {
    el.setAttribute('tabindex', '-1');
    el.focus({ preventScroll: true });
  }
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
  return true;
}
