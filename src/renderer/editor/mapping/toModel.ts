/**
 * Editor → model: `$editorToDocument(base, lang)` reads the editor (inside `read` or `update`)
 * back into the core's document model. Structure, metadata, settings, this language's words and
 * overrides come from the editor; the other language's words and overrides, and the
 * translations' `sourceHash`es, come from `base` (for the ids that still exist). Every block id
 * the editor holds is kept.
 *
 * `$documentStructure(base, lang)` is the same walk without the words (only footnote runs, which
 * the numbering engine counts): what the labels plugin numbers when the structure changes.
 *
 * `editorToDocumentInSlices(editor, base, lang)` is the same model built over several tasks (the
 * autosave's: a 1,000-paragraph report in one piece is a long task). The walk is a generator that
 * pauses before each block; each slice reads the same committed editor state, which Lexical never
 * changes (a later edit makes a new one), so the model is the document as it was when asked for.
 */
import { $getRoot, $getState, type EditorState, type ElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { TableCellHeaderStates } from '@lexical/table';
import type { Block, BlockText, FootnoteRun, Inline, Lang, Overrides, Part, RDocument, TableRow, TextLayer } from '../../../core/model/schema';
import { $inlineContent } from './inline';
import type { Slicing } from '../../../shared/wire';
import { $isPartNode, type PartNode } from '../nodes/PartNode';
import { $isPartTitleNode } from '../nodes/PartTitleNode';
import { $isHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $isParagraphBlockNode } from '../nodes/ParagraphBlockNode';
import { $isSubparagraphNode } from '../nodes/SubparagraphNode';
import { $isBulletNode } from '../nodes/BulletNode';
import { $isParticipantNode } from '../nodes/ParticipantNode';
import { $isParticipantsNode } from '../nodes/ParticipantsNode';
import { $isQuoteBlockNode } from '../nodes/QuoteBlockNode';
import { $isPageBreakNode } from '../nodes/PageBreakNode';
import { $isClosingNode } from '../nodes/ClosingNode';
import { $isOpeningNode } from '../nodes/OpeningNode';
import { $isSignatureNode } from '../nodes/SignatureNode';
import { $isTableBlockNode } from '../nodes/TableBlockNode';
import { $isTableRowBlockNode } from '../nodes/TableRowBlockNode';
import { $isTableCellBlockNode } from '../nodes/TableCellBlockNode';
import { $isFootnoteAreaNode } from '../nodes/FootnoteAreaNode';
import { $isFootnoteNode, type FootnoteNode } from '../nodes/FootnoteNode';
import { $isFootnoteRefNode } from '../nodes/FootnoteRefNode';
import { addresseeOverrideState, bodyTypeState, closeOverrideState, depthState, footnoteIdState, headingOverrideState, idState, metaState, notesState, originalLanguageState, overrideState, partKindState, pendingNoteState, salutationOverrideState, settingsState, titleOverrideState } from '../nodes/state';

type Walk = {
  lang: Lang;
  /** false: words are left out (footnote runs kept, with no words). */
  words: boolean;
  layer: TextLayer;
  base: RDocument;
  overrides: Overrides;
  ids: Set<string>;
  /** The nodes of blocks and parts, by id (for the labels plugin). */
  keys: Map<string, string> | undefined;
};

function setOverride(w: Walk, key: string, value: string | null): void {
  if (value === null) return;
  (w.overrides[key] ??= {})[w.lang] = value;
}

function $content(w: Walk, children: LexicalNode[], notes: Map<string, FootnoteNode>): Inline[] {
  const footnote = (ref: LexicalNode): FootnoteRun => {
    const id = $getState(ref, footnoteIdState);
    const note = notes.get(id);
    const content = note ? $inlineContent(note.getChildren()) : ($getState(ref, pendingNoteState) ?? []);
    return { type: 'footnote', id, content: w.words ? (content as FootnoteRun['content']) : [] };
  };
  if (!w.words) {
    const runs: Inline[] = [];
    for (const c of children) if ($isFootnoteRefNode(c)) runs.push(footnote(c));
    return runs;
  }
  return $inlineContent(children, footnote);
}

function setText(w: Walk, id: string, content: Inline[]): void {
  const before = w.base.text[w.lang]?.[id];
  if (content.length === 0 && before === undefined) return;
  const entry: BlockText = { content };
  if (before?.sourceHash !== undefined) entry.sourceHash = before.sourceHash;
  if (before?.sourceText !== undefined) entry.sourceText = before.sourceText;
  w.layer[id] = entry;
}

function claim(w: Walk, id: string, node: LexicalNode): string {
  if (w.ids.has(id) || id === '') throw new Error(`the editor holds ${id === '' ? 'a block without an id' : `the id "${id}" twice`} (node ${node.getKey()})`);
  w.ids.add(id);
  w.keys?.set(id, node.getKey());
  return id;
}

/** A step of the walk: it pauses (yields) before each block, and returns what it built. */
type Steps<T> = Generator<void, T, void>;

function* $blocks(w: Walk, container: ElementNode, notes: Map<string, FootnoteNode>): Steps<Block[]> {
  const out: Block[] = [];
  for (const child of container.getChildren()) {
    const block = yield* $block(w, child, notes);
    if (block) out.push(block);
  }
  return out;
}

function* $block(w: Walk, node: LexicalNode, notes: Map<string, FootnoteNode>): Steps<Block | undefined> {
  yield;
  const textBlock = (b: Block, el: ElementNode): Block => {
    setText(w, b.id, $content(w, el.getChildren(), notes));
    return b;
  };
  const id = () => claim(w, $getState(node, idState), node);
  if ($isParagraphBlockNode(node)) return textBlock({ id: id(), kind: 'paragraph', numbered: node.isNumbered() }, node);
  if ($isHeadingBlockNode(node)) return textBlock({ id: id(), kind: 'heading', level: node.getLevel() }, node);
  if ($isSubparagraphNode(node)) return textBlock({ id: id(), kind: 'subparagraph', level: node.getLevel() }, node);
  if ($isBulletNode(node)) {
    const level = node.getWrittenLevel();
    return textBlock(level === null ? { id: id(), kind: 'bullet' } : { id: id(), kind: 'bullet', level }, node);
  }
  if ($isParticipantNode(node)) return textBlock({ id: id(), kind: 'participant' }, node);
  if ($isPageBreakNode(node)) return { id: id(), kind: 'pageBreak' };
  if ($isClosingNode(node) || $isOpeningNode(node)) {
    const block: Block = { id: id(), kind: $isClosingNode(node) ? 'closing' : 'opening' };
    setOverride(w, `${block.kind}:${block.id}`, $getState(node, overrideState));
    return block;
  }
  if ($isSignatureNode(node)) {
    const block: Block = { id: id(), kind: 'signature', signatories: node.getSignatories() };
    setOverride(w, `signature:${block.id}`, $getState(node, overrideState));
    return block;
  }
  if ($isQuoteBlockNode(node)) return { id: id(), kind: 'quote', blocks: yield* $blocks(w, node, notes) };
  if ($isParticipantsNode(node)) return { id: id(), kind: 'participants', blocks: yield* $blocks(w, node, notes) };
  if ($isTableBlockNode(node)) {
    const tableId = id();
    const rows: TableRow[] = [];
    let headerRows = 0;
    let leading = true;
    for (const rowNode of node.getChildren()) {
      if (!$isTableRowBlockNode(rowNode)) continue;
      const cellNodes = rowNode.getChildren().filter($isTableCellBlockNode);
      const header = cellNodes.length > 0 && cellNodes.every((c) => (c.getHeaderStyles() & TableCellHeaderStates.ROW) !== 0);
      if (leading && header) headerRows++;
      else leading = false;
      const rowId = claim(w, rowNode.getRowId(), rowNode);
      const cells: TableRow['cells'] = [];
      for (const cell of cellNodes) {
        const cellId = claim(w, cell.getCellId(), cell);
        const kids = cell.getChildren();
        // The stand-in paragraph of an empty cell, still empty: the model has no block there.
        const only = kids.length === 1 ? kids[0]! : undefined;
        const empty = only !== undefined && $isParagraphBlockNode(only) && only.isCellFiller() && only.getChildrenSize() === 0;
        cells.push({ id: cellId, blocks: empty ? [] : yield* $blocks(w, cell, notes) });
      }
      rows.push({ id: rowId, cells });
    }
    return { id: tableId, kind: 'table', headerRows, rows };
  }
  return undefined;
}

function $notesOf(part: PartNode): Map<string, FootnoteNode> {
  const notes = new Map<string, FootnoteNode>();
  const area = part.getLastChild();
  if ($isFootnoteAreaNode(area)) for (const n of area.getChildren()) if ($isFootnoteNode(n)) notes.set(n.getFootnoteId(), n);
  return notes;
}

function* $part(w: Walk, node: PartNode): Steps<Part> {
  const id = claim(w, node.getPartId(), node);
  const part: Part = { id, kind: $getState(node, partKindState), blocks: [], parts: [] };
  const bodyType = $getState(node, bodyTypeState);
  const original = $getState(node, originalLanguageState);
  if (bodyType !== null) part.bodyType = bodyType;
  if (original !== null) part.originalLanguage = original;
  setOverride(w, `title:${id}`, $getState(node, titleOverrideState));
  setOverride(w, `heading:${id}`, $getState(node, headingOverrideState));
  setOverride(w, `salutation:${id}`, $getState(node, salutationOverrideState));
  setOverride(w, `close:${id}`, $getState(node, closeOverrideState));
  setOverride(w, `addressee:${id}`, $getState(node, addresseeOverrideState));
  const notes = $notesOf(node);
  for (const child of node.getChildren()) {
    if ($isPartTitleNode(child)) setText(w, id, $content(w, child.getChildren(), notes));
    else {
      const block = yield* $block(w, child, notes);
      if (block) part.blocks.push(block);
    }
  }
  return part;
}

function* $walk(base: RDocument, lang: Lang, words: boolean, keys?: Map<string, string>): Steps<RDocument> {
  const w: Walk = { lang, words, layer: {}, base, overrides: {}, ids: new Set(), keys };
  const root = $getRoot();
  const parts: Part[] = [];
  // Parts are flat in the editor; depth says which earlier part owns each one.
  const open: { part: Part; depth: number }[] = [];
  for (const child of root.getChildren()) {
    if (!$isPartNode(child)) continue;
    const part = yield* $part(w, child);
    const depth = $getState(child, depthState);
    while (open.length > 0 && open[open.length - 1]!.depth >= depth) open.pop();
    (open.length > 0 ? open[open.length - 1]!.part.parts : parts).push(part);
    open.push({ part, depth });
  }

  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const text: RDocument['text'] = { [lang]: w.layer };
  const otherLayer = base.text[other];
  if (words && otherLayer) {
    const kept: TextLayer = {};
    for (const [id, t] of Object.entries(otherLayer)) if (w.ids.has(id)) kept[id] = t;
    text[other] = kept;
  }
  if (words && base.text[lang] === undefined && Object.keys(w.layer).length === 0) delete text[lang];

  const overrides: Overrides = {};
  for (const [key, value] of Object.entries(base.overrides)) {
    const id = key.slice(key.indexOf(':') + 1);
    if (!w.ids.has(id)) continue;
    if (value[other] !== undefined) overrides[key] = { [other]: value[other] };
  }
  for (const [key, value] of Object.entries(w.overrides)) overrides[key] = { ...overrides[key], ...value };

  const rootNode = $getRoot();
  const doc: RDocument = {
    ...base,
    meta: $getState(rootNode, metaState) ?? base.meta,
    parts,
    text,
    overrides,
    settings: $getState(rootNode, settingsState) ?? base.settings,
  };
  // A note goes with its block, as the block's other-language text does.
  // Null only in an editor never given a document's notes (an empty list: all deleted).
  const notes = $getState(rootNode, notesState) ?? base.notes;
  if (notes && notes.length > 0) doc.notes = notes.filter((n) => w.ids.has(n.block));
  else delete doc.notes;
  return doc;
}

/** Runs the walk to its end without pausing. */
function $finish<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The editor's document in `lang`, on top of `base` (the model it was opened from or last saved). */
export function $editorToDocument(base: RDocument, lang: Lang): RDocument {
  return $finish($walk(base, lang, true));
}

/** The structure only (no words; footnote runs kept), with the node key of every part and block. */
export function $documentStructure(base: RDocument, lang: Lang): { doc: RDocument; keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return { doc: $finish($walk(base, lang, false, keys)), keys };
}

/**
 * `$editorToDocument` of `state` (default: the editor's current state) in slices of at most about
 * `sliceMs` each, a new task between them: what the autosave builds while the user may be typing.
 */
export async function editorToDocumentInSlices(editor: LexicalEditor, base: RDocument, lang: Lang, slicing: Slicing, state: EditorState = editor.getEditorState()): Promise<RDocument> {
  const now = slicing.now ?? (() => performance.now());
  const steps = $walk(base, lang, true);
  for (;;) {
    const step = state.read(
      () => {
        const end = now() + slicing.sliceMs;
        let next = steps.next();
        while (!next.done && now() < end) next = steps.next();
        return next;
      },
      { editor },
    );
    if (step.done) return step.value;
    await slicing.pause();
  }
}
