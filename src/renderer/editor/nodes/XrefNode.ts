/**
 * A cross-reference in the text. It holds only its target (a block or part id), its form
 * (number "12 b)", named « paragraphe 12 b) », range « paragraphes 12 à 15 ») and the end of a
 * range; what it reads is the target's current label in the document's language, computed by
 * the core (`renderXref`) and written in by the labels plugin whenever the structure changes.
 * A target that is gone shows the visible broken marker (« [renvoi introuvable] »).
 */
import { $getState, $setState, DecoratorNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode } from 'lexical';
import type { XrefForm } from '../../../core/model/schema';
import { atom, element, ownConversion, refreshAttrs } from './dom';
import { xrefFormState, xrefTargetState, xrefToState } from './state';
import { $activeView, viewOf } from '../labels/view';

export type XrefInit = { target: string; form: XrefForm; to?: string | undefined };

export class XrefNode extends DecoratorNode<null> {
  override $config() {
    return this.config('rk-xref', {
      extends: DecoratorNode,
      stateConfigs: [xrefTargetState, xrefFormState, xrefToState],
      importDOM: { span: ownConversion('xref', $convertXref) },
    });
  }

  getXref(): XrefInit {
    const to = $getState(this, xrefToState);
    return { target: $getState(this, xrefTargetState), form: $getState(this, xrefFormState), ...(to !== null ? { to } : {}) };
  }

  override isInline(): true {
    return true;
  }

  override createDOM(): HTMLElement {
    return atom('span', 'xref', 'rk-xref', this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = element('span', 'xref', 'rk-xref', {
      'data-rk-target': this.getXref().target,
      'data-rk-form': this.getXref().form,
      'data-rk-to': this.getXref().to ?? null,
    });
    el.textContent = viewOf(editor)?.xrefOf(this.getKey())?.text ?? '';
    return { element: el };
  }

  /** What the reference reads now (for copied text, find, word counts). */
  override getTextContent(): string {
    return $activeView()?.xrefOf(this.getKey())?.text ?? '';
  }

  override decorate(): null {
    return null;
  }

  private attrs() {
    return { 'data-target': $getState(this, xrefTargetState, NODE_STATE_DIRECT), 'data-form': $getState(this, xrefFormState, NODE_STATE_DIRECT) };
  }
}

function $convertXref(el: HTMLElement): DOMConversionOutput {
  const form = el.getAttribute('data-rk-form');
  const node = $createXrefNode({
    target: el.getAttribute('data-rk-target') ?? '',
    form: form === 'number' || form === 'range' ? form : 'named',
    to: el.getAttribute('data-rk-to') ?? undefined,
  });
  return { node, forChild: () => null };
}

export function $createXrefNode(x: XrefInit): XrefNode {
  const node = new XrefNode();
  $setState(node, xrefTargetState, x.target);
  $setState(node, xrefFormState, x.form);
  if (x.to !== undefined) $setState(node, xrefToState, x.to);
  return node;
}

export function $isXrefNode(node: LexicalNode | null | undefined): node is XrefNode {
  return node instanceof XrefNode;
}

