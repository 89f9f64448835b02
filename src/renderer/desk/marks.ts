/**
 * What the desk writes on the rows of its two pages, as attributes beside the editors' own
 * (never in their state, so nothing of it is saved or undone): each translation row's status on
 * the target side (`data-tr-status`: untranslated, translated, outdated), the current row on both
 * sides (`data-tr-current`). Elements Lexical recreates get theirs again.
 */
import { mergeRegister, type Klass, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import type { RowStatus } from '../../core/translation/status';
import { $rowNodes } from './units';
import { BLOCK_NODES } from '../editor/nodes';
import { PartTitleNode } from '../editor/nodes/PartTitleNode';
import { TableCellBlockNode } from '../editor/nodes/TableCellBlockNode';

const ROW_NODES: Klass<LexicalNode>[] = [PartTitleNode, TableCellBlockNode, ...BLOCK_NODES];

type Side = { editor: LexicalEditor; nodes: Map<string, NodeKey> };

export class RowMarks {
  private readonly sides: [Side, Side];
  private statuses = new Map<string, RowStatus>();
  private current: string | undefined;
  private readonly unregister: () => void;

  constructor(source: LexicalEditor, target: LexicalEditor) {
    this.sides = [source, target].map((editor) => ({ editor, nodes: editor.getEditorState().read(() => $rowNodes(), { editor }) })) as [Side, Side];
    this.unregister = mergeRegister(
      ...this.sides.flatMap((side) =>
        ROW_NODES.map((klass) =>
          side.editor.registerMutationListener(
            klass,
            (mutations) => {
              if (![...mutations.values()].some((m) => m !== 'updated')) return;
              side.nodes = side.editor.getEditorState().read(() => $rowNodes(), { editor: side.editor });
              this.applyAll();
            },
            { skipInitialization: true },
          ),
        ),
      ),
    );
  }

  dispose(): void {
    this.unregister();
  }

  /** The target element of a row (or the source one), if it is on the page. */
  element(id: string, side: 'source' | 'target' = 'target'): HTMLElement | null {
    const s = this.sides[side === 'source' ? 0 : 1];
    const key = s.nodes.get(id);
    return key === undefined ? null : s.editor.getElementByKey(key);
  }

  nodeKey(id: string): NodeKey | undefined {
    return this.sides[1].nodes.get(id);
  }

  setStatuses(statuses: ReadonlyMap<string, RowStatus>): void {
    this.statuses = new Map(statuses);
    this.applyAll();
  }

  setStatus(id: string, status: RowStatus): void {
    if (this.statuses.get(id) === status) return;
    this.statuses.set(id, status);
    this.element(id)?.setAttribute('data-tr-status', status);
  }

  setCurrent(id: string | undefined): void {
    if (id === this.current) return;
    if (this.current !== undefined) for (const side of ['source', 'target'] as const) this.element(this.current, side)?.removeAttribute('data-tr-current');
    this.current = id;
    if (id !== undefined) for (const side of ['source', 'target'] as const) this.element(id, side)?.setAttribute('data-tr-current', 'true');
  }

  private applyAll(): void {
    for (const [id, status] of this.statuses) this.element(id)?.setAttribute('data-tr-status', status);
    const current = this.current;
    this.current = undefined;
    this.setCurrent(current);
  }
}
