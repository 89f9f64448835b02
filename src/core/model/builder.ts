/**
 * Building documents in code (templates, importers, tests): creates parts and blocks with fresh
 * ids and puts their words into one language's text layer. The result is a plain RDocument.
 */
import type { Block, BodyType, Inline, Lang, Meta, Part, PartKind, RDocument, TableRow, TextRun } from './schema';
import { DEFAULT_FRENCH_SPACING, SCHEMA_VERSION } from './schema';

export type IdGenerator = (prefix: string) => string;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random ids ("p-k3j9x0q2"), unique enough within and across documents. */
export const randomIds: IdGenerator = (prefix) => {
  const bytes = new Uint8Array(10);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${s}`;
};

/** Sequential ids ("b1", "b2"…), for reproducible fixtures. */
export function sequentialIds(): IdGenerator {
  let n = 0;
  return (prefix) => `${prefix}${++n}`;
}

export type TextInput = string | Inline[];

/** A block without its id (the builder assigns one); distributes over the Block union. */
export type BlockInput = Block extends infer B ? (B extends Block ? Omit<B, 'id'> : never) : never;

/** A template placeholder: shown to the drafter, reported by the checker if left in. */
export function placeholder(text: string): TextRun {
  return { type: 'text', text, placeholder: true };
}

export function run(text: string, ...marks: ('bold' | 'italic' | 'superscript')[]): TextRun {
  return marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text };
}

function toInlines(t: TextInput): Inline[] {
  return typeof t === 'string' ? (t === '' ? [] : [{ type: 'text', text: t }]) : t;
}

export class DocumentBuilder {
  readonly doc: RDocument;

  constructor(
    meta: Meta,
    readonly lang: Lang,
    readonly ids: IdGenerator = randomIds,
  ) {
    this.doc = {
      schemaVersion: SCHEMA_VERSION,
      meta,
      parts: [],
      text: { [lang]: {} },
      overrides: {},
      settings: { frenchSpacing: DEFAULT_FRENCH_SPACING },
    };
  }

  setText(id: string, text: TextInput): void {
    const inlines = toInlines(text);
    if (inlines.length === 0) return;
    const layer = (this.doc.text[this.lang] ??= {});
    layer[id] = { content: inlines };
  }

  /** Adds a part at the top level or under `owner`. */
  part(kind: PartKind, opts: { owner?: Part; title?: TextInput; bodyType?: BodyType; originalLanguage?: Lang } = {}): Part {
    const part: Part = { id: this.ids('p'), kind, blocks: [], parts: [] };
    if (opts.bodyType) part.bodyType = opts.bodyType;
    if (opts.originalLanguage) part.originalLanguage = opts.originalLanguage;
    (opts.owner ? opts.owner.parts : this.doc.parts).push(part);
    if (opts.title !== undefined) this.setText(part.id, opts.title);
    return part;
  }

  /** Appends a block to a part or container (blocks array) and sets its text. */
  add(into: Part | Block[], block: BlockInput, text?: TextInput): Block {
    const b = { id: this.ids('b'), ...block };
    (Array.isArray(into) ? into : into.blocks).push(b);
    if (text !== undefined) this.setText(b.id, text);
    return b;
  }

  heading(into: Part | Block[], level: 'part' | 'chapter' | 'section' | 'subsection' | 'unnumbered', text: TextInput): Block {
    return this.add(into, { kind: 'heading', level }, text);
  }

  para(into: Part | Block[], text: TextInput, numbered = true): Block {
    return this.add(into, { kind: 'paragraph', numbered }, text);
  }

  sub(into: Part | Block[], level: 1 | 2 | 3 | 4, text: TextInput): Block {
    return this.add(into, { kind: 'subparagraph', level }, text);
  }

  bullet(into: Part | Block[], text: TextInput): Block {
    return this.add(into, { kind: 'bullet' }, text);
  }

  closing(into: Part): Block {
    return this.add(into, { kind: 'closing' });
  }

  opening(into: Part): Block {
    return this.add(into, { kind: 'opening' });
  }

  signature(into: Part, signatories: string[]): Block {
    return this.add(into, { kind: 'signature', signatories });
  }

  quote(into: Part): Block[] {
    const blocks: Block[] = [];
    this.add(into, { kind: 'quote', blocks });
    return blocks;
  }

  participants(into: Part): Block[] {
    const blocks: Block[] = [];
    this.add(into, { kind: 'participants', blocks });
    return blocks;
  }

  participant(into: Block[], text: TextInput): Block {
    return this.add(into, { kind: 'participant' }, text);
  }

  /**
   * A table whose cells hold unnumbered paragraphs (one per cell, or `{ paras: [...] }` for
   * several); the first `headerRows` rows repeat on each page.
   */
  table(into: Part | Block[], rows: (TextInput | { paras: TextInput[] })[][], headerRows = 1): Block {
    const tableRows: TableRow[] = rows.map((cells) => ({
      id: this.ids('r'),
      cells: cells.map((cell) => {
        const cellId = this.ids('c');
        const blocks: Block[] = [];
        const paras = typeof cell === 'object' && 'paras' in cell ? cell.paras : [cell];
        for (const p of paras) if (typeof p === 'string' ? p !== '' : p.length > 0) this.para(blocks, p, false);
        return { id: cellId, blocks };
      }),
    }));
    return this.add(into, { kind: 'table', headerRows, rows: tableRows });
  }
}
