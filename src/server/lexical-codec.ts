/**
 * The real mapping between a language version and its shared Yjs document: the editor's own
 * nodes and its model ⇄ editor mapping (src/renderer/editor/nodes and mapping: pure Lexical, no
 * DOM), run headless and bound to Yjs by Lexical's own binding (@lexical/yjs), exactly as the
 * app's collaboration plugin binds the editor on screen. So what the server writes is what the
 * editor reads, and what it reads back is what the editor wrote.
 */
import { createHeadlessEditor } from '@lexical/headless';
import { createBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import type { Lang, RDocument } from '../core/model/schema';
import { EDITOR_NODES } from '../renderer/editor/nodes';
import { $documentToEditor } from '../renderer/editor/mapping/toEditor';
import { $editorToDocument } from '../renderer/editor/mapping/toModel';
import type { YCodec } from './codec';

/** The document id the binding is keyed by; the root XmlText is the one the client binds ("root"). */
const ID = 'root';

/** A provider that goes nowhere: the server's editors have no awareness and no connection. */
const NO_PROVIDER = {
  awareness: {
    getLocalState: () => null,
    getStates: () => new Map(),
    setLocalState: () => undefined,
    setLocalStateField: () => undefined,
    on: () => undefined,
    off: () => undefined,
  },
  connect: () => undefined,
  disconnect: () => undefined,
  on: () => undefined,
  off: () => undefined,
} as unknown as Provider;

function headlessEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'rapporteur-server',
    nodes: EDITOR_NODES,
    onError: (e) => {
      throw e;
    },
  });
}

/**
 * A headless editor bound to `ydoc` both ways, as the collaboration plugin binds the one on
 * screen: its content is whatever `ydoc` holds once applied, and its edits go into `ydoc`.
 */
export function boundHeadlessEditor(ydoc: Y.Doc, provider: Provider = NO_PROVIDER): LexicalEditor {
  const editor = headlessEditor();
  const binding = createBinding(editor, provider, ID, ydoc, new Map([[ID, ydoc]]));
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false);
  });
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, provider, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags);
  });
  return editor;
}

export const lexicalCodec: YCodec = {
  encode(doc: RDocument, lang: Lang): Uint8Array {
    const ydoc = new Y.Doc();
    const editor = boundHeadlessEditor(ydoc);
    editor.update(() => $documentToEditor(doc, lang), { discrete: true });
    return Y.encodeStateAsUpdate(ydoc);
  },
  decode(ydoc: Y.Doc, lang: Lang, base: RDocument): RDocument {
    const copy = new Y.Doc();
    const editor = boundHeadlessEditor(copy);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
    editor.update(() => undefined, { discrete: true });
    return editor.getEditorState().read(() => $editorToDocument(base, lang));
  },
  worker: { module: import.meta.url, name: 'lexicalCodec' },
};
