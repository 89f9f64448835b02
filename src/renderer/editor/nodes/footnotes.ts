/** Footnote notes live in their part's footnote area, joined to their reference by footnote id. */
import { $getState, type LexicalNode } from 'lexical';
import type { Inline } from '../../../core/model/schema';
import { $partOf } from './blocks';
import { $createFootnoteAreaNode, $isFootnoteAreaNode, type FootnoteAreaNode } from './FootnoteAreaNode';
import { $isFootnoteNode, type FootnoteNode } from './FootnoteNode';
import type { PartNode } from './PartNode';
import { footnoteIdState } from './state';
import { $inlineContent } from '../mapping/inline';

/** The part's footnote area (its last child), created when `create` is set and there is none. */
export function $footnoteArea(part: PartNode, create: boolean): FootnoteAreaNode | null {
  const last = part.getLastChild();
  if ($isFootnoteAreaNode(last)) return last;
  if (!create) return null;
  const area = $createFootnoteAreaNode();
  part.append(area);
  return area;
}

export function $findNote(part: PartNode, footnoteId: string): FootnoteNode | null {
  const area = $footnoteArea(part, false);
  if (!area) return null;
  for (const child of area.getChildren()) if ($isFootnoteNode(child) && $getState(child, footnoteIdState) === footnoteId) return child;
  return null;
}

/** The words of the note a reference points to, as model inline runs (null when it has no note). */
export function $noteContent(ref: LexicalNode): Inline[] | null {
  const part = $partOf(ref);
  const note = part ? $findNote(part, $getState(ref, footnoteIdState)) : null;
  return note ? $inlineContent(note.getChildren()) : null;
}
