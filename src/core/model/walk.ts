/**
 * Document-order traversal: every part, then its blocks (containers' children right after the
 * container), then the parts it owns. Numbering, validation, outline and export all use this
 * one walk so they agree on what "document order" means.
 */
import type { Block, Part, RDocument } from './schema';

export type PartContext = {
  /** JSON path of the part, e.g. `parts[0].parts[1]`. */
  path: string;
  /** The part that owns this one (undefined for top-level parts). */
  parent: Part | undefined;
  depth: number;
};

export type BlockContext = {
  path: string;
  part: Part;
  /** The container block (table, quote, participants) this block sits in, if any. */
  container: Block | undefined;
};

export type Visitor = {
  part?: (part: Part, ctx: PartContext) => void;
  /** Called for every block, containers included (before their children). */
  block?: (block: Block, ctx: BlockContext) => void;
  /** Called after a part's blocks and sub-parts have all been visited. */
  partEnd?: (part: Part, ctx: PartContext) => void;
};

/** The path of a list of blocks, or how to make it. */
type ListPath = string | (() => string);

/**
 * A block's context. Its path is made only when read: most walks never read it, and a string
 * per block (and per table cell) was most of what a walk allocated on a 100,000-block document.
 */
class BlockAt implements BlockContext {
  constructor(
    private readonly list: ListPath,
    private readonly index: number,
    readonly part: Part,
    readonly container: Block | undefined,
  ) {}

  get path(): string {
    return `${typeof this.list === 'string' ? this.list : this.list()}[${this.index}]`;
  }
}

function walkBlocks(blocks: Block[], path: ListPath, part: Part, container: Block | undefined, v: Visitor): void {
  blocks.forEach((block, i) => {
    const ctx = new BlockAt(path, i, part, container);
    v.block?.(block, ctx);
    if (block.kind === 'quote' || block.kind === 'participants') {
      walkBlocks(block.blocks, () => `${ctx.path}.blocks`, part, block, v);
    } else if (block.kind === 'table') {
      block.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => walkBlocks(cell.blocks, () => `${ctx.path}.rows[${r}].cells[${c}].blocks`, part, block, v)),
      );
    }
  });
}

function walkPart(part: Part, ctx: PartContext, v: Visitor): void {
  v.part?.(part, ctx);
  walkBlocks(part.blocks, `${ctx.path}.blocks`, part, undefined, v);
  part.parts.forEach((child, i) => walkPart(child, { path: `${ctx.path}.parts[${i}]`, parent: part, depth: ctx.depth + 1 }, v));
  v.partEnd?.(part, ctx);
}

export function walkDocument(doc: RDocument, v: Visitor): void {
  doc.parts.forEach((part, i) => walkPart(part, { path: `parts[${i}]`, parent: undefined, depth: 0 }, v));
}

/** All parts in document order with their parent. */
export function listParts(doc: RDocument): { part: Part; parent: Part | undefined }[] {
  const out: { part: Part; parent: Part | undefined }[] = [];
  walkDocument(doc, { part: (part, ctx) => out.push({ part, parent: ctx.parent }) });
  return out;
}

/** All blocks in document order with their part. */
export function listBlocks(doc: RDocument): { block: Block; part: Part; container: Block | undefined }[] {
  const out: { block: Block; part: Part; container: Block | undefined }[] = [];
  walkDocument(doc, { block: (block, ctx) => out.push({ block, part: ctx.part, container: ctx.container }) });
  return out;
}

/** How many blocks (containers' children included), numbered paragraphs, headings and annexes a document has. */
export function structureCounts(doc: RDocument): { blocks: number; numberedParagraphs: number; headings: number; annexes: number } {
  const counts = { blocks: 0, numberedParagraphs: 0, headings: 0, annexes: 0 };
  walkDocument(doc, {
    part: (part) => {
      if (part.kind === 'annex') counts.annexes++;
    },
    block: (block) => {
      counts.blocks++;
      if (block.kind === 'paragraph' && block.numbered) counts.numberedParagraphs++;
      if (block.kind === 'heading') counts.headings++;
    },
  });
  return counts;
}
