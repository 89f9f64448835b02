/**
 * A subparagraph at level 1–4: a) i) a. i. in French, (a) (i) a. i. in English (the label comes
 * from the numbering engine). Enter gives a subparagraph of the same level; the keyboard plugin
 * turns Enter on an empty one and Tab / Shift+Tab into level changes.
 */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode, type RangeSelection } from 'lexical';
import { blockExport, element, ownConversion, refreshAttrs, withLabel } from './dom';
import { newId } from './ids';
import { idState, subLevelState } from './state';

export type SubLevel = 1 | 2 | 3 | 4;

export class SubparagraphNode extends ElementNode {
  override $config() {
    return this.config('rk-subparagraph', {
      extends: ElementNode,
      stateConfigs: [idState, subLevelState],
      importDOM: { p: ownConversion('subparagraph', $convertSubparagraph) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  getLevel(): SubLevel {
    return $getState(this, subLevelState);
  }

  setLevel(level: SubLevel): this {
    return $setState(this, subLevelState, level);
  }

  override createDOM(): HTMLElement {
    return element('p', 'subparagraph', this.className(), this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    dom.className = this.className();
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = withLabel(element('p', 'subparagraph', this.className(), { ...this.attrs(), 'data-rk-level': String(this.getLevel()) }), editor, this);
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): SubparagraphNode {
    const next = $createSubparagraphNode(this.getLevel());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  private className(): string {
    return `rk-block rk-subparagraph level-${$getState(this, subLevelState, NODE_STATE_DIRECT)}`;
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null, 'data-level': String($getState(this, subLevelState, NODE_STATE_DIRECT)) };
  }
}

function $convertSubparagraph(el: HTMLElement): DOMConversionOutput {
  const level = Number(el.getAttribute('data-rk-level') ?? '1');
  return { node: $createSubparagraphNode(level === 2 || level === 3 || level === 4 ? level : 1, el.getAttribute('data-block-id') ?? '') };
}

export function $createSubparagraphNode(level: SubLevel, id: string = newId.block()): SubparagraphNode {
  const node = new SubparagraphNode();
  $setState(node, idState, id);
  return $setState(node, subLevelState, level);
}

export function $isSubparagraphNode(node: LexicalNode | null | undefined): node is SubparagraphNode {
  return node instanceof SubparagraphNode;
}
