/**
 * The outline of the document as the editor holds it: parts (letter, text, annexes, enclosures)
 * and their headings (part, chapter, section, subsection), each with the range of numbered
 * paragraphs under it — from the structure the labels plugin last numbered (its snapshot), and
 * the headings' words read from the editor. `$` functions: inside `editorState.read`.
 */
import { $getNodeByKey, $isElementNode, type NodeKey } from 'lexical';
import type { Block, HeadingLevel, Part, PartKind } from '../../../core/model/schema';
import { spansText } from '../../../core/render/spans';
import type { ComputedView } from '../../editor/labels/compute';
import { $isPartTitleNode } from '../../editor/nodes/PartTitleNode';

/** How high a heading ranks: a section ends at the next heading of its rank or higher. */
export const HEADING_RANK: Record<HeadingLevel, number> = { part: 0, chapter: 1, section: 2, subsection: 3, unnumbered: 4 };

export type OutlineEntry = {
  /** The model id of the part or heading block. */
  id: string;
  key: NodeKey;
  type: 'part' | 'heading';
  partKind: PartKind;
  partId: string;
  level?: HeadingLevel;
  /** Nesting depth for display. */
  depth: number;
  /** "I.", "A.", "Annexe II"; none for an unnumbered heading or a letter. */
  label?: string;
  text: string;
  /** The first and last numbered paragraph under it ("4" and "25"), when there are any. */
  paragraphs?: { from: string; to: string };
  /** The ids of the blocks between it and the next entry (where a colleague's caret may be: issue 15). */
  blockIds: string[];
};

function paragraphRef(view: ComputedView, block: Block): string | undefined {
  if (block.kind !== 'paragraph' || !block.numbered) return undefined;
  return view.snapshot.numbering.blocks.get(block.id)?.ref;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function $textOf(view: ComputedView, id: string): string {
  const key = view.snapshot.keyOf.get(id);
  const node = key === undefined ? null : $getNodeByKey(key);
  return node ? oneLine(node.getTextContent()) : '';
}

export function $outline(view: ComputedView): OutlineEntry[] {
  const { skeleton, numbering, keyOf } = view.snapshot;
  const out: OutlineEntry[] = [];
  const visit = (part: Part, depth: number) => {
    const key = keyOf.get(part.id);
    if (key === undefined) return;
    const partNode = $getNodeByKey(key);
    const headKey = $isElementNode(partNode) ? partNode.getFirstChild()?.getKey() : undefined;
    const computed = headKey !== undefined ? view.partHeads.get(headKey) : undefined;
    // A part whose title is not generated (an annex, an enclosure) is named by its title as typed,
    // not by all its words (the part's own text is every block in it: the outline showed the tables).
    const typed = $isElementNode(partNode) ? partNode.getChildren().find($isPartTitleNode) : undefined;
    const title = computed && computed.title.length > 0 ? spansText(computed.title) : oneLine(typed?.getTextContent() ?? '');
    const partEntry: OutlineEntry = { id: part.id, key, type: 'part', partKind: part.kind, partId: part.id, depth, text: title, blockIds: [] };
    const partLabel = numbering.parts.get(part.id)?.label;
    if (partLabel) partEntry.label = partLabel;
    out.push(partEntry);
    // Each open entry collects the numbered paragraphs that follow it until one of its rank or higher.
    const open: { entry: OutlineEntry; rank: number }[] = [{ entry: partEntry, rank: -1 }];
    const note = (ref: string) => {
      for (const { entry } of open) entry.paragraphs = entry.paragraphs ? { from: entry.paragraphs.from, to: ref } : { from: ref, to: ref };
    };
    const walk = (blocks: Block[]) => {
      for (const b of blocks) {
        if (b.kind === 'heading') {
          const rank = HEADING_RANK[b.level];
          while (open.length > 1 && open[open.length - 1]!.rank >= rank) open.pop();
          const k = keyOf.get(b.id);
          if (k === undefined) continue;
          const entry: OutlineEntry = { id: b.id, key: k, type: 'heading', partKind: part.kind, partId: part.id, level: b.level, depth: depth + open.length, text: $textOf(view, b.id), blockIds: [] };
          const label = numbering.blocks.get(b.id)?.label;
          if (label) entry.label = label;
          out.push(entry);
          open.push({ entry, rank });
          continue;
        }
        const ref = paragraphRef(view, b);
        if (ref !== undefined) note(ref);
        out[out.length - 1]!.blockIds.push(b.id);
        if (b.kind === 'quote' || b.kind === 'participants') walk(b.blocks);
      }
    };
    walk(part.blocks);
    for (const child of part.parts) visit(child, depth + 1);
  };
  for (const part of skeleton.parts) visit(part, 0);
  return out;
}
