/**
 * Keeps the two sides of the translator's desk aligned row by row. Both editors hold the same
 * structure, so their page units (units.ts) pair up by key; a row is a unit present on both
 * sides, with the units that only one side has (footnotes not yet translated) riding along with
 * the row before them. Both pages sit in one scroller, side by side, so they scroll together by
 * construction; what this keeps equal is each row's height on the two sides: the shorter side
 * gets a spacer (padding under the row's last unit, `--rk-row-pad`) of the difference.
 *
 * Row heights are read from the row starts' positions (so margins, headings and footnote areas
 * count as they are laid out), and only when something changed size: a ResizeObserver watches
 * every unit's content box (which the spacer, being padding, never changes), so a keystroke that
 * wraps a line re-measures that one row, a window resize every row, and a block the browser lays
 * out for the first time as it scrolls into view (content-visibility) its own row, all before the
 * frame is painted. Positions are multiples of the layout's 1/64 px, so the sums are exact and no
 * error builds up over thousands of rows.
 *
 * What it costs is kept to what is on screen or about to be: a row whose new height is below the
 * bottom of the scroller's view moves nothing the reader sees, so its spacer is set at the start
 * of the next frame, with the layout that frame does anyway, rather than by a second layout in
 * this one. While scrolling down, the browser lays out the rows just below the view
 * (content-visibility) at every frame: each would otherwise cost a second layout of both pages.
 */
import { mergeRegister, type Klass, type LexicalEditor, type LexicalNode } from 'lexical';
import { $pageUnits, type Unit } from './units';
import { BLOCK_NODES } from '../editor/nodes';
import { PartNode } from '../editor/nodes/PartNode';
import { PartHeadNode } from '../editor/nodes/PartHeadNode';
import { PartTitleNode } from '../editor/nodes/PartTitleNode';
import { TableRowBlockNode } from '../editor/nodes/TableRowBlockNode';
import { FootnoteAreaNode } from '../editor/nodes/FootnoteAreaNode';

export type AlignSide = { editor: LexicalEditor; masthead: HTMLElement | null };

type Holder = { el: HTMLElement; tableRow: boolean };
type SideRows = {
  /** The element each row starts with. */
  start: HTMLElement[];
  /** The last unit of each row: where its spacer goes. */
  holder: Holder[];
  /** The spacer each row has now, in px. */
  pad: number[];
};

const STRUCTURE: Klass<LexicalNode>[] = [PartNode, PartHeadNode, PartTitleNode, TableRowBlockNode, FootnoteAreaNode, ...BLOCK_NODES];

function unitsOf(side: AlignSide): { key: string; el: HTMLElement; tableRow: boolean }[] {
  const units: Unit[] = side.editor.getEditorState().read(() => $pageUnits(), { editor: side.editor });
  const out: { key: string; el: HTMLElement; tableRow: boolean }[] = side.masthead ? [{ key: 'masthead', el: side.masthead, tableRow: false }] : [];
  for (const u of units) {
    const el = side.editor.getElementByKey(u.node);
    if (el) out.push({ key: u.key, el, tableRow: u.tableRow });
  }
  return out;
}

function setPad(h: Holder, px: number): void {
  const prop = h.tableRow ? '--rk-tr-pad' : '--rk-row-pad';
  if (px === 0) h.el.style.removeProperty(prop);
  else h.el.style.setProperty(prop, `${px}px`);
}

export class RowAligner {
  private sides: [SideRows, SideRows] = [emptyRows(), emptyRows()];
  private rowOf = new Map<Element, number>();
  private readonly observer: ResizeObserver;
  private readonly unregister: () => void;
  private rebuildPending = false;
  private disposed = false;
  /** Rows measured below the view, to set at the next frame. */
  private readonly later = new Set<number>();
  private laterFrame: number | undefined;
  /** The element that scrolls the pages (found once). */
  private scroller: HTMLElement | null | undefined;

  constructor(private readonly left: AlignSide, private readonly right: AlignSide) {
    this.observer = new ResizeObserver((entries) => this.measure(entries.map((e) => this.rowOf.get(e.target)).filter((r): r is number => r !== undefined)));
    // A unit created or removed (a footnote added in the translation, an element Lexical
    // recreated) changes the rows: they are rebuilt once, after the update.
    const onMutation = (mutations: Map<string, 'created' | 'updated' | 'destroyed'>) => {
      for (const m of mutations.values()) if (m !== 'updated') return this.scheduleRebuild();
    };
    this.unregister = mergeRegister(
      ...[left.editor, right.editor].flatMap((editor) => STRUCTURE.map((klass) => editor.registerMutationListener(klass, onMutation, { skipInitialization: true }))),
    );
    this.rebuild();
  }

  dispose(): void {
    this.disposed = true;
    if (this.laterFrame !== undefined) cancelAnimationFrame(this.laterFrame);
    this.observer.disconnect();
    this.unregister();
  }

  /** Rows that are not aligned now (for tests): [row key index, left top − right top]. */
  misaligned(): [number, number][] {
    const [l, r] = this.sides;
    const out: [number, number][] = [];
    for (let i = 0; i < l.start.length; i++) {
      const d = l.start[i]!.getBoundingClientRect().top - r.start[i]!.getBoundingClientRect().top;
      if (Math.abs(d) > 0.5) out.push([i, d]);
    }
    return out;
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
    for (const side of this.sides) for (const h of side.holder) setPad(h, 0);
    this.rowOf.clear();
    this.later.clear();
    const [lu, ru] = [unitsOf(this.left), unitsOf(this.right)];
    const rightIndex = new Map(ru.map((u, i) => [u.key, i]));
    // Rows: the units both sides have, in the same order on both.
    const rowKeys = new Set<string>();
    let last = -1;
    for (const u of lu) {
      const j = rightIndex.get(u.key);
      if (j !== undefined && j > last) {
        rowKeys.add(u.key);
        last = j;
      }
    }
    const build = (units: typeof lu): SideRows => {
      const rows = emptyRows();
      for (const u of units) {
        if (rowKeys.has(u.key)) {
          rows.start.push(u.el);
          rows.holder.push({ el: u.el, tableRow: u.tableRow });
          rows.pad.push(0);
        } else if (rows.holder.length > 0) {
          rows.holder[rows.holder.length - 1] = { el: u.el, tableRow: u.tableRow };
        }
        const row = Math.max(0, rows.start.length - 1);
        // A table row is watched through its cells: a cell's content box is what its words change.
        const watch = u.tableRow ? [...u.el.children] : [u.el];
        for (const w of watch) {
          this.rowOf.set(w, row);
          this.observer.observe(w, { box: 'content-box' });
        }
      }
      return rows;
    };
    this.sides = [build(lu), build(ru)];
  }

  /**
   * Rows that changed size: those that start below the view are set at the next frame (see
   * above), the others now.
   */
  private measure(rows: number[]): void {
    const [l] = this.sides;
    const bottom = this.viewBottom();
    const now: number[] = [];
    for (const i of new Set(rows)) {
      if (i + 1 >= l.start.length) continue;
      if (l.start[i]!.getBoundingClientRect().top > bottom) this.later.add(i);
      else now.push(i);
    }
    this.apply(now);
    if (this.later.size > 0 && this.laterFrame === undefined) {
      this.laterFrame = requestAnimationFrame(() => {
        this.laterFrame = undefined;
        if (this.disposed) return;
        const rows = [...this.later];
        this.later.clear();
        this.apply(rows);
      });
    }
  }

  /** The bottom of what the reader sees of the pages (the window's, or the scroller's if higher). */
  private viewBottom(): number {
    if (this.scroller === undefined) {
      let el: HTMLElement | null = this.right.editor.getRootElement()?.parentElement ?? null;
      while (el && !/(auto|scroll)/.test(getComputedStyle(el).overflowY)) el = el.parentElement;
      this.scroller = el;
    }
    return Math.min(window.innerHeight, this.scroller ? this.scroller.getBoundingClientRect().bottom : Infinity);
  }

  /** Re-measures the given rows and sets their spacers (all reads, then all writes). */
  private apply(rows: number[]): void {
    const [l, r] = this.sides;
    const todo = rows.filter((i) => i + 1 < l.start.length);
    const heights = todo.map((i) => [height(l, i), height(r, i)] as const);
    todo.forEach((i, k) => {
      const [hl, hr] = heights[k]!;
      const h = Math.max(hl, hr);
      for (const [side, natural] of [
        [l, hl],
        [r, hr],
      ] as const) {
        const pad = h - natural;
        if (pad !== side.pad[i]) {
          side.pad[i] = pad;
          setPad(side.holder[i]!, pad);
        }
      }
    });
  }
}

function emptyRows(): SideRows {
  return { start: [], holder: [], pad: [] };
}

/** Row `i`'s height without its spacer. */
function height(side: SideRows, i: number): number {
  return side.start[i + 1]!.getBoundingClientRect().top - side.start[i]!.getBoundingClientRect().top - side.pad[i]!;
}
