/** The text of one footnote, in its part's footnote area; its number is a label from the numbering engine. */
import { $getState, $setState, ElementNode, NODE_STATE_DIRECT, type DOMExportOutput, type LexicalEditor, type LexicalNode } from 'lexical';
import { blockExport, element, ownConversion, refreshAttrs, withLabel } from './dom';
import { footnoteIdState } from './state';

export class FootnoteNode extends ElementNode {
  override $config() {
    return this.config('rk-footnote', {
      extends: ElementNode,
      stateConfigs: [footnoteIdState],
      importDOM: { p: ownConversion('footnote', (el) => ({ node: $createFootnoteNode(el.getAttribute('data-footnote-id') ?? '') })) },
    });
  }

  getFootnoteId(): string {
    return $getState(this, footnoteIdState);
  }

  setFootnoteId(id: string): this {
    return $setState(this, footnoteIdState, id);
  }

  override createDOM(): HTMLElement {
    return element('p', 'footnote', 'rk-footnote', this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = withLabel(this.createDOM(), editor, this);
    return blockExport(el, this.isEmpty());
  }

  /** A note is one paragraph in the model: Enter does not split it (the keyboard plugin breaks the line instead). */
  override insertNewAfter(): null {
    return null;
  }

  override collapseAtStart(): boolean {
    return true;
  }

  private attrs() {
    return { 'data-footnote-id': $getState(this, footnoteIdState, NODE_STATE_DIRECT) || null };
  }
}

export function $createFootnoteNode(id: string): FootnoteNode {
  return $setState(new FootnoteNode(), footnoteIdState, id);
}

export function $isFootnoteNode(node: LexicalNode | null | undefined): node is FootnoteNode {
  return node instanceof FootnoteNode;
}
