/**
 * Every node the editor registers: one per model block kind, the part containers, the inline
 * nodes, and the replacements that make Lexical's own paragraph and table nodes ours (so a
 * paragraph or a table row Lexical creates by itself carries a model id too).
 */
import { ParagraphNode, type Klass, type LexicalNode, type LexicalNodeConfig } from 'lexical';
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { PartNode } from './PartNode';
import { PartHeadNode } from './PartHeadNode';
import { PartTitleNode } from './PartTitleNode';
import { HeadingBlockNode } from './HeadingBlockNode';
import { $createParagraphBlockNode, ParagraphBlockNode } from './ParagraphBlockNode';
import { SubparagraphNode } from './SubparagraphNode';
import { BulletNode } from './BulletNode';
import { ParticipantNode } from './ParticipantNode';
import { ParticipantsNode } from './ParticipantsNode';
import { QuoteBlockNode } from './QuoteBlockNode';
import { PageBreakNode } from './PageBreakNode';
import { ClosingNode } from './ClosingNode';
import { OpeningNode } from './OpeningNode';
import { SignatureNode } from './SignatureNode';
import { TableBlockNode } from './TableBlockNode';
import { TableRowBlockNode } from './TableRowBlockNode';
import { TableCellBlockNode } from './TableCellBlockNode';
import { FootnoteAreaNode } from './FootnoteAreaNode';
import { FootnoteNode } from './FootnoteNode';
import { FootnoteRefNode } from './FootnoteRefNode';
import { XrefNode } from './XrefNode';
import { PlaceholderNode } from './PlaceholderNode';
import { newId } from './ids';
import { $setState } from 'lexical';
import { idState } from './state';

/** The nodes of the model's blocks (each carries a block id). */
export const BLOCK_NODES: readonly Klass<LexicalNode>[] = [
  ParagraphBlockNode,
  HeadingBlockNode,
  SubparagraphNode,
  BulletNode,
  ParticipantNode,
  ParticipantsNode,
  QuoteBlockNode,
  PageBreakNode,
  ClosingNode,
  OpeningNode,
  SignatureNode,
  TableBlockNode,
];

export const EDITOR_NODES: readonly LexicalNodeConfig[] = [
  PartNode,
  PartHeadNode,
  PartTitleNode,
  ParagraphNode,
  { replace: ParagraphNode, with: () => $createParagraphBlockNode(false), withKlass: ParagraphBlockNode },
  ...BLOCK_NODES,
  TableNode,
  TableRowNode,
  TableCellNode,
  TableRowBlockNode,
  TableCellBlockNode,
  { replace: TableNode, with: () => $setState(new TableBlockNode(), idState, newId.block()), withKlass: TableBlockNode },
  { replace: TableRowNode, with: (n: TableRowNode) => $setState(new TableRowBlockNode(n.getHeight()), idState, newId.row()), withKlass: TableRowBlockNode },
  {
    replace: TableCellNode,
    with: (n: TableCellNode) => $setState(new TableCellBlockNode(n.getHeaderStyles(), n.getColSpan(), n.getWidth()), idState, newId.cell()),
    withKlass: TableCellBlockNode,
  },
  FootnoteAreaNode,
  FootnoteNode,
  FootnoteRefNode,
  XrefNode,
  PlaceholderNode,
];
