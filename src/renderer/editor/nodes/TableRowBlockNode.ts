/** A table row with the model's row id (replaces Lexical's TableRowNode, so inserted rows are ours). */
import { TableRowNode } from '@lexical/table';
import { $applyNodeReplacement, $getState, $setState, NODE_STATE_DIRECT, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import { ownConversion, refreshKept, RK, setAttrs, withAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class TableRowBlockNode extends TableRowNode {
  override $config() {
    return this.config('rk-table-row', {
      extends: TableRowNode,
      stateConfigs: [idState],
      importDOM: { tr: ownConversion('row', (el) => ({ node: $createTableRowBlockNode(el.getAttribute('data-row-id') ?? '') })) },
    });
  }

  getRowId(): string {
    return $getState(this, idState);
  }

  override createDOM(config: EditorConfig): HTMLElement {
    return withAttrs(super.createDOM(config), this.attrs());
  }

  override updateDOM(prev: this, dom?: HTMLElement): boolean {
    return refreshKept(super.updateDOM(prev), dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    if (out.element instanceof HTMLElement) setAttrs(out.element, { ...this.attrs(), [RK]: 'row' });
    return out;
  }

  private attrs() {
    return { 'data-row-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}

export function $createTableRowBlockNode(id: string = newId.row()): TableRowBlockNode {
  return $setState($applyNodeReplacement(new TableRowBlockNode()), idState, id);
}

export function $isTableRowBlockNode(node: LexicalNode | null | undefined): node is TableRowBlockNode {
  return node instanceof TableRowBlockNode;
}

