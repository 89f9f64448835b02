/**
 * The two sides of the translator's desk, aligned row by row. Both editors hold the same
 * structure, so their page units (units.ts) pair up by key; a row is a unit present on both
 * sides, with the units that only one side has (footnotes not yet translated) riding along with
 * the row before them.
 *
 * Only the translation is laid out as a whole page. The source is read-only and needs no editor
 * on screen: its editor is kept out of the layout (display: none: it still builds the DOM of every
 * block, with its labels, marks and footnotes), and what the reader sees of it is a copy of the
 * rows near the view (a screen above and below), each placed at the top of the same row of the
 * translation. Measured with the bench (desk.bench.ts): two full pages cost the browser twice the
 * layout, paint and content-visibility checks at every scroll frame; this costs the translation's
 * page plus a few copied rows.
 *
 * A row as tall in the source as in the translation needs nothing; where the source is taller the
 * translation's row gets the room, so the next row starts below the source's: a row of one unit
 * (nearly all) as its minimum height (`--rk-row-min`), which needs no reading of the translation's
 * own height and holds before that row is laid out; a row of several units (untranslated
 * footnotes riding along) or a table's row as a spacer (padding under its last unit,
 * `--rk-row-pad`) of the difference. A source row's height is measured once (the source does not
 * change at the desk; a width change measures again) and kept after its copy is gone, so
 * scrolling back moves nothing. The rows are measured ahead, when the browser is idle, a batch at
 * a time (a copy built out of sight): a scroll frame then only places copies, as cheap as the
 * single editor's frame (measured with desk.bench.ts; measuring them as they came into view cost
 * two more layouts a frame). The translation's rows are watched by a
 * ResizeObserver (a keystroke that wraps a line, a block laid out for the first time as it scrolls
 * into view): their spacers and the copies' places are set again before the frame is painted.
 * A change below the view moves nothing the reader sees: it waits for the next frame.
 *
 * A row may carry a note under its source copy (the words an outdated row's source changed,
 * changes.ts): the copy is made and measured again when its note changes, and the translation's
 * row gets the room through the same spacer.
 */
import { mergeRegister, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';
import { $pageUnits, type Unit } from './units';
import { setTermHighlights } from './highlight';
import { BLOCK_NODES } from '../editor/nodes';
import { PartNode } from '../editor/nodes/PartNode';
import { PartHeadNode } from '../editor/nodes/PartHeadNode';
import { PartTitleNode } from '../editor/nodes/PartTitleNode';
import { TableRowBlockNode } from '../editor/nodes/TableRowBlockNode';
import { FootnoteAreaNode } from '../editor/nodes/FootnoteAreaNode';

export type AlignSide = { editor: LexicalEditor; masthead: HTMLElement | null };

type PageUnit = { key: string; el: HTMLElement; tableRow: boolean };
type Row = {
  /** The translation's element the row starts with, and its last unit (where the spacer goes). */
  start: HTMLElement;
  holder: PageUnit;
  /** The source's units of the row (in its editor, out of the layout). */
  source: PageUnit[];
  /** The copy on screen, if the row is near the view. */
  copy?: HTMLElement | undefined;
  /** The source row's height, once measured. */
  height?: number | undefined;
  pad: number;
};

const STRUCTURE: Klass<LexicalNode>[] = [PartNode, PartHeadNode, PartTitleNode, TableRowBlockNode, FootnoteAreaNode, ...BLOCK_NODES];

function unitsOf(side: AlignSide): PageUnit[] {
  const units: Unit[] = side.editor.getEditorState().read(() => $pageUnits(), { editor: side.editor });
  const out: PageUnit[] = side.masthead ? [{ key: 'masthead', el: side.masthead, tableRow: false }] : [];
  for (const u of units) {
    const el = side.editor.getElementByKey(u.node);
    if (el) out.push({ key: u.key, el, tableRow: u.tableRow });
  }
  return out;
}

/** The translation row (a block or part id) a unit's key names: a block's or a part title's. */
const rowIdOfKey = (key: string): string | undefined => /^(?:block|title):(.*)$/.exec(key)?.[1];

/** A row of one unit of the translation, not a table's: its source's height is its minimum height. */
const isMinRow = (row: Row): boolean => row.holder.el === row.start && !row.holder.tableRow;

/** Rows measured ahead in one layout. */
const MEASURE_BATCH = 40;

function setPad(u: PageUnit, px: number): void {
  const prop = u.tableRow ? '--rk-tr-pad' : '--rk-row-pad';
  if (px === 0) u.el.style.removeProperty(prop);
  else u.el.style.setProperty(prop, `${px}px`);
}

/** The child-index path from `root` down to `node` (undefined when `node` is not inside it). */
function pathIn(root: Node, node: Node): number[] | undefined {
  const path: number[] = [];
  for (let n: Node | null = node; n !== root; n = n.parentNode) {
    if (!n || !n.parentNode) return undefined;
    path.unshift(Array.prototype.indexOf.call(n.parentNode.childNodes, n));
  }
  return path;
}

function follow(root: Node, path: readonly number[]): Node | undefined {
  let n: Node | undefined = root;
  for (const i of path) n = n?.childNodes[i];
  return n;
}

export class RowAligner {
  private rows: Row[] = [];
  /** Translation elements watched → their row; source units → their row. */
  private rowOf = new Map<Element, number>();
  private sourceRowOf = new Map<Element, number>();
  /** A copied unit → the source unit it copies. */
  private originals = new WeakMap<Node, Node>();
  private readonly observer: ResizeObserver;
  private readonly widthObserver: ResizeObserver;
  private readonly sourceWatch: MutationObserver;
  private readonly unregister: () => void;
  private readonly onScroll = () => this.sync();
  private rebuildPending = false;
  private frame: number | undefined;
  private idle: number | undefined;
  /** Rows before this one are measured (or being shown): where measuring ahead goes on from. */
  private ahead = 0;
  private disposed = false;
  private width = 0;
  private height = '';
  private terms: Range[] = [];
  /** The note under a row's source copy, by translation row id (a block or part id), if any. */
  private noteOf: (id: string) => HTMLElement | null = () => null;
  /** Translation row id → the aligned row holding it. */
  private rowOfId = new Map<string, number>();
  /** The rows with a copy on screen, [first, last] (empty when first > last). */
  private first = 0;
  private last = -1;

  constructor(
    private readonly source: AlignSide,
    private readonly target: AlignSide,
    /** Where the source's copies go: a page beside the translation's, as tall as it. */
    private readonly view: HTMLElement,
    private readonly scroller: HTMLElement,
  ) {
    this.observer = new ResizeObserver((entries) => this.resized(entries.map((e) => this.rowOf.get(e.target)).filter((r): r is number => r !== undefined)));
    this.widthObserver = new ResizeObserver(() => {
      const w = this.view.clientWidth;
      if (w === this.width) return;
      this.width = w;
      for (const row of this.rows) row.height = undefined;
      this.clearCopies();
      this.sync();
      this.measureAhead(0);
    });
    // What the desk marks on the source (the current row) and anything Lexical redraws there
    // reaches the copy: the row is copied again.
    this.sourceWatch = new MutationObserver((records) => {
      const again = new Set<number>();
      for (const r of records) {
        for (let n: Node | null = r.target; n; n = n.parentNode) {
          const row = this.sourceRowOf.get(n as Element);
          if (row !== undefined) {
            again.add(row);
            break;
          }
        }
      }
      for (const i of again) if (this.rows[i]?.copy) this.copy(i);
      if (again.size > 0) this.showTerms();
    });
    // A unit created or removed (a footnote added in the translation, an element Lexical
    // recreated) changes the rows: they are rebuilt once, after the update.
    const onMutation = (mutations: Map<string, 'created' | 'updated' | 'destroyed'>) => {
      for (const m of mutations.values()) if (m !== 'updated') return this.scheduleRebuild();
    };
    this.unregister = mergeRegister(
      ...[source.editor, target.editor].flatMap((editor) => STRUCTURE.map((klass) => editor.registerMutationListener(klass, onMutation, { skipInitialization: true }))),
    );
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.widthObserver.observe(view);
    const sourcePage = source.editor.getRootElement()?.closest('.rk-page');
    if (sourcePage) this.sourceWatch.observe(sourcePage, { subtree: true, attributes: true, childList: true, characterData: true });
    this.rebuild();
  }

  dispose(): void {
    this.disposed = true;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    if (this.idle !== undefined) cancelIdleCallback(this.idle);
    this.observer.disconnect();
    this.widthObserver.disconnect();
    this.sourceWatch.disconnect();
    this.scroller.removeEventListener('scroll', this.onScroll);
    this.unregister();
    this.clearCopies();
  }

  /** The source's node a node of a copy stands for (a click in the source), if any. */
  original(node: Node): Node | undefined {
    for (let n: Node | null = node; n; n = n.parentNode) {
      const unit = this.originals.get(n);
      if (unit) {
        const path = pathIn(n, node);
        return path && follow(unit, path);
      }
    }
    return undefined;
  }

  /** The glossary's terms found in the source (ranges in its editor): shown on the copies. */
  setTerms(ranges: Range[]): void {
    this.terms = ranges;
    this.showTerms();
  }

  /**
   * Sets where the rows' notes come from, and makes the copies of rows `ids` again (their note
   * appeared, changed or went: a status changed, the interface language changed).
   */
  setNotes(noteOf: (id: string) => HTMLElement | null, ids: Iterable<string>): void {
    this.noteOf = noteOf;
    this.refresh(ids);
  }

  /** Rows `ids`' notes changed: their copies are made and measured again. */
  refresh(ids: Iterable<string>): void {
    let any = false;
    for (const id of ids) {
      const i = this.rowOfId.get(id);
      if (i === undefined) continue;
      this.rows[i]!.height = undefined;
      this.drop(i);
      this.measureAhead(i);
      any = true;
    }
    if (any) this.sync();
  }

  private scheduleRebuild(): void {
    if (this.rebuildPending) return;
    this.rebuildPending = true;
    queueMicrotask(() => {
      this.rebuildPending = false;
      if (!this.disposed) this.rebuild();
    });
  }

  private rebuild(): void {
    this.observer.disconnect();
    this.clearCopies();
    for (const row of this.rows) {
      setPad(row.holder, 0);
      row.start.style.removeProperty('--rk-row-min');
    }
    this.rowOf.clear();
    this.sourceRowOf.clear();
    this.rowOfId.clear();
    const [su, tu] = [unitsOf(this.source), unitsOf(this.target)];
    const targetIndex = new Map(tu.map((u, i) => [u.key, i]));
    // Rows: the units both sides have, in the same order on both.
    const rowKeys = new Set<string>();
    let last = -1;
    for (const u of su) {
      const j = targetIndex.get(u.key);
      if (j !== undefined && j > last) {
        rowKeys.add(u.key);
        last = j;
      }
    }
    const rows: Row[] = [];
    for (const u of tu) {
      if (rowKeys.has(u.key)) rows.push({ start: u.el, holder: u, source: [], pad: 0 });
      else if (rows.length > 0) rows[rows.length - 1]!.holder = u;
      const row = Math.max(0, rows.length - 1);
      // A table row is watched through its cells: a cell's content box is what its words change.
      for (const w of u.tableRow ? [...u.el.children] : [u.el]) {
        this.rowOf.set(w, row);
        this.observer.observe(w, { box: 'content-box' });
      }
    }
    let at = -1;
    for (const u of su) {
      if (rowKeys.has(u.key)) at++;
      if (at < 0) continue;
      rows[at]!.source.push(u);
      this.sourceRowOf.set(u.el, at);
      const id = rowIdOfKey(u.key);
      if (id !== undefined) this.rowOfId.set(id, at);
    }
    this.rows = rows;
    this.sync();
    this.measureAhead(0);
  }

  /**
   * Measures, when the browser is idle, the rows not yet measured from row `from` on: a batch of
   * copies built out of sight, read together (one layout of the source's page, contained), their
   * heights kept and given to the translation's rows.
   */
  private measureAhead(from: number): void {
    this.ahead = Math.min(this.ahead, from);
    if (this.idle !== undefined || this.disposed) return;
    this.idle = requestIdleCallback((deadline) => {
      this.idle = undefined;
      if (this.disposed) return;
      while (this.ahead < this.rows.length && deadline.timeRemaining() > 8) {
        const batch: [number, HTMLElement][] = [];
        for (let i = this.ahead; i < this.rows.length && batch.length < MEASURE_BATCH; i++) {
          if (this.rows[i]!.height === undefined && !this.rows[i]!.copy) {
            const box = this.build(i);
            box.classList.add('rk-desk-srow-measure');
            this.layerOf(box).append(box);
            batch.push([i, box]);
          }
          this.ahead = i + 1;
        }
        for (const [i, box] of batch) this.rows[i]!.height = box.getBoundingClientRect().height;
        for (const [i, box] of batch) {
          box.remove();
          this.setMin(i);
        }
        // The rows below the first measured moved: the copies go with them before the next frame
        // (scroll anchoring keeps the view still when the rows were above it).
        if (batch.length > 0) this.sync(batch[0]![0]);
      }
      if (this.ahead < this.rows.length) this.measureAhead(this.ahead);
    });
  }

  /** Gives a row of one unit its source's height as its minimum; true if that changed it. */
  private setMin(i: number): boolean {
    const row = this.rows[i]!;
    if (!isMinRow(row) || row.height === undefined) return false;
    const min = `${row.height}px`;
    if (row.start.style.getPropertyValue('--rk-row-min') === min) return false;
    row.start.style.setProperty('--rk-row-min', min);
    return true;
  }

  /**
   * Translation rows that changed size: the rows from the first of them on move. A row below the
   * copies (laid out as it nears the view, content-visibility) moves none of them: the page's
   * height is set at the next frame.
   */
  private resized(rows: number[]): void {
    if (rows.length === 0) return;
    const from = Math.min(...rows);
    if (from > this.last && this.last >= 0) this.later();
    else this.sync(from);
  }

  /**
   * Copies the rows near the view, measures the new copies, sets the spacers and puts every
   * copy at its row's top. `from`: the first row whose translation changed size.
   */
  private sync(from = Infinity): void {
    if (this.disposed || this.rows.length === 0) return;
    const page = this.target.editor.getRootElement()?.closest('.rk-page');
    if (!page) return;
    const pageTop = page.getBoundingClientRect().top;
    const view = this.scroller.getBoundingClientRect();
    const viewBottom = Math.min(window.innerHeight, view.bottom);
    const margin = viewBottom - view.top;
    const top = (i: number) => this.rows[i]!.start.getBoundingClientRect().top;
    // The first row that ends below the view's top less a margin, the last that starts above its bottom plus one.
    const first = this.search((i) => i + 1 >= this.rows.length || top(i + 1) > view.top - margin);
    const last = this.search((i) => top(i) >= viewBottom + margin) - 1;
    const pageHeight = page.getBoundingClientRect().height;

    // All reads, then all writes: no layout forced between them, but one of the source's page
    // (contained: cheap) to measure a new copy not measured ahead. Reads first: where the rows are
    // and what spacers the rows that changed size need. Then the copies that come and go, and the
    // heights of the new ones not yet known (with the spacers those rows need). Then the writes:
    // the spacers, the copies' places. A spacer moves the rows below it by exactly its change (the
    // units hold their margins, desk.css), so the copies' places are worked out from the tops read
    // before, not read again.
    const tops: number[] = [];
    for (let i = first; i <= last; i++) tops.push(top(i) - pageTop);
    const changed = from <= last ? this.rowsFrom(from, first, last).filter((i) => this.rows[i]!.height !== undefined) : [];
    const pads = new Map(changed.map((i) => [i, this.padOf(i)]));

    const made: number[] = [];
    for (let i = this.first; i <= this.last; i++) if (i < first || i > last) this.drop(i);
    for (let i = first; i <= last; i++) if (!this.rows[i]!.copy) made.push(this.copy(i));
    this.first = first;
    this.last = last;
    if (made.length > 0) this.showTerms();
    const measured = made.filter((i) => this.rows[i]!.height === undefined);
    for (const i of measured) this.rows[i]!.height = this.rows[i]!.copy!.getBoundingClientRect().height;
    for (const i of measured) pads.set(i, this.padOf(i));

    const shifts: [number, number][] = [];
    for (const [i, pad] of pads) {
      const row = this.rows[i]!;
      // A row of one unit gets its source's height as its minimum: it adds what the spacer would.
      if (this.setMin(i)) {
        if (pad > 0) shifts.push([i, pad]);
        continue;
      }
      if (isMinRow(row) || pad === row.pad) continue;
      shifts.push([i, pad - row.pad]);
      row.pad = pad;
      setPad(row.holder, pad);
    }
    shifts.sort((a, b) => a[0] - b[0]);
    let shift = 0;
    let k = 0;
    for (let i = first; i <= last; i++) {
      while (k < shifts.length && shifts[k]![0] < i) shift += shifts[k++]![1];
      const copy = this.rows[i]!.copy;
      const top = `${tops[i - first]! + shift}px`;
      if (copy && copy.style.top !== top) copy.style.top = top;
    }
    // The source's page as tall as the translation's, with its new spacers (read again at the
    // next frame, in case the page's own minimum height took some of them).
    const height = `${pageHeight + shift + shifts.slice(k).reduce((sum, [, d]) => sum + d, 0)}px`;
    if (height !== this.height) this.view.style.height = this.height = height;
    if (shifts.length > 0) this.later();
  }

  /** The rows on screen from `from` (or all of them when `from` is before the first). */
  private rowsFrom(from: number, first: number, last: number): number[] {
    const out: number[] = [];
    for (let i = Math.max(from, first); i <= last; i++) out.push(i);
    if (from < first) out.push(from);
    return out;
  }

  private later(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.sync(this.first);
    });
  }

  /** The spacer row `i` of the translation needs under it (its source copy measured). */
  private padOf(i: number): number {
    const row = this.rows[i]!;
    const own = row.holder.el.getBoundingClientRect().bottom - row.start.getBoundingClientRect().top - row.pad;
    return Math.max(0, row.height! - own);
  }

  /** The lowest row index for which `past` holds (rows.length when none): `past` is monotonic. */
  private search(past: (i: number) => boolean): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (past(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Makes (or makes again) the copy of row `i`, on screen. */
  private copy(i: number): number {
    const row = this.rows[i]!;
    const box = this.build(i);
    if (row.copy) {
      box.style.top = row.copy.style.top;
      row.copy.replaceWith(box);
    } else this.layerOf(box).append(box);
    row.copy = box;
    return i;
  }

  /** Where a copy goes: a masthead's on the page itself, the others in its editor's layer (the nodes' styles). */
  private layerOf(box: HTMLElement): Element {
    return box.classList.contains('rk-desk-srow-page') ? this.view : (this.view.querySelector('.rk-editor') ?? this.view);
  }

  /** The copy of row `i`: its source units in their containers, with its note. */
  private build(i: number): HTMLElement {
    const row = this.rows[i]!;
    const box = document.createElement('div');
    box.className = 'rk-desk-srow';
    box.dataset['row'] = String(i);
    const root = this.source.editor.getRootElement();
    for (const u of row.source) {
      const unit = u.el.cloneNode(true) as HTMLElement;
      unit.classList.add('rk-desk-unit');
      unit.removeAttribute('contenteditable');
      this.originals.set(unit, u.el);
      let node: HTMLElement = unit;
      // The unit's containers (its part, a quote, a table), without their other children.
      for (let p = u.el.parentElement; p && p !== root && !p.classList.contains('rk-page'); p = p.parentElement) {
        const c = p.cloneNode(false) as HTMLElement;
        c.classList.add('rk-desk-chain');
        c.append(node);
        node = c;
      }
      box.append(node);
      const id = rowIdOfKey(u.key);
      const note = id === undefined ? null : this.noteOf(id);
      if (note) box.append(note);
    }
    // A table's row alone: its cells as wide as the translation's (the table is laid out fixed).
    if (row.source[0]?.tableRow) {
      const widths = [...row.start.children].map((c) => c.getBoundingClientRect().width);
      const cells = box.querySelector('.rk-desk-unit')?.children ?? [];
      [...cells].forEach((cell, k) => {
        if (widths[k] !== undefined) (cell as HTMLElement).style.width = `${widths[k]}px`;
      });
    }
    // The rule an annex or an enclosure starts after (its part's top border), at its first row,
    // where the translation has it.
    const part = row.start.parentElement?.closest<HTMLElement>('.rk-part-annex, .rk-part-enclosure');
    const before = this.rows[i - 1]?.start;
    if (part && !(before && part.contains(before))) {
      box.classList.add('rk-desk-srow-rule');
      box.style.setProperty('--rk-rule-at', `${part.getBoundingClientRect().top - row.start.getBoundingClientRect().top}px`);
    }
    const masthead = row.source.length > 0 && row.source[0]!.key === 'masthead';
    box.classList.toggle('rk-desk-srow-page', masthead);
    return box;
  }

  private drop(i: number): void {
    const row = this.rows[i];
    if (!row?.copy) return;
    row.copy.remove();
    row.copy = undefined;
  }

  private clearCopies(): void {
    for (let i = this.first; i <= this.last; i++) this.drop(i);
    this.first = 0;
    this.last = -1;
    this.showTerms();
  }

  /** The terms' ranges that fall in the copies on screen, in the copies. */
  private showTerms(): void {
    const shown: Range[] = [];
    for (const r of this.terms) {
      for (let n: Node | null = r.startContainer; n; n = n.parentNode) {
        const i = this.sourceRowOf.get(n as Element);
        if (i === undefined) continue;
        const copy = this.rows[i]?.copy;
        const unit = copy && [...copy.querySelectorAll('.rk-desk-unit')].find((u) => this.originals.get(u) === n);
        const a = unit && pathIn(n, r.startContainer);
        const b = unit && pathIn(n, r.endContainer);
        const sa = a && follow(unit, a);
        const sb = b && follow(unit, b);
        if (sa && sb) {
          const c = document.createRange();
          try {
            c.setStart(sa, r.startOffset);
            c.setEnd(sb, r.endOffset);
            shown.push(c);
          } catch {
            // The copy differs from its source (being made again): shown at the next copy.
          }
        }
        break;
      }
    }
    setTermHighlights(shown);
  }
}
