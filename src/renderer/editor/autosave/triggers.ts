/**
 * What starts a save: any change to the document (not a mere caret move), and — at once — the
 * window losing focus, being hidden or closed.
 */
import { COLLABORATION_TAG, type LexicalEditor } from 'lexical';
import type { Autosave } from './autosave';
import { HISTORY_MERGE } from '../plugins/documentRules';

export function registerAutosaveTriggers(editor: LexicalEditor, autosave: Autosave): () => void {
  // Until the first real edit, updates merged into history are Lexical running newly registered
  // transforms over the loaded document (they touch nodes, change nothing): not a change to save.
  let edited = false;
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    // The document being loaded, not edited; but a shared dossier's text arriving from the team
    // (the collaboration binding's first fill) may differ from the library's copy: it is saved.
    if (prevEditorState.isEmpty() && !tags.has(COLLABORATION_TAG)) return;
    if (tags.has(COLLABORATION_TAG)) edited = true;
    if (!tags.has(HISTORY_MERGE)) edited = true;
    if (!edited) return;
    autosave.changed();
  });
  const flush = () => void autosave.flush();
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  window.addEventListener('blur', flush);
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unregister();
    window.removeEventListener('blur', flush);
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
