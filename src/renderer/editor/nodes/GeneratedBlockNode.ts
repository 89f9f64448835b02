/**
 * Shared by the three blocks whose words are generated from the metadata (closing request,
 * statement opening, signature block): read-only on screen, their text written in by the labels
 * plugin, with an "edit this wording" override stored on the node (`closing:`, `opening:`,
 * `signature:` keys of the model's overrides) and a way back to the generated wording.
 */
import type { ReactNode } from 'react';
import { createElement } from 'react';
import { $getDocument, $getState, $setState, DecoratorNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor } from 'lexical';
import { element, refreshAttrs } from './dom';
import { idState, overrideState } from './state';
import { viewOf } from '../labels/view';
import { WordingControls } from '../components/WordingControls';

export type GeneratedKind = 'closing' | 'opening' | 'signature';

export abstract class GeneratedBlockNode extends DecoratorNode<ReactNode> {
  abstract readonly generatedKind: GeneratedKind;

  getBlockId(): string {
    return $getState(this, idState);
  }

  getOverride(): string | null {
    return $getState(this, overrideState);
  }

  setOverride(text: string | null): this {
    return $setState(this, overrideState, text);
  }

  override isInline(): false {
    return false;
  }

  override createDOM(): HTMLElement {
    const el = element('div', this.generatedKind, `rk-block rk-generated rk-${this.generatedKind}`, this.attrs());
    el.setAttribute('contenteditable', 'false');
    el.append(Object.assign($getDocument().createElement('div'), { className: 'rk-gen-text' }));
    return el;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = element('div', this.generatedKind, `rk-generated rk-${this.generatedKind}`, { ...this.attrs(), 'data-rk-override': this.getOverride() });
    el.textContent = viewOf(editor)?.generatedText(this.getKey()) ?? '';
    return { element: el };
  }

  override getTextContent(): string {
    return '';
  }

  override decorate(): ReactNode {
    return createElement(WordingControls, { nodeKey: this.getKey(), role: this.generatedKind });
  }

  private attrs() {
    return { 'data-block-id': $getState(this, idState, NODE_STATE_DIRECT) || null, 'data-overridden': $getState(this, overrideState, NODE_STATE_DIRECT) !== null ? 'true' : null };
  }
}

/** importDOM of a generated block: the node `create` makes from the copy's id, with the override it carried; its words are dropped (they are generated). */
export function $convertGenerated(el: HTMLElement, create: (id: string) => GeneratedBlockNode): DOMConversionOutput {
  const node = create(el.getAttribute('data-block-id') ?? '');
  const o = el.getAttribute('data-rk-override');
  if (o !== null) $setState(node, overrideState, o);
  return { node, forChild: () => null };
}
