/**
 * What starts a save: any change to the document (not a mere caret move), and — at once — the
 * window losing focus, being hidden or closed.
 */
import type { LexicalEditor } from 'lexical';
import type { Autosave } from './autosave';
import { HISTORY_MERGE } from '../plugins/documentRules';

export function registerAutosaveTriggers(editor: LexicalEditor, autosave: Autosave): () => void {
  // Until the first real edit, updates merged into history are Lexical running newly registered
  // transforms over the loaded document (they touch nodes, change nothing): not a change to save.
  let edited = false;
  const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
    if (prevEditorState.isEmpty()) return; // the document being loaded, not edited
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
