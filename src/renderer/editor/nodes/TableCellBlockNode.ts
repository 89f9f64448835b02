/**
 * A table cell with the model's cell id; its children are paragraphs (any text block). It
 * replaces Lexical's TableCellNode; a row-header cell (`<th>`) belongs to a header row.
 */
import { TableCellHeaderStates, TableCellNode, type TableCellHeaderState } from '@lexical/table';
import { $applyNodeReplacement, $getState, $setState, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import { refreshKept, RK, setAttrs, withAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class TableCellBlockNode extends TableCellNode {
  override $config() {
    return this.config('rk-table-cell', {
      extends: TableCellNode,
      stateConfigs: [idState],
      importDOM: {
        td: (el: HTMLElement) => (el.getAttribute(RK) === 'cell' ? { conversion: $convertCell, priority: 3 as const } : null),
        th: (el: HTMLElement) => (el.getAttribute(RK) === 'cell' ? { conversion: $convertCell, priority: 3 as const } : null),
      },
    });
  }

  getCellId(): string {
    return $getState(this, idState);
  }

  override createDOM(config: EditorConfig): HTMLTableCellElement {
    return withAttrs(super.createDOM(config), this.attrs());
  }

  override updateDOM(prev: this, dom?: HTMLElement): boolean {
    return refreshKept(super.updateDOM(prev), dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    if (out.element instanceof HTMLElement) {
      setAttrs(out.element, { ...this.attrs(), [RK]: 'cell' });
      out.element.removeAttribute('data-temporary-table-cell-lexical-key');
      // Lexical writes its own look inline (a black border, widths, a header shade): a copy
      // carries the words and structure, and the UN table style is the export's, not this.
      out.element.removeAttribute('style');
    }
    return out;
  }

  private attrs() {
    return { 'data-cell-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}

function $convertCell(el: HTMLElement): DOMConversionOutput {
  const header = el.nodeName.toLowerCase() === 'th';
  return { node: $createTableCellBlockNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, el.getAttribute('data-cell-id') ?? '') };
}

export function $createTableCellBlockNode(header: TableCellHeaderState = TableCellHeaderStates.NO_STATUS, id: string = newId.cell()): TableCellBlockNode {
  return $setState($applyNodeReplacement(new TableCellBlockNode(header)), idState, id);
}

export function $isTableCellBlockNode(node: LexicalNode | null | undefined): node is TableCellBlockNode {
  return node instanceof TableCellBlockNode;
}
