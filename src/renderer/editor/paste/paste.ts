/**
 * Paste. HTML this editor wrote (copy inside the app) comes back through the nodes' importDOM,
 * structure and all, with fresh ids (cross-references keep pointing at their targets). HTML
 * from other programs and plain text go through the core recogniser (./recognize.ts), so typed
 * numbers become structure. In "text only" mode a paste is words only.
 *
 * A large paste (over BIG_PASTE characters) is recognised off the main thread (./worker.ts) and
 * inserted in chunks of CHUNK_BLOCKS blocks, one update per frame, the labels renumbered once at
 * the end; the chunks are one step in the undo history. The editor's root element carries
 * `data-pasting` meanwhile, and gets an `rk-paste-done` event at the end.
 */
import {
  $createTextNode,
  $getNodeByKey,
  $getSelection,
  $getState,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $setState,
  COMMAND_PRIORITY_HIGH,
  PASTE_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { Lang, Meta } from '../../../core/model/schema';
import { $blocksToNodes } from '../mapping/toEditor';
import { $nodesFromEditorHtml } from './fromDom';
import { htmlToSource } from './htmlSource';
import { handOver } from '../../../core/import/source';
import { recognizeSource, recognizeText, type Fragment } from './recognize';
import { recognizeOffThread } from './worker';
import { $insertBlocks } from './insert';
import { $isPartNode } from '../nodes/PartNode';
import { $isPartHeadNode } from '../nodes/PartHeadNode';
import { $isPartTitleNode } from '../nodes/PartTitleNode';
import { $isFootnoteAreaNode } from '../nodes/FootnoteAreaNode';
import { $isFootnoteNode } from '../nodes/FootnoteNode';
import { $isFootnoteRefNode } from '../nodes/FootnoteRefNode';
import { $createParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { newId } from '../nodes/ids';
import { idState, pendingNoteState } from '../nodes/state';
import { $noteContent } from '../nodes/footnotes';
import { HISTORY_MERGE } from '../plugins/documentRules';
import type { EditMode } from '../plugins/keyboard';

export const BIG_PASTE = 200_000;
export const CHUNK_BLOCKS = 250;

export type PasteOptions = {
  lang: () => Lang;
  meta: () => Meta;
  mode: () => EditMode;
  /** Holds renumbering while chunks arrive; releasing it renumbers once. */
  holdLabels: (hold: boolean) => void;
};

/** Fresh ids for everything pasted; parts are unwrapped into their blocks; notes travel with their references. */
function $freshen(nodes: LexicalNode[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  const visit = (node: LexicalNode) => {
    if ($getState(node, idState) !== '') $setState(node, idState, node.getType() === 'rk-table-row' ? newId.row() : node.getType() === 'rk-table-cell' ? newId.cell() : newId.block());
    if ($isFootnoteRefNode(node)) {
      const content = $noteContent(node) ?? $getState(node, pendingNoteState);
      node.setFootnoteId(newId.footnote());
      $setState(node, pendingNoteState, content ?? []);
    }
    if ($isElementNode(node)) for (const child of node.getChildren()) visit(child);
  };
  for (const node of nodes) {
    if ($isPartNode(node)) {
      for (const child of node.getChildren()) {
        if ($isPartHeadNode(child) || $isFootnoteAreaNode(child)) continue;
        if ($isPartTitleNode(child)) {
          const p = $createParagraphBlockNode(false).append(...child.getChildren());
          out.push(p);
          continue;
        }
        out.push(child);
      }
    } else if (!$isFootnoteAreaNode(node) && !$isFootnoteNode(node) && !$isPartHeadNode(node)) out.push(node);
  }
  for (const n of out) visit(n);
  return out;
}

function $pasteOwnHtml(editor: LexicalEditor, html: string): void {
  const dom = new DOMParser().parseFromString(html, 'text/html');
  const nodes = $freshen($nodesFromEditorHtml(editor, dom));
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const blocks = nodes.some((n) => ($isElementNode(n) || $isDecoratorNode(n)) && !n.isInline());
  if (!blocks) selection.insertNodes(nodes);
  else $insertBlocks(nodes, []);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

async function insertInChunks(editor: LexicalEditor, fragment: Fragment, opts: PasteOptions): Promise<void> {
  const root = editor.getRootElement();
  root?.setAttribute('data-pasting', 'true');
  opts.holdLabels(true);
  let after: string | null = null;
  try {
    for (let i = 0; i < fragment.blocks.length; i += CHUNK_BLOCKS) {
      await nextFrame();
      const chunk = fragment.blocks.slice(i, i + CHUNK_BLOCKS);
      editor.update(
        () => {
          const { nodes, notes } = $blocksToNodes(chunk, { [fragment.lang]: fragment.text }, fragment.lang, opts.meta());
          const previous = after === null ? undefined : ($getNodeByKey(after) ?? undefined);
          const last = $insertBlocks(nodes, notes, previous);
          after = last?.getKey() ?? after;
        },
        i === 0 ? {} : { tag: HISTORY_MERGE },
      );
    }
  } finally {
    await nextFrame();
    opts.holdLabels(false);
    root?.removeAttribute('data-pasting');
    root?.dispatchEvent(new CustomEvent('rk-paste-done', { detail: { blocks: fragment.blocks.length } }));
  }
}

async function pasteForeign(editor: LexicalEditor, html: string, text: string, opts: PasteOptions): Promise<void> {
  const lang = opts.lang();
  const big = (html || text).length > BIG_PASTE;
  let fragment: Fragment;
  if (html) {
    const source = htmlToSource(html);
    fragment = big ? await recognizeOffThread({ source, lang }) : recognizeSource(handOver(source), lang);
  } else fragment = big ? await recognizeOffThread({ text, lang }) : recognizeText(text, lang);
  if (fragment.blocks.length > CHUNK_BLOCKS) return insertInChunks(editor, fragment, opts);
  editor.update(() => {
    const { nodes, notes } = $blocksToNodes(fragment.blocks, { [lang]: fragment.text }, lang, opts.meta());
    $insertBlocks(nodes, notes);
  });
  editor.getRootElement()?.dispatchEvent(new CustomEvent('rk-paste-done', { detail: { blocks: fragment.blocks.length } }));
}

export function registerPaste(editor: LexicalEditor, opts: PasteOptions): () => void {
  return editor.registerCommand(
    PASTE_COMMAND,
    (event) => {
      const mode = opts.mode();
      if (mode === 'read') return true;
      const data = 'clipboardData' in event ? event.clipboardData : 'dataTransfer' in event ? (event).dataTransfer : null;
      if (!data) return false;
      event.preventDefault();
      const html = data.getData('text/html');
      const text = data.getData('text/plain');
      const selection = $getSelection();
      if (mode === 'text') {
        // Structure locked: words only, line breaks as spaces.
        if ($isRangeSelection(selection)) selection.insertNodes([$createTextNode(text.replace(/\s*\n\s*/g, ' '))]);
        return true;
      }
      if (html.includes('data-rk=')) {
        $pasteOwnHtml(editor, html);
        return true;
      }
      if (html === '' && text === '') return true;
      void pasteForeign(editor, html, text, opts).catch((e: unknown) => console.error('[paste] failed:', e));
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}

