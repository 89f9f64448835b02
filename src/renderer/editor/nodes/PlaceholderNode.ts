/**
 * Template text the drafter has not replaced yet ("[Prénom Nom]"). It keeps the words the
 * template wrote; as soon as they change (typing over the selected placeholder, or editing
 * inside it) the placeholders plugin turns it into ordinary text. Text typed at either edge goes
 * beside it, not into it. Leftovers stay placeholders, and the checker reports them.
 */
import { $getState, $setState, TextNode, type DOMConversionOutput, type DOMExportOutput, type EditorConfig, type LexicalEditor, type LexicalNode } from 'lexical';
import { placeholderState } from './state';
import { ownConversion } from './dom';

export class PlaceholderNode extends TextNode {
  override $config() {
    return this.config('rk-placeholder', {
      extends: TextNode,
      stateConfigs: [placeholderState],
      importDOM: { span: ownConversion('placeholder', $convertPlaceholder) },
    });
  }

  /** The words as the template wrote them. */
  getOriginal(): string {
    return $getState(this, placeholderState);
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const el = super.createDOM(config, editor);
    el.classList.add('rk-placeholder');
    return el;
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const out = super.exportDOM(editor);
    let el = out.element;
    if (!(el instanceof HTMLElement) || el.nodeName !== 'SPAN') {
      const span = document.createElement('span');
      if (el) span.append(el);
      el = span;
    }
    el.setAttribute('data-rk', 'placeholder');
    el.setAttribute('data-rk-placeholder', this.getOriginal());
    el.setAttribute('data-rk-format', String(this.getFormat()));
    return { ...out, element: el };
  }

  override canInsertTextBefore(): boolean {
    return false;
  }

  override canInsertTextAfter(): boolean {
    return false;
  }

  override isTextEntity(): boolean {
    return false;
  }
}

function $convertPlaceholder(el: HTMLElement): DOMConversionOutput {
  const node = $createPlaceholderNode(el.textContent ?? '', el.getAttribute('data-rk-placeholder') ?? el.textContent ?? '');
  node.setFormat(Number(el.getAttribute('data-rk-format') ?? '0'));
  return { node, forChild: () => null };
}

export function $createPlaceholderNode(text: string, original: string = text): PlaceholderNode {
  return $setState(new PlaceholderNode(text), placeholderState, original);
}

export function $isPlaceholderNode(node: LexicalNode | null | undefined): node is PlaceholderNode {
  return node instanceof PlaceholderNode;
}
