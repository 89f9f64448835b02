/**
 * A paragraph, numbered ("12.") or not. It replaces Lexical's own ParagraphNode (so every
 * paragraph Lexical makes by itself, in an emptied table cell or after a deletion, is one of
 * ours, unnumbered). Enter continues the same kind: a numbered paragraph gives a numbered one.
 */
import { $applyNodeReplacement, $getState, $setState, NODE_STATE_DIRECT, ParagraphNode, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode, type RangeSelection } from 'lexical';
import { blockExport, element, ownConversion, setAttrs, withLabel } from './dom';
import { newId } from './ids';
import { cellFillerState, idState, numberedState } from './state';

export class ParagraphBlockNode extends ParagraphNode {
  override $config() {
    return this.config('rk-paragraph', {
      extends: ParagraphNode,
      stateConfigs: [idState, numberedState, cellFillerState],
      importDOM: { p: ownConversion('paragraph', $convertParagraph) },
    });
  }

  getBlockId(): string {
    return $getState(this, idState);
  }

  isNumbered(): boolean {
    return $getState(this, numberedState);
  }

  /** The stand-in paragraph of an empty table cell (see cellFillerState). */
  isCellFiller(): boolean {
    return $getState(this, cellFillerState);
  }

  setNumbered(numbered: boolean): this {
    return $setState(this, numberedState, numbered);
  }

  override createDOM(): HTMLElement {
    return element('p', 'paragraph', this.className(), this.attrs());
  }

  override updateDOM(prev: this, dom: HTMLElement): boolean {
    dom.className = this.className();
    setAttrs(dom, this.attrs());
    void prev;
    return false;
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = withLabel(
      element('p', 'paragraph', this.className(), { ...this.attrs(), 'data-rk-numbered': String(this.isNumbered()), 'data-rk-filler': this.isCellFiller() ? 'true' : null }),
      editor,
      this,
    );
    return blockExport(el, this.isEmpty());
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphBlockNode {
    const next = $createParagraphBlockNode(this.isNumbered());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  private className(): string {
    return $getState(this, numberedState, NODE_STATE_DIRECT) ? 'rk-block rk-paragraph numbered' : 'rk-block rk-paragraph';
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null };
  }
}

function $convertParagraph(el: HTMLElement): DOMConversionOutput {
  const node = $createParagraphBlockNode(el.getAttribute('data-rk-numbered') === 'true', el.getAttribute('data-block-id') ?? '');
  if (el.getAttribute('data-rk-filler') === 'true') $setState(node, cellFillerState, true);
  return { node };
}

export function $createParagraphBlockNode(numbered = false, id: string = newId.block()): ParagraphBlockNode {
  const node = $applyNodeReplacement(new ParagraphBlockNode());
  $setState(node, idState, id);
  if (numbered) $setState(node, numberedState, true);
  return node;
}

export function $isParagraphBlockNode(node: LexicalNode | null | undefined): node is ParagraphBlockNode {
  return node instanceof ParagraphBlockNode;
}
