/**
 * A table block (Lexical's table, so that cell selection, row and column insertion and removal
 * work as they do everywhere in Lexical), carrying the model's id. It replaces Lexical's
 * TableNode. Header rows are the rows whose cells are row headers (`<th>`).
 */
import { TableNode } from '@lexical/table';
import { $applyNodeReplacement, $getState, $setState, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import { ownConversion, refreshKept, RK, setAttrs } from './dom';
import { newId } from './ids';
import { idState } from './state';

export class TableBlockNode extends TableNode {
  override $config() {
    return this.config('rk-table', {
      extends: TableNode,
      stateConfigs: [idState],
      importDOM: { table: ownConversion('table', $convertTable) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const el = super.createDOM(config, editor);
    setAttrs(el, this.attrs());
    el.classList.add('rk-block', 'rk-table');
    return el;
  }

  override updateDOM(prev: this, dom: HTMLElement, config: EditorConfig): boolean {
    return refreshKept(super.updateDOM(prev, dom, config), dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    const el = out.element;
    if (el instanceof HTMLElement) setAttrs(el, { ...this.attrs(), [RK]: 'table' });
    return out;
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null, 'data-rk': 'table' };
  }
}

function $convertTable(el: HTMLElement): DOMConversionOutput {
  return { node: $createTableBlockNode(el.getAttribute('data-block-id') ?? '') };
}

export function $createTableBlockNode(id: string = newId.block()): TableBlockNode {
  return $setState($applyNodeReplacement(new TableBlockNode()), idState, id);
}

export function $isTableBlockNode(node: LexicalNode | null | undefined): node is TableBlockNode {
  return node instanceof TableBlockNode;
}
