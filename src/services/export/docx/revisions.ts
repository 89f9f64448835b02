/**
 * Changes from an older version, for the DOCX writer (blocks.ts): the comparison
 * (core/compare) read as what each paragraph of the new layout is (inserted, moved here,
 * changed word by word) and which paragraphs of the old layout stood between them (deleted,
 * moved away), with the numbering the old layout gave them.
 *
 * Two markings: `tracked` writes Word's tracked changes (`w:ins`/`w:del` runs and paragraph
 * marks, `w:moveFrom`/`w:moveTo` with their range markers), so that accepting all gives the new
 * text and rejecting all the old one; `strike-bold` is the Editorial Manual's plain marking
 * (deleted text struck out, new text in bold, no revision marks), where a deleted paragraph keeps
 * its old number typed so that it does not count in Word's numbering.
 *
 * What is written whole: a block whose form changed (a paragraph that became a subparagraph), or
 * that moved and changed, is its old text deleted (or moved away) and its new text inserted (or
 * moved here); a split or merge is the old blocks deleted before the new ones, inserted.
 */
import { BaseXmlComponent, XmlAttributeComponent, XmlComponent, type ParagraphChild } from 'docx';
import { compareDocuments, type IdPolicy } from '../../../core/compare';
import type { BlockChange, CompareResult, WordRun } from '../../../core/compare/types';
import { diffWords, type IdMap } from '../../../core/compare/words';
import type { RDocument } from '../../../core/model/schema';
import { contentSpans, layoutDocument, type Layout, type LayoutBlock, type LayoutPart } from '../../../core/render/layout';
import type { ExportOptions } from '../../../core/render/options';
import type { Span } from '../../../core/render/spans';
import { eachLayoutBlock } from '../../../core/render/traverse';
import { planNumbering, type NumberingPlan } from './numbering';
import { keepFootnotes, spansAsInline, type SpanMarks } from './revision-words';

export const CHANGE_STYLES = ['tracked', 'strike-bold'] as const;
export type ChangeStyle = (typeof CHANGE_STYLES)[number];

/** What `exportDocx` needs to mark the changes from an older version. */
export type ChangesFrom = {
  from: RDocument;
  /** How block ids of the two versions are read (core/compare): `trust` for versions of one dossier. */
  ids: IdPolicy;
  author: string;
  /** ISO 8601, the moment the changes are dated. */
  date: string;
  style: ChangeStyle;
};

export type MarkKind = 'ins' | 'del' | 'moveFrom' | 'moveTo';
/** Spans of a changed text, each stretch with its mark; a word whose formatting alone changed has its old formatting (`was`). */
export type MarkedSpans = { spans: Span[]; mark?: Mark; was?: Span[] }[];
/** One revision: its kind, and for moves the name that pairs the place it left with the place it went. */
export type Mark = { kind: MarkKind; move?: string };

/** An old block written where it stood, marked deleted or moved away; the first block of a part deleted whole brings its heading and title (`opens`). */
export type Ghost = { block: LayoutBlock; mark: Mark; opens?: LayoutPart };

type LayoutTable = Extract<LayoutBlock, { type: 'table' }>;
/** The rows of a table whose rows were inserted or deleted, in the order written: new rows (an inserted one marked), old rows deleted where they stood. */
export type RowPlan = { row: LayoutTable['rows'][number]; head: boolean; mark?: Mark; old?: true }[];

type Changed = { runs: WordRun[]; oldPart: string; newPart: string };
type Title = { title?: WordRun[]; heading?: WordRun[] };

const TAG: Record<MarkKind, string> = { ins: 'w:ins', del: 'w:del', moveFrom: 'w:moveFrom', moveTo: 'w:moveTo' };
/** Inside removed text, Word's text and field instructions have their own element names. */
const REMOVED_NAMES: Record<string, string> = { 'w:t': 'w:delText', 'w:instrText': 'w:delInstrText' };
/** Revision and range ids start far above the cross-reference bookmarks' (xrefs.ts numbers those from 0). */
const FIRST_ID = 1_000_000;

class Attributes extends XmlAttributeComponent<Record<string, string | number>> {}

/** `w:ins` / `w:del` / `w:moveFrom` / `w:moveTo` around runs. */
class RevisionElement extends XmlComponent {
  constructor(tag: string, attributes: Record<string, string | number>, children: ParagraphChild[]) {
    super(tag);
    this.root.push(new Attributes(attributes), ...children);
  }
}

/** An empty element with attributes: the range markers of a move. */
class Marker extends XmlComponent {
  constructor(tag: string, attributes: Record<string, string | number>) {
    super(tag);
    this.root.push(new Attributes(attributes));
  }
}

/**
 * Renames elements in a component tree built by the docx library: the text of removed runs is
 * `w:delText`, and a moved paragraph's mark is `w:moveFrom`/`w:moveTo`, which the library only
 * writes as `w:del`/`w:ins` (`run.deletion`/`run.insertion` of a paragraph).
 */
function rename(node: unknown, names: Record<string, string>, only?: (c: BaseXmlComponent) => boolean): void {
  if (!(node instanceof BaseXmlComponent)) return;
  const element = node as unknown as { rootKey: string };
  const to = names[element.rootKey];
  if (to !== undefined && (!only || only(node))) element.rootKey = to;
  const children = (node as unknown as { root?: unknown }).root;
  if (Array.isArray(children)) for (const c of children) rename(c, names, only);
}

export class Revisions {
  readonly oldLayout: Layout;
  readonly oldPlan: NumberingPlan;
  readonly style: ChangeStyle;
  private readonly whole = new Map<string, Mark>();
  private readonly changed = new Map<string, Changed>();
  private readonly after = new Map<string, Ghost[]>();
  private readonly before = new Map<string, Ghost[]>();
  private readonly start: Ghost[] = [];
  private readonly footnotes = new Map<string, Changed>();
  private readonly titles = new Map<string, Title>();
  private readonly map: IdMap;
  private readonly newToOld = new Map<string, string>();
  private readonly rowPlans = new Map<string, RowPlan>();
  /** Old blocks written inside their deleted row: not again as ghosts of their own. */
  private readonly inDeletedRows = new Set<string>();
  private nextId = FIRST_ID;
  private moves = 0;

  constructor(
    readonly changes: ChangesFrom,
    private readonly newDoc: RDocument,
    private readonly newLayout: Layout,
    options: ExportOptions,
  ) {
    this.style = changes.style;
    const lang = options.lang;
    this.oldLayout = layoutDocument(changes.from, lang, options);
    this.oldPlan = planNumbering(this.oldLayout);
    const result = compareDocuments(changes.from, newDoc, lang, { ids: changes.ids });
    const oldToNew = new Map<string, string>(result.pairs);
    for (const x of result.parts) if (x.op !== 'inserted' && x.op !== 'deleted') oldToNew.set(x.old.id, x.new.id);
    this.map = (id) => oldToNew.get(id);
    for (const [o, n] of oldToNew) this.newToOld.set(n, o);
    this.readTitles(result);

    const oldBlocks = new Map<string, LayoutBlock>();
    const oldContainer = new Map<string, string>();
    for (const part of this.oldLayout.parts) {
      eachLayoutBlock(part.blocks, (b) => {
        oldBlocks.set(b.id, b);
        const inner = b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.blocks)) : b.type === 'quote' || b.type === 'participants' ? b.blocks : [];
        for (const c of inner) oldContainer.set(c.id, b.id);
      });
    }
    const newFirst = newLayout.parts.flatMap((p) => p.blocks)[0]?.id;
    const removed = new Set<string>();
    const ghost = (oldId: string, mark: Mark, place: { after?: string } | { before: string }) => {
      const block = oldBlocks.get(oldId);
      if (!block) return;
      removed.add(oldId);
      const g = { block, mark };
      if ('before' in place) return void this.list(this.before, place.before).push(g);
      if (place.after === undefined) return void this.start.push(g);
      this.list(this.after, place.after).push(g);
    };

    for (const c of result.blocks) this.read(c, ghost, newFirst);
    // a part deleted whole: its heading and title go before its first block, deleted with it
    for (const x of result.parts) {
      if (x.op !== 'deleted') continue;
      const part = this.oldLayout.parts.find((p) => p.id === x.old.id);
      const first = part?.blocks[0]?.id;
      const g = first === undefined ? undefined : [this.start, ...this.after.values(), ...this.before.values()].flat().find((y) => y.block.id === first);
      if (g && part) g.opens = part;
    }
    // a table whose rows were inserted and deleted in equal numbers has the same shape: its rows are read too
    for (const part of newLayout.parts) {
      eachLayoutBlock(part.blocks, (b) => {
        const old = this.newToOld.get(b.id);
        if (b.type !== 'table' || old === undefined || this.rowPlans.has(b.id) || !this.planRows(old, b.id)) return;
        if (this.rowPlans.get(b.id)!.every((r) => !r.mark)) this.rowPlans.delete(b.id);
      });
    }
    // A container that is itself removed writes its contents: they are not written twice.
    for (const list of [this.start, ...this.after.values(), ...this.before.values()]) {
      for (let i = list.length - 1; i >= 0; i--) {
        let up = oldContainer.get(list[i]!.block.id);
        while (up !== undefined && !removed.has(up)) up = oldContainer.get(up);
        if (up !== undefined || this.inDeletedRows.has(list[i]!.block.id)) list.splice(i, 1);
      }
    }
  }

  private list(map: Map<string, Ghost[]>, key: string): Ghost[] {
    let l = map.get(key);
    if (!l) map.set(key, (l = []));
    return l;
  }

  private read(change: BlockChange, ghost: (oldId: string, mark: Mark, place: { after?: string } | { before: string }) => void, newFirst: string | undefined): void {
    let c = change;
    switch (c.op) {
      case 'inserted':
        this.whole.set(c.new.id, { kind: 'ins' });
        return;
      case 'deleted':
        ghost(c.old.id, { kind: 'del' }, c.after !== undefined ? { after: c.after } : newFirst !== undefined ? { before: newFirst } : {});
        return;
      case 'split':
      case 'merged': {
        const news = c.op === 'split' ? c.new : [c.new];
        const olds = c.op === 'split' ? [c.old] : c.old;
        for (const o of olds) ghost(o.id, { kind: 'del' }, { before: news[0]!.id });
        for (const n of news) this.whole.set(n.id, { kind: 'ins' });
        return;
      }
      default: {
        if (c.changed && c.runs && !c.form && !c.moved) {
          // a footnote whose words changed stays one footnote, its words marked inside it
          const kept = keepFootnotes(c.runs);
          c = { ...c, runs: kept.runs };
          for (const e of kept.edits) {
            const runs = diffWords([e.old.content], [e.new.content], this.map, { numbering: this.oldLayout.numbering, partId: c.old.part.id }, { numbering: this.newLayout.numbering, partId: c.new.part.id });
            this.footnotes.set(e.new.id, { runs, oldPart: c.old.part.id, newPart: c.new.part.id });
          }
        }
        if (c.moved) {
          const move = `move${++this.moves}`;
          this.whole.set(c.new.id, { kind: 'moveTo', move });
          const from = c.from?.after;
          ghost(c.old.id, { kind: 'moveFrom', move }, from !== undefined ? { after: from } : newFirst !== undefined && newFirst !== c.new.id ? { before: newFirst } : { before: c.new.id });
        } else if (c.changed && c.form && c.old.kind === 'table' && c.new.kind === 'table' && this.planRows(c.old.id, c.new.id)) {
          // rows inserted or deleted: marked row by row
        } else if (c.changed && (c.form || !c.runs)) {
          ghost(c.old.id, { kind: 'del' }, { before: c.new.id });
          this.whole.set(c.new.id, { kind: 'ins' });
        } else if (c.changed && c.runs) {
          this.changed.set(c.new.id, { runs: c.runs, oldPart: c.old.part.id, newPart: c.new.part.id });
        }
      }
    }
  }

  /**
   * A table whose rows were inserted or deleted (its columns as they were): which new row is which
   * old one, by the blocks of their cells; the rows with none paired are inserted or deleted.
   */
  private planRows(oldId: string, newId: string): boolean {
    const find = (layout: Layout, id: string): LayoutTable | undefined => {
      let t: LayoutTable | undefined;
      for (const part of layout.parts) eachLayoutBlock(part.blocks, (b) => void (b.id === id && b.type === 'table' && (t = b)));
      return t;
    };
    const [a, b] = [find(this.oldLayout, oldId), find(this.newLayout, newId)];
    if (!a || !b || a.columns.length !== b.columns.length) return false;
    const blocksOf = (row: LayoutTable['rows'][number]) => row.cells.flatMap((c) => c.blocks.map((x) => x.id));
    const oldRowOf = new Map<string, number>();
    a.rows.forEach((row, i) => blocksOf(row).forEach((id) => oldRowOf.set(id, i)));
    const counterpart = b.rows.map((row) => {
      for (const id of blocksOf(row)) {
        const o = this.newToOld.get(id);
        if (o !== undefined && oldRowOf.has(o)) return oldRowOf.get(o)!;
      }
      return -1;
    });
    const kept = new Set(counterpart.filter((k) => k >= 0));
    const plan: RowPlan = [];
    let next = 0;
    const deletedUpTo = (k: number) => {
      for (; next < k; next++) {
        if (kept.has(next)) continue;
        plan.push({ row: a.rows[next]!, head: next < a.headerRows, mark: { kind: 'del' }, old: true });
        for (const id of blocksOf(a.rows[next]!)) this.inDeletedRows.add(id);
      }
    };
    b.rows.forEach((row, i) => {
      const k = counterpart[i]!;
      if (k >= 0) {
        deletedUpTo(k);
        next = Math.max(next, k + 1);
      }
      plan.push({ row, head: i < b.headerRows, ...(k < 0 ? { mark: { kind: 'ins' as const } } : {}) });
    });
    deletedUpTo(a.rows.length);
    this.rowPlans.set(newId, plan);
    return true;
  }

  /** The rows of table `id` with those inserted and deleted, when its rows changed. */
  rowsOf(id: string): RowPlan | undefined {
    return this.rowPlans.get(id);
  }

  /** A row's revision (`w:trPr`): inserted or deleted. */
  rowMark(mark: Mark): { insertion: { id: number; author: string; date: string } } | { deletion: { id: number; author: string; date: string } } {
    return this.paragraphMark(mark);
  }

  /** The mark of a whole block of the new version (inserted, moved here), if it has one. */
  markOf(id: string): Mark | undefined {
    return this.whole.get(id);
  }

  /** The old blocks that stood at the start of the body, before `id`, and after `id`. */
  ghostsAtStart(): Ghost[] {
    return this.start.splice(0);
  }
  ghostsBefore(id: string): Ghost[] {
    return this.before.get(id) ?? [];
  }
  ghostsAfter(id: string): Ghost[] {
    return this.after.get(id) ?? [];
  }

  /** Word runs of a changed block, as spans and marks: equal runs unmarked, format runs with their old formatting. */
  changedSpans(id: string): MarkedSpans | undefined {
    const c = this.changed.get(id);
    return c ? this.spansOf(c) : undefined;
  }

  /** Word runs of a footnote (by its id in the new version) whose words changed. */
  footnoteSpans(id: string): MarkedSpans | undefined {
    const c = this.footnotes.get(id);
    return c ? this.spansOf(c) : undefined;
  }

  private spansOf(c: Changed): MarkedSpans {
    const { newDoc, newLayout } = this;
    const lang = newLayout.lang;
    const oldSpans = (content: WordRun['content']) => contentSpans(content, this.changes.from, lang, this.oldLayout.numbering, c.oldPart);
    return c.runs
      .filter((r) => !r.paragraphBreak)
      .map((r) => {
        if (r.op === 'delete') return { spans: oldSpans(r.content), mark: { kind: 'del' as const } };
        const spans = contentSpans(r.content, newDoc, lang, newLayout.numbering, c.newPart);
        if (r.op === 'insert') return { spans, mark: { kind: 'ins' as const } };
        return r.op === 'format' && r.was ? { spans, was: oldSpans(r.was) } : { spans };
      });
  }

  /**
   * What changed in the titles and annex headings of the parts, as the two layouts print them
   * (a report's title reads the reporting period; a heading, the annex's number): word runs for a
   * part with a counterpart, the whole title and heading for a part inserted.
   */
  private readTitles(result: CompareResult): void {
    const oldParts = new Map(this.oldLayout.parts.map((p) => [p.id, p]));
    const counterpart = new Map<string, string>();
    for (const x of result.parts) if (x.op !== 'inserted' && x.op !== 'deleted') counterpart.set(x.new.id, x.old.id);
    const inserted = new Set(result.parts.flatMap((x) => (x.op === 'inserted' ? [x.new.id] : [])));
    const plain = (spans: Span[] | undefined) => (spans ?? []).map((s) => s.text).join('');
    for (const part of this.newLayout.parts) {
      if (inserted.has(part.id)) {
        // marked whole, as an inserted block is (blocks.ts writes its heading and title under its id)
        this.whole.set(part.id, { kind: 'ins' });
        continue;
      }
      const old = oldParts.get(counterpart.get(part.id) ?? part.id);
      if (!old) continue;
      const t: Title = {};
      const views = [{ numbering: this.oldLayout.numbering, partId: old.id }, { numbering: this.newLayout.numbering, partId: part.id }] as const;
      const diff = (a: Span[] | undefined, b: Span[] | undefined) => diffWords([spansAsInline(a ?? [])], [spansAsInline(b ?? [])], this.map, ...views);
      if (plain(old.title) !== plain(part.title)) t.title = diff(old.title, part.title);
      if (plain(old.heading) !== plain(part.heading)) t.heading = diff(old.heading, part.heading);
      if (t.title || t.heading) this.titles.set(part.id, t);
    }
  }

  /** A part's title or heading with its changed words (`undefined`: unchanged, or inserted whole). */
  titleSpans(partId: string, which: 'title' | 'heading'): MarkedSpans | undefined {
    const runs = this.titles.get(partId)?.[which];
    if (!runs) return undefined;
    return runs.map((r) => (r.op === 'delete' ? { spans: contentSpans(r.content, this.changes.from, this.newLayout.lang, this.oldLayout.numbering, partId), mark: { kind: 'del' as const } } : { spans: contentSpans(r.content, this.newDoc, this.newLayout.lang, this.newLayout.numbering, partId), ...(r.op === 'insert' ? { mark: { kind: 'ins' as const } } : {}) }));
  }

  /** The revision of a run's formatting: what it was (`w:rPrChange`). */
  formatChange(old: SpanMarks): { id: number; author: string; date: string; bold: boolean; italics: boolean; superScript: boolean } {
    return { id: this.nextId++, author: this.changes.author, date: this.changes.date, bold: old.bold, italics: old.italic, superScript: old.superscript };
  }


  private attributes(): Record<string, string | number> {
    return { 'w:id': this.nextId++, 'w:author': this.changes.author, 'w:date': this.changes.date };
  }

  /** Runs marked as one revision (tracked style): removed text as Word writes it. */
  wrap(mark: Mark, children: ParagraphChild[]): ParagraphChild[] {
    if (children.length === 0) return [];
    if (mark.kind === 'del' || mark.kind === 'moveFrom') for (const c of children) rename(c, REMOVED_NAMES);
    return [new RevisionElement(TAG[mark.kind], this.attributes(), children) as unknown as ParagraphChild];
  }

  /** The paragraph mark's revision (`run` of a paragraph's options): what the docx library can write. */
  paragraphMark(mark: Mark): { insertion: { id: number; author: string; date: string } } | { deletion: { id: number; author: string; date: string } } {
    const a = { id: this.nextId++, author: this.changes.author, date: this.changes.date };
    return mark.kind === 'ins' || mark.kind === 'moveTo' ? { insertion: a } : { deletion: a };
  }

  /** A moved paragraph's mark: `w:moveFrom` / `w:moveTo` in place of the `w:del` / `w:ins` the library wrote. */
  markMove(paragraph: unknown, mark: Mark): void {
    if (mark.kind === 'moveFrom') rename(paragraph, { 'w:del': 'w:moveFrom' }, (c) => !(c instanceof RevisionElement));
    if (mark.kind === 'moveTo') rename(paragraph, { 'w:ins': 'w:moveTo' }, (c) => !(c instanceof RevisionElement));
  }

  /** The range of a move around a paragraph's content (`w:moveFromRangeStart` … `w:moveFromRangeEnd`). */
  moveRange(mark: Mark, children: ParagraphChild[]): ParagraphChild[] {
    if (mark.move === undefined) return children;
    const id = this.nextId++;
    const start = new Marker(`w:${mark.kind}RangeStart`, { 'w:id': id, 'w:name': mark.move, 'w:author': this.changes.author, 'w:date': this.changes.date });
    const end = new Marker(`w:${mark.kind}RangeEnd`, { 'w:id': id });
    return [start as unknown as ParagraphChild, ...children, end as unknown as ParagraphChild];
  }
}
