/**
 * Model → editor: `$documentToEditor(doc, lang)` fills the editor (inside an update) with one
 * document in one language. The document's structure, its words in `lang`, this language's
 * overrides of generated wording, its metadata and settings all become nodes and NodeState, so
 * the editor state is the whole document in that language. The other language stays in the
 * model, and comes back from `base` in `$editorToDocument`.
 */
import { $getRoot, $setState, type LexicalNode } from 'lexical';
import type { Block, FootnoteRun, Lang, Part, RDocument } from '../../../core/model/schema';
import { TableCellHeaderStates } from '@lexical/table';
import { $createInlineNodes } from './inline';
import { $createPartNode } from '../nodes/PartNode';
import { $createPartHeadNode } from '../nodes/PartHeadNode';
import { $createPartTitleNode } from '../nodes/PartTitleNode';
import { $createHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $createParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { $createSubparagraphNode } from '../nodes/SubparagraphNode';
import { $createBulletNode } from '../nodes/BulletNode';
import { $createParticipantNode } from '../nodes/ParticipantNode';
import { $createParticipantsNode } from '../nodes/ParticipantsNode';
import { $createQuoteBlockNode } from '../nodes/QuoteBlockNode';
import { $createPageBreakNode } from '../nodes/PageBreakNode';
import { $createClosingNode } from '../nodes/ClosingNode';
import { $createOpeningNode } from '../nodes/OpeningNode';
import { $createSignatureNode } from '../nodes/SignatureNode';
import { $createTableBlockNode } from '../nodes/TableBlockNode';
import { $createTableRowBlockNode } from '../nodes/TableRowBlockNode';
import { $createTableCellBlockNode } from '../nodes/TableCellBlockNode';
import { $createFootnoteAreaNode } from '../nodes/FootnoteAreaNode';
import { $createFootnoteNode, type FootnoteNode } from '../nodes/FootnoteNode';
import { $createFootnoteRefNode } from '../nodes/FootnoteRefNode';
import { addresseeOverrideState, cellFillerState, closeOverrideState, headingOverrideState, metaState, notesState, overrideState, salutationOverrideState, settingsState, titleOverrideState } from '../nodes/state';

/** Whether a part's title is authored text (else the part head shows a generated title). */
export function hasAuthoredTitle(doc: RDocument, part: Part, lang: Lang): boolean {
  if (doc.text[lang]?.[part.id] !== undefined) return true;
  return part.kind !== 'letter' && !(part.kind === 'body' && doc.meta.kind === 'presidential-statement');
}

type Ctx = { doc: RDocument; lang: Lang; notes: FootnoteNode[] };

function override(ctx: Ctx, key: string): string | null {
  return ctx.doc.overrides[key]?.[ctx.lang] ?? null;
}

function $inline(ctx: Ctx, id: string): LexicalNode[] {
  const content = ctx.doc.text[ctx.lang]?.[id]?.content ?? [];
  return $createInlineNodes(content, (run: FootnoteRun) => {
    ctx.notes.push($createFootnoteNode(run.id).append(...$createInlineNodes(run.content, () => null)));
    return $createFootnoteRefNode(run.id);
  });
}

/** The node of one model block (containers with their children). */
function $blockToNode(block: Block, ctx: Ctx): LexicalNode {
  switch (block.kind) {
    case 'heading':
      return $createHeadingBlockNode(block.level, block.id).append(...$inline(ctx, block.id));
    case 'paragraph':
      return $createParagraphBlockNode(block.numbered, block.id).append(...$inline(ctx, block.id));
    case 'subparagraph':
      return $createSubparagraphNode(block.level, block.id).append(...$inline(ctx, block.id));
    case 'bullet':
      return $createBulletNode(block.level ?? null, block.id).append(...$inline(ctx, block.id));
    case 'participant':
      return $createParticipantNode(block.id).append(...$inline(ctx, block.id));
    case 'pageBreak':
      return $createPageBreakNode(block.id);
    case 'closing':
      return $setState($createClosingNode(block.id), overrideState, override(ctx, `closing:${block.id}`));
    case 'opening':
      return $setState($createOpeningNode(block.id), overrideState, override(ctx, `opening:${block.id}`));
    case 'signature':
      return $setState($createSignatureNode(block.signatories, block.id), overrideState, override(ctx, `signature:${block.id}`));
    case 'quote':
      return $createQuoteBlockNode(block.id).append(...block.blocks.map((b) => $blockToNode(b, ctx)));
    case 'participants':
      return $createParticipantsNode(block.id).append(...block.blocks.map((b) => $blockToNode(b, ctx)));
    case 'table':
      return $createTableBlockNode(block.id).append(
        ...block.rows.map((row, r) =>
          $createTableRowBlockNode(row.id).append(
            ...row.cells.map((cell) => {
              const node = $createTableCellBlockNode(r < block.headerRows ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, cell.id);
              // A cell with no blocks shows one empty paragraph, which the mapping back leaves out.
              return node.append(...(cell.blocks.length > 0 ? cell.blocks.map((b) => $blockToNode(b, ctx)) : [$setState($createParagraphBlockNode(false), cellFillerState, true)]));
            }),
          ),
        ),
      );
  }
}

/**
 * Nodes for model blocks outside a whole document (a pasted fragment): the blocks, with their
 * words from `text`, and the notes of their footnotes (for the part's footnote area).
 */
export function $blocksToNodes(blocks: Block[], text: RDocument['text'], lang: Lang, meta: RDocument['meta']): { nodes: LexicalNode[]; notes: FootnoteNode[] } {
  const doc = { meta, text, overrides: {} } as unknown as RDocument;
  const ctx: Ctx = { doc, lang, notes: [] };
  return { nodes: blocks.map((b) => $blockToNode(b, ctx)), notes: ctx.notes };
}

/** The part node of a model part (its own blocks; owned parts are separate top-level parts). */
export function $partToNode(part: Part, depth: number, doc: RDocument, lang: Lang): LexicalNode {
  const ctx: Ctx = { doc, lang, notes: [] };
  const node = $createPartNode({ id: part.id, kind: part.kind, depth, bodyType: part.bodyType, originalLanguage: part.originalLanguage });
  $setState(node, titleOverrideState, override(ctx, `title:${part.id}`));
  $setState(node, headingOverrideState, override(ctx, `heading:${part.id}`));
  $setState(node, salutationOverrideState, override(ctx, `salutation:${part.id}`));
  $setState(node, closeOverrideState, override(ctx, `close:${part.id}`));
  $setState(node, addresseeOverrideState, override(ctx, `addressee:${part.id}`));
  node.append($createPartHeadNode());
  if (hasAuthoredTitle(doc, part, lang)) node.append($createPartTitleNode().append(...$inline(ctx, part.id)));
  for (const block of part.blocks) node.append($blockToNode(block, ctx));
  if (ctx.notes.length > 0) node.append($createFootnoteAreaNode().append(...ctx.notes));
  return node;
}

/** Replaces the editor's content with `doc` in `lang` (call inside `editor.update`). */
export function $documentToEditor(doc: RDocument, lang: Lang): void {
  const root = $getRoot();
  root.clear();
  $setState(root, metaState, doc.meta);
  $setState(root, settingsState, doc.settings);
  $setState(root, notesState, doc.notes ?? []);
  const add = (part: Part, depth: number) => {
    root.append($partToNode(part, depth, doc, lang));
    for (const child of part.parts) add(child, depth + 1);
  };
  for (const part of doc.parts) add(part, 0);
}
