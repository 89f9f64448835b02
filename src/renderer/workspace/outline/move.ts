/**
 * Moving a chapter, a section or a paragraph. A heading moves with its text — everything after
 * it up to the next heading of its rank or higher — past the previous (next) heading of the same
 * rank; a paragraph or any other block moves past the block before (after) it. Moves stay inside
 * their part: a part's head, title and footnotes never move. Blocks keep their ids, so labels
 * and cross-references follow (the labels plugin renumbers after the update).
 *
 * Keys: Alt+Shift+↑ / Alt+Shift+↓ in the text (the block the caret is in); the outline panel
 * moves headings with Alt+↑ / Alt+↓ and by dragging.
 */
import { $getNodeByKey, $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, KEY_DOWN_COMMAND, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { $isFootnoteAreaNode } from '../../editor/nodes/FootnoteAreaNode';
import { $isHeadingBlockNode } from '../../editor/nodes/HeadingBlockNode';
import { $isPartHeadNode } from '../../editor/nodes/PartHeadNode';
import { $isPartNode } from '../../editor/nodes/PartNode';
import { $isPartTitleNode } from '../../editor/nodes/PartTitleNode';
import { HEADING_RANK } from './outline';

export type Direction = 'up' | 'down';

/** Part furniture: nothing moves past it. */
function $isFixed(n: LexicalNode | null): boolean {
  return n === null || $isPartHeadNode(n) || $isPartTitleNode(n) || $isFootnoteAreaNode(n);
}

function rankOf(n: LexicalNode | null): number | undefined {
  return $isHeadingBlockNode(n) ? HEADING_RANK[n.getLevel()] : undefined;
}

/** What moves with `node`: a heading and its text, else the block itself. */
export function $unit(node: LexicalNode): LexicalNode[] {
  const rank = rankOf(node);
  if (rank === undefined) return [node];
  const out = [node];
  for (let n = node.getNextSibling(); n !== null && !$isFixed(n); n = n.getNextSibling()) {
    const r = rankOf(n);
    if (r !== undefined && r <= rank) break;
    out.push(n);
  }
  return out;
}

/** The top-level block of its part that holds `node` (a subparagraph, a table, a heading…). */
export function $blockOf(node: LexicalNode): LexicalNode | null {
  let n: LexicalNode | null = node;
  while (n !== null && !$isPartNode(n.getParent())) n = n.getParent();
  return n;
}

/** Moves `node` (with its unit) one step; false when it cannot go further that way. */
export function $move(node: LexicalNode, dir: Direction): boolean {
  const unit = $unit(node);
  const first = unit[0]!;
  const last = unit[unit.length - 1]!;
  const rank = rankOf(first);
  if (dir === 'up') {
    let target: LexicalNode | null = first.getPreviousSibling();
    if ($isFixed(target)) return false;
    if (rank !== undefined) {
      // The previous heading of the same rank, without crossing a higher one.
      while (target !== null && !$isFixed(target) && (rankOf(target) ?? Infinity) > rank) target = target.getPreviousSibling();
      if (target === null || $isFixed(target) || rankOf(target) !== rank) return false;
    }
    for (const n of unit) target!.insertBefore(n);
    return true;
  }
  let next: LexicalNode | null = last.getNextSibling();
  if ($isFixed(next)) return false;
  if (rank !== undefined) {
    if (rankOf(next) !== rank) return false;
    const after = $unit(next!);
    next = after[after.length - 1]!;
  }
  let anchor = next!;
  for (const n of unit) {
    anchor.insertAfter(n);
    anchor = n;
  }
  return true;
}

/** Moves the section of heading `key` before (or after) heading `target`'s (dragging in the outline); both of one rank in one part. */
export function $moveTo(key: NodeKey, target: NodeKey, where: 'before' | 'after'): boolean {
  const node = $getNodeByKey(key);
  const to = $getNodeByKey(target);
  if (!node || !to || node === to || rankOf(node) === undefined || rankOf(node) !== rankOf(to) || node.getParent() !== to.getParent()) return false;
  const unit = $unit(node);
  if (unit.includes(to)) return false;
  if (where === 'before') for (const n of unit) to.insertBefore(n);
  else {
    const after = $unit(to);
    let anchor = after[after.length - 1]!;
    for (const n of unit) {
      anchor.insertAfter(n);
      anchor = n;
    }
  }
  return true;
}

/** Alt+Shift+↑ / Alt+Shift+↓: the block the caret is in (a heading with its text) moves. */
export function registerMoveKeys(editor: LexicalEditor, enabled: () => boolean, onMoved?: (moved: boolean) => void): () => void {
  return editor.registerCommand(
    KEY_DOWN_COMMAND,
    (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return false;
      if (!enabled()) return false;
      event.preventDefault();
      let moved = false;
      editor.update(() => {
        const sel = $getSelection();
        if (!$isRangeSelection(sel)) return;
        const block = $blockOf(sel.anchor.getNode());
        if (block) moved = $move(block, event.key === 'ArrowUp' ? 'up' : 'down');
      });
      onMoved?.(moved);
      return true;
    },
    COMMAND_PRIORITY_HIGH,
  );
}
