/**
 * The editor bench's page (bundled by tests/bench/editor.bench.ts with esbuild): the app's
 * editor exactly as it ships (DossierEditor, all plugins), and beside it a bare Lexical editor
 * as it ships (rich text, default styles, history) holding the same words as plain paragraphs.
 * `window.bench` is what the bench drives; every measure is taken in the page.
 */
import { createRef, StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createParagraphNode, $createTextNode, $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import type { RDocument } from '../../../src/core/model/schema';
import { toWire } from '../../../src/shared/wire';
import { initI18n } from '../../../src/renderer/i18n';
import { DossierEditor, type DossierEditorHandle } from '../../../src/renderer/editor/components/DossierEditor';
import { setRecognizeWorkerUrl } from '../../../src/renderer/editor/paste/worker';
import { $editorToDocument } from '../../../src/renderer/editor/mapping/toModel';
import { $computeView } from '../../../src/renderer/editor/labels/compute';
import { applyView } from '../../../src/renderer/editor/labels/apply';
import '../../../src/renderer/controls.css';
import '../../../src/renderer/styles.css';

initI18n('en');
setRecognizeWorkerUrl(new URL('./recognizeWorker.js', import.meta.url));

const nextFrame = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

let root: Root | undefined;
let kind: 'ours' | 'bare' = 'ours';
const handle = createRef<DossierEditorHandle>();
const latencies: number[] = [];
const longTasks: { start: number; duration: number }[] = [];
/** When the save callback ran and how long the JSON took (to tell the long tasks apart). */
const saveMarks: { start: number; ms: number }[] = [];

new PerformanceObserver((list) => {
  for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: false });

// keydown → the first task after the next frame (the user sees the character by then).
document.addEventListener(
  'keydown',
  (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => latencies.push(performance.now() - t0), 0));
  },
  { capture: true },
);

function editor(): LexicalEditor {
  const el = document.querySelector('[contenteditable="true"]') as (HTMLElement & { __lexicalEditor?: LexicalEditor }) | null;
  if (!el?.__lexicalEditor) throw new Error('no editor on the page');
  return el.__lexicalEditor;
}

function Bare({ texts }: { texts: string[] }) {
  const initialConfig = {
    namespace: 'bare',
    onError: (e: Error) => console.error(e),
    editorState: () => {
      const r = $getRoot();
      for (const t of texts) r.append($createParagraphNode().append($createTextNode(t)));
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <RichTextPlugin contentEditable={<ContentEditable className="bare-editor" />} ErrorBoundary={LexicalErrorBoundary} />
      <HistoryPlugin />
    </LexicalComposer>
  );
}

async function mount(node: React.ReactNode): Promise<number> {
  root?.unmount();
  document.body.innerHTML = '<div id="root" style="height:100vh;display:flex;flex-direction:column"></div>';
  const t0 = performance.now();
  root = createRoot(document.getElementById('root')!);
  root.render(<StrictMode>{node}</StrictMode>);
  while (!document.querySelector('[contenteditable="true"] p')) await new Promise((r) => setTimeout(r, 0));
  await nextFrame();
  return performance.now() - t0;
}

const bench = {
  /** Mounts the app's editor on `doc`; ms from mount to the first frame with the document shown. */
  openOurs(doc: RDocument): Promise<number> {
    kind = 'ours';
    const dossier = { id: 'bench0000000', title: 'Bench', kind: doc.meta.kind, originalLanguage: doc.meta.originalLanguage, languages: ['fr' as const], symbols: [], createdAt: 0, updatedAt: 0, version: 1, trashedAt: null, document: doc };
    let version = 1;
    // What the HTTP host's client does with a save: the document as JSON on the wire.
    const save = async (document: RDocument, baseVersion: number) => {
      const t = performance.now();
      const body = JSON.stringify({ input: toWire({ id: dossier.id, document, baseVersion }) });
      void body.length;
      saveMarks.push({ start: t, ms: performance.now() - t });
      return { ok: true as const, value: { ...dossier, version: ++version, changed: true, revision: undefined } };
    };
    return mount(<DossierEditor ref={handle} dossier={dossier} lang="fr" mode="edit" save={save} />);
  },
  openBare(texts: string[]): Promise<number> {
    kind = 'bare';
    return mount(<Bare texts={texts} />);
  },
  /** Caret in the middle of the middle paragraph. */
  async caretInMiddle(): Promise<void> {
    const ed = editor();
    ed.update(() => {
      const texts: import('lexical').TextNode[] = [];
      const visit = (n: import('lexical').LexicalNode) => {
        if ($isTextNode(n) && n.getTextContentSize() > 20) texts.push(n);
        else if ($isElementNode(n)) for (const c of n.getChildren()) visit(c);
      };
      visit($getRoot());
      const t = texts[Math.floor(texts.length / 2)]!;
      t.select(10, 10);
      ed.getElementByKey(t.getKey())?.scrollIntoView({ block: 'center' });
    });
    ed.focus();
    await nextFrame();
    await nextFrame();
  },
  resetLatencies(): void {
    latencies.length = 0;
  },
  latencies(): number[] {
    return [...latencies];
  },
  /** Pastes plain text; resolves with the longest main-thread task meanwhile and the total time. */
  async paste(text: string): Promise<{ longest: number; ms: number; blocks: number }> {
    const ed = editor();
    const rootEl = ed.getRootElement()!;
    await bench.caretInMiddle();
    longTasks.length = 0;
    const t0 = performance.now();
    const done = kind === 'ours' ? new Promise<number>((r) => rootEl.addEventListener('rk-paste-done', (e) => r((e as CustomEvent<{ blocks: number }>).detail.blocks), { once: true })) : Promise.resolve(0);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    rootEl.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const blocks = await done;
    await nextFrame();
    await nextFrame();
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100)); // let the last long task entries arrive
    const during = longTasks.filter((t) => t.start >= t0 - 1 && t.start <= t0 + ms);
    return { longest: Math.max(0, ...during.map((t) => t.duration)), ms, blocks: blocks || ed.getEditorState().read(() => $getRoot().getChildrenSize()) };
  },
  /** Where a renumbering's time goes: computing the view (core), and writing it into the page. */
  profileLabels(doc: RDocument): { compute: number; apply: number } {
    const ed = editor();
    const t0 = performance.now();
    const view = ed.getEditorState().read(() => $computeView(doc, 'fr'), { editor: ed });
    const t1 = performance.now();
    applyView(ed, view, undefined, new Set());
    return { compute: t1 - t0, apply: performance.now() - t1 };
  },
  /** Where an autosave's time goes: producing the model from the editor, and writing it as JSON. */
  profileSave(doc: RDocument): { model: number; wire: number } {
    const ed = editor();
    const t0 = performance.now();
    const model = ed.getEditorState().read(() => $editorToDocument(doc, 'fr'), { editor: ed });
    const t1 = performance.now();
    void JSON.stringify({ input: toWire({ id: 'bench0000000', document: model, baseVersion: 1 }) }).length;
    return { model: t1 - t0, wire: performance.now() - t1 };
  },
  /**
   * One autosave after a keystroke: ours through the editor's own autosave as typing triggers it
   * (about a second after the change: the model built in slices, then the JSON the host would
   * receive), timed from the end of that wait; bare as a bare Lexical app saves (its JSON).
   */
  async autosave(): Promise<{ longTasks: number[]; ms: number; detail?: unknown }> {
    const ed = editor();
    ed.update(() => {
      const first = $getRoot().getLastDescendant();
      if ($isTextNode(first)) first.setTextContent(`${first.getTextContent()}x`);
    });
    await nextFrame();
    longTasks.length = 0;
    const t0 = performance.now();
    // Ours: the debounced save as typing triggers it, not a flush (a flush, for a closing window, does not slice).
    const wait = kind === 'ours' ? 1000 : 0;
    if (kind === 'ours') {
      while (saveMarks.length === 0) await new Promise((r) => setTimeout(r, 20));
      await handle.current!.flush();
    } else void JSON.stringify(ed.getEditorState().toJSON());
    await nextFrame();
    const end = performance.now();
    const ms = end - t0 - wait;
    await new Promise((r) => setTimeout(r, 100));
    const during = longTasks.filter((t) => t.start >= t0 - 1 && t.start <= end);
    const saves = saveMarks.filter((m) => m.start >= t0);
    saveMarks.length = 0;
    return { longTasks: during.map((t) => t.duration), ms, detail: { t0, tasks: during.map((t) => [Math.round(t.start - t0), Math.round(t.duration)]), saves: saves.map((m) => [Math.round(m.start - t0), Math.round(m.ms)]) } };
  },
};

export type Bench = typeof bench;
(window as unknown as { bench: Bench }).bench = bench;
document.title = 'editor bench ready';
