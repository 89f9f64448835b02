/**
 * Headless editors for the editor's unit tests: the app's own nodes and the registrations that
 * need no DOM (ids, footnotes, placeholders), and the two serialisations a document goes
 * through inside the app (Lexical's JSON, and the HTML of copy and paste).
 */
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes } from '@lexical/html';
import { $getRoot, $getState, $setState, type LexicalEditor } from 'lexical';
import type { Lang, RDocument } from '../../../src/core/model/schema';
import { EDITOR_NODES } from '../../../src/renderer/editor/nodes';
import { $documentToEditor } from '../../../src/renderer/editor/mapping/toEditor';
import { $editorToDocument } from '../../../src/renderer/editor/mapping/toModel';
import { metaState, settingsState } from '../../../src/renderer/editor/nodes/state';
import { registerDocumentRules } from '../../../src/renderer/editor/plugins/documentRules';
import { $nodesFromEditorHtml } from '../../../src/renderer/editor/paste/fromDom';
import { ensureView } from '../../../src/renderer/editor/labels/view';
import { $computeView } from '../../../src/renderer/editor/labels/compute';

export function newEditor(): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'rapporteur-test',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
  registerDocumentRules(editor);
  return editor;
}

export function editorWith(doc: RDocument, lang: Lang): LexicalEditor {
  const editor = newEditor();
  editor.update(() => $documentToEditor(doc, lang), { discrete: true });
  return editor;
}

export function modelOf(editor: LexicalEditor, base: RDocument, lang: Lang): RDocument {
  return editor.getEditorState().read(() => $editorToDocument(base, lang));
}

/** Editor state → Lexical JSON text → a new editor. */
export function throughJson(editor: LexicalEditor): LexicalEditor {
  const json = JSON.stringify(editor.getEditorState().toJSON());
  const next = newEditor();
  next.setEditorState(next.parseEditorState(json));
  return next;
}

/**
 * The whole document as the HTML the clipboard carries (with the labels the app shows, as a
 * copy in the app has them) → parsed → imported into a new editor.
 */
export function throughHtml(editor: LexicalEditor, base: RDocument, lang: Lang): { editor: LexicalEditor; html: string } {
  ensureView(editor).set(editor.getEditorState().read(() => $computeView(base, lang), { editor }));
  const html = editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null));
  const next = newEditor();
  const [meta, settings] = editor.getEditorState().read(() => [$getState($getRoot(), metaState), $getState($getRoot(), settingsState)] as const);
  next.update(
    () => {
      const dom = new DOMParser().parseFromString(html, 'text/html');
      const nodes = $nodesFromEditorHtml(next, dom);
      const root = $getRoot();
      root.clear();
      root.append(...nodes);
      // The document's metadata is not part of a copy; it is the target document's own.
      $setState(root, metaState, meta);
      $setState(root, settingsState, settings);
    },
    { discrete: true },
  );
  return { editor: next, html };
}
