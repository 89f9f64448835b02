/**
 * The kind of a text block, and changing it: the block-type menu, its shortcuts, Tab /
 * Shift+Tab, Enter on an empty subparagraph. A block keeps its id when its kind changes (a
 * cross-reference to it follows), and its words and their formatting.
 */
import { $getRoot, $getSelection, $getState, $isElementNode, $isRangeSelection, $setState, type ElementNode, type LexicalNode } from 'lexical';
import type { HeadingLevel } from '../../../core/model/schema';
import { $createParagraphBlockNode, $isParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { $createHeadingBlockNode, $isHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $createSubparagraphNode, $isSubparagraphNode, type SubLevel } from '../nodes/SubparagraphNode';
import { $createBulletNode, $isBulletNode } from '../nodes/BulletNode';
import { $createParticipantNode, $isParticipantNode } from '../nodes/ParticipantNode';
import { $isPartTitleNode } from '../nodes/PartTitleNode';
import { $isFootnoteNode } from '../nodes/FootnoteNode';
import { $isPartNode } from '../nodes/PartNode';
import { $idOf } from '../nodes/blocks';
import { newId } from '../nodes/ids';
import { headingLevelState, partKindState } from '../nodes/state';

export type BlockChoice =
  | { kind: 'paragraph'; numbered: boolean }
  | { kind: 'heading'; level: HeadingLevel }
  | { kind: 'subparagraph'; level: SubLevel }
  | { kind: 'bullet'; level: 1 | 2 }
  | { kind: 'participant' };

/**
 * Every kind the menu offers, with its shortcut where it has one (Ctrl+Shift+<digit>, by
 * physical key, so AZERTY and QWERTY agree; deeper subparagraph and bullet levels are Tab).
 */
export const BLOCK_CHOICES: { id: string; choice: BlockChoice; key?: string }[] = [
  { id: 'paragraph-numbered', choice: { kind: 'paragraph', numbered: true }, key: 'Digit5' },
  { id: 'paragraph', choice: { kind: 'paragraph', numbered: false }, key: 'Digit6' },
  { id: 'heading-part', choice: { kind: 'heading', level: 'part' }, key: 'Digit0' },
  { id: 'heading-chapter', choice: { kind: 'heading', level: 'chapter' }, key: 'Digit1' },
  { id: 'heading-section', choice: { kind: 'heading', level: 'section' }, key: 'Digit2' },
  { id: 'heading-subsection', choice: { kind: 'heading', level: 'subsection' }, key: 'Digit3' },
  { id: 'heading-unnumbered', choice: { kind: 'heading', level: 'unnumbered' }, key: 'Digit4' },
  { id: 'subparagraph-1', choice: { kind: 'subparagraph', level: 1 }, key: 'Digit7' },
  { id: 'subparagraph-2', choice: { kind: 'subparagraph', level: 2 } },
  { id: 'subparagraph-3', choice: { kind: 'subparagraph', level: 3 } },
  { id: 'subparagraph-4', choice: { kind: 'subparagraph', level: 4 } },
  { id: 'bullet-1', choice: { kind: 'bullet', level: 1 }, key: 'Digit8' },
  { id: 'bullet-2', choice: { kind: 'bullet', level: 2 } },
  { id: 'participant', choice: { kind: 'participant' }, key: 'Digit9' },
];

export function choiceId(c: BlockChoice): string {
  switch (c.kind) {
    case 'paragraph':
      return c.numbered ? 'paragraph-numbered' : 'paragraph';
    case 'heading':
      return `heading-${c.level}`;
    case 'subparagraph':
      return `subparagraph-${c.level}`;
    case 'bullet':
      return `bullet-${c.level}`;
    case 'participant':
      return 'participant';
  }
}

/** A block whose kind can change (the model's text blocks). */
export function $isKindBlock(node: LexicalNode | null | undefined): node is ElementNode {
  return $isParagraphBlockNode(node) || $isHeadingBlockNode(node) || $isSubparagraphNode(node) || $isBulletNode(node) || $isParticipantNode(node);
}

/** Any block holding words: the kind blocks, part titles and footnotes. */
export function $isTextBlock(node: LexicalNode | null | undefined): node is ElementNode {
  return $isKindBlock(node) || $isPartTitleNode(node) || $isFootnoteNode(node);
}

/** Every text block of the document, in reading order (what find and the desk's term marks search). */
export function $allTextBlocks(): ElementNode[] {
  const out: ElementNode[] = [];
  const visit = (n: LexicalNode) => {
    if ($isTextBlock(n)) out.push(n);
    else if ($isElementNode(n)) for (const c of n.getChildren()) visit(c);
  };
  visit($getRoot());
  return out;
}

export function $textBlockOf(node: LexicalNode): ElementNode | null {
  let n: LexicalNode | null = node;
  while (n !== null && !$isTextBlock(n)) n = n.getParent();
  return n;
}

/** The text blocks the selection touches, in order. */
export function $selectedTextBlocks(): ElementNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const out: ElementNode[] = [];
  const seen = new Set<string>();
  const add = (n: LexicalNode) => {
    const b = $textBlockOf(n);
    if (b && !seen.has(b.getKey())) {
      seen.add(b.getKey());
      out.push(b);
    }
  };
  add(selection.anchor.getNode());
  for (const n of selection.getNodes()) add(n);
  add(selection.focus.getNode());
  return out.sort((a, b) => (a.isBefore(b) ? -1 : 1));
}

export function choiceOf(node: LexicalNode): BlockChoice | null {
  if ($isParagraphBlockNode(node)) return { kind: 'paragraph', numbered: node.isNumbered() };
  if ($isHeadingBlockNode(node)) return { kind: 'heading', level: node.getLevel() };
  if ($isSubparagraphNode(node)) return { kind: 'subparagraph', level: node.getLevel() };
  if ($isBulletNode(node)) return { kind: 'bullet', level: node.getLevel() };
  if ($isParticipantNode(node)) return { kind: 'participant' };
  return null;
}

function $nodeFor(choice: BlockChoice, id: string): ElementNode {
  switch (choice.kind) {
    case 'paragraph':
      return $createParagraphBlockNode(choice.numbered, id);
    case 'heading':
      return $createHeadingBlockNode(choice.level, id);
    case 'subparagraph':
      return $createSubparagraphNode(choice.level, id);
    case 'bullet':
      return $createBulletNode(choice.level === 2 ? 2 : null, id);
    case 'participant':
      return $createParticipantNode(id);
  }
}

/** A new empty block of the same kind as `block` (fresh id). */
export function $createBlockLike(block: ElementNode): ElementNode | null {
  const choice = choiceOf(block);
  return choice ? $nodeFor(choice, newId.block()) : null;
}

/** Gives a block another kind; same class: only its state changes (no new node). */
export function $setBlockKind(block: ElementNode, choice: BlockChoice): ElementNode {
  if (!$isKindBlock(block)) return block;
  if (choice.kind === 'paragraph' && $isParagraphBlockNode(block)) return block.setNumbered(choice.numbered);
  if (choice.kind === 'heading' && $isHeadingBlockNode(block)) return $setState(block, headingLevelState, choice.level);
  if (choice.kind === 'subparagraph' && $isSubparagraphNode(block)) return block.setLevel(choice.level);
  if (choice.kind === 'bullet' && $isBulletNode(block)) return block.setLevel(choice.level === 2 ? 2 : null);
  if (choice.kind === 'participant' && $isParticipantNode(block)) return block;
  return block.replace($nodeFor(choice, $idOf(block)), true);
}

/** A paragraph is numbered by default except in a letter and in a table cell or quotation. */
function $numberedHere(block: ElementNode): boolean {
  const parent = block.getParent();
  if (!$isPartNode(parent)) return false;
  let prev: LexicalNode | null = block.getPreviousSibling();
  while (prev !== null) {
    if ($isParagraphBlockNode(prev)) return prev.isNumbered();
    prev = prev.getPreviousSibling();
  }
  return $getState(parent, partKindState) !== 'letter';
}

const HEADING_DOWN: Partial<Record<HeadingLevel, HeadingLevel>> = { part: 'chapter', chapter: 'section', section: 'subsection' };
const HEADING_UP: Partial<Record<HeadingLevel, HeadingLevel>> = { subsection: 'section', section: 'chapter', chapter: 'part' };

/** Tab: one level down (paragraph → a) → i) → a. → i.; bullet → sub-bullet; chapter → section → subsection). */
export function $indent(block: ElementNode): ElementNode {
  if ($isParagraphBlockNode(block)) return $setBlockKind(block, { kind: 'subparagraph', level: 1 });
  if ($isSubparagraphNode(block)) return block.getLevel() < 4 ? block.setLevel((block.getLevel() + 1) as SubLevel) : block;
  if ($isBulletNode(block)) return block.setLevel(2);
  if ($isHeadingBlockNode(block)) {
    const next = HEADING_DOWN[block.getLevel()];
    return next ? block.setLevel(next) : block;
  }
  return block;
}

/** Shift+Tab, and Enter on an empty subparagraph: one level up (from level 1, a paragraph). */
export function $outdent(block: ElementNode): ElementNode {
  if ($isSubparagraphNode(block)) {
    if (block.getLevel() > 1) return block.setLevel((block.getLevel() - 1) as SubLevel);
    return $setBlockKind(block, { kind: 'paragraph', numbered: $numberedHere(block) });
  }
  if ($isBulletNode(block)) {
    if (block.getLevel() === 2) return block.setLevel(null);
    return $setBlockKind(block, { kind: 'paragraph', numbered: $numberedHere(block) });
  }
  if ($isHeadingBlockNode(block)) {
    const next = HEADING_UP[block.getLevel()];
    return next ? block.setLevel(next) : block;
  }
  return block;
}

