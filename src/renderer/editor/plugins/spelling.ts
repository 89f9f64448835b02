/**
 * Spell checking in the editor, offline, with the app's own Hunspell dictionaries
 * (src/renderer/spell: a worker), in the editor's language: French in a French editor, English in
 * an English one, both at once in the translator's side-by-side view. Chromium's own spell
 * checker is off (it would download its dictionaries from a Google host).
 *
 * Misspelt words are marked with the CSS Custom Highlight API (no change to the document or its
 * DOM, so nothing reaches the model, the undo history or the autosave). The work is proportional to
 * what changed: an edit queues only its blocks; the whole document is checked once at start, in
 * small batches between frames. The word being typed (the one ending at the caret) is not marked.
 */
import { $dfsIterator } from '@lexical/utils';
import { $getNearestNodeFromDOMNode, $getNodeByKey, $getSelection, $isRangeSelection, $isTextNode, type LexicalEditor, type NodeKey } from 'lexical';
import type { Lang } from '../../../core/model/schema';
import type { SpellChecker } from '../../spell/client';
import { wordsToCheck } from '../../spell/words';
import { $isTextBlock, $textBlockOf } from './blockCommands';

export const MISSPELT_HIGHLIGHT = 'rk-misspelt';
/** Blocks checked per batch: small enough to stay far below a long task. */
const BATCH = 40;

// One highlight for the page; each editor adds and removes its own ranges.
let shared: Highlight | undefined;
function pageHighlight(): Highlight | undefined {
  if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return undefined;
  if (!shared) {
    shared = new Highlight();
    CSS.highlights.set(MISSPELT_HIGHLIGHT, shared);
  }
  return shared;
}

/** A misspelt word on screen: its DOM range, the word and the editor's language. */
export type Misspelling = { range: Range; word: string; lang: Lang };

export type SpellingHandle = {
  unregister: () => void;
  /** The misspelt word at a point of the page (a right click), if any. */
  at: (x: number, y: number) => Misspelling | undefined;
  /** Replaces a misspelt word by `by` (one undoable edit). */
  replace: (m: Misspelling, by: string) => void;
  /** Checks every block again (after the user's dictionary changed). */
  recheckAll: () => void;
};

/** Every block holding text, in document order (checked in that order at start). */
function $allTextBlocks(): NodeKey[] {
  const keys: NodeKey[] = [];
  for (const { node } of $dfsIterator()) if ($isTextBlock(node)) keys.push(node.getKey());
  return keys;
}

/** The words of an element's own text (generated labels and wording are not editable: skipped). */
function textNodesOf(element: HTMLElement): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n.parentElement?.closest('[contenteditable="false"]') ?? null) !== null ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

export function registerSpelling(editor: LexicalEditor, opts: { checker: SpellChecker; lang: () => Lang }): SpellingHandle {
  const highlight = pageHighlight();
  const byBlock = new Map<NodeKey, Range[]>();
  const queue = new Set<NodeKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const setRanges = (key: NodeKey, ranges: Range[]) => {
    for (const r of byBlock.get(key) ?? []) highlight?.delete(r);
    if (ranges.length === 0) byBlock.delete(key);
    else byBlock.set(key, ranges);
    for (const r of ranges) highlight?.add(r);
  };

  const caret = (): { node: Node; offset: number } | undefined => {
    const s = window.getSelection();
    return s && s.isCollapsed && s.anchorNode ? { node: s.anchorNode, offset: s.anchorOffset } : undefined;
  };

  const checkBlocks = async (keys: NodeKey[]) => {
    const lang = opts.lang();
    const found: { key: NodeKey; items: { node: Text; start: number; end: number; word: string }[] }[] = [];
    const words: string[] = [];
    for (const key of keys) {
      const element = editor.getElementByKey(key);
      if (!element || !element.isConnected) {
        setRanges(key, []);
        continue;
      }
      const items = textNodesOf(element).flatMap((node) => wordsToCheck(node.data).map((w) => ({ node, ...w })));
      for (const i of items) words.push(i.word);
      found.push({ key, items });
    }
    const correct = words.length > 0 ? await opts.checker.check(lang, words) : [];
    if (stopped) return;
    const at = caret();
    let w = 0;
    for (const { key, items } of found) {
      const ranges: Range[] = [];
      for (const i of items) {
        const ok = correct[w++] ?? true;
        if (ok || !i.node.isConnected || i.node.data.slice(i.start, i.end) !== i.word) continue;
        if (at && at.node === i.node && at.offset === i.end) continue; // still being typed
        const r = new Range();
        r.setStart(i.node, i.start);
        r.setEnd(i.node, i.end);
        ranges.push(r);
      }
      setRanges(key, ranges);
    }
  };

  const run = () => {
    timer = undefined;
    if (stopped) return;
    const batch = [...queue].slice(0, BATCH);
    for (const k of batch) queue.delete(k);
    void checkBlocks(batch)
      .catch((e: unknown) => console.warn('[spelling]', e instanceof Error ? e.message : e))
      .finally(() => {
        if (queue.size > 0) schedule(16);
      });
  };
  const schedule = (ms: number) => {
    if (timer === undefined && !stopped) timer = setTimeout(run, ms);
  };
  const recheckAll = () => {
    editor.getEditorState().read(() => $allTextBlocks().forEach((k) => queue.add(k)));
    schedule(0);
  };

  const unregisterUpdate = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, prevEditorState }) => {
    if (prevEditorState.isEmpty()) return recheckAll();
    if (dirtyElements.size === 0 && dirtyLeaves.size === 0) {
      // A caret move: the word left behind may now be marked.
      const s = editorState.read(() => {
        const sel = $getSelection();
        return $isRangeSelection(sel) ? sel.anchor.getNode() : null;
      });
      if (s) editorState.read(() => {
        const b = $textBlockOf(s);
        if (b) queue.add(b.getKey());
      });
      return schedule(400);
    }
    editorState.read(() => {
      for (const key of [...dirtyLeaves, ...dirtyElements.keys()]) {
        const node = $getNodeByKey(key);
        const block = node ? $textBlockOf(node) : null;
        if (block) queue.add(block.getKey());
      }
    });
    schedule(400);
  });
  recheckAll();

  return {
    unregister: () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      unregisterUpdate();
      for (const key of [...byBlock.keys()]) setRanges(key, []);
    },
    at(x, y) {
      const point = document.caretRangeFromPoint?.(x, y);
      if (!point) return undefined;
      for (const ranges of byBlock.values()) {
        for (const r of ranges) {
          if (r.startContainer === point.startContainer && r.startOffset <= point.startOffset && point.startOffset <= r.endOffset) {
            return { range: r, word: r.toString(), lang: opts.lang() };
          }
        }
      }
      return undefined;
    },
    replace(m, by) {
      editor.update(() => {
        const node = $getNearestNodeFromDOMNode(m.range.startContainer);
        if (!$isTextNode(node) || node.getTextContent().slice(m.range.startOffset, m.range.endOffset) !== m.word) return;
        node.spliceText(m.range.startOffset, m.range.endOffset - m.range.startOffset, by, true);
      });
      editor.focus();
    },
    recheckAll,
  };
}
