/**
 * A signature block: the lines are generated from the signatories (people in the metadata), in
 * each language's order (French: title, then « (Signé) Nom »); the override holds the lines,
 * newline-separated, signatories apart by a blank line.
 */
import { DecoratorNode, $getState, $setState, type DOMConversionOutput, type LexicalNode } from 'lexical';
import { $convertGenerated, GeneratedBlockNode } from './GeneratedBlockNode';
import { ownConversion } from './dom';
import { newId } from './ids';
import { idState, overrideState, signatoriesState } from './state';

export class SignatureNode extends GeneratedBlockNode {
  readonly generatedKind = 'signature' as const;

  override $config() {
    return this.config('rk-signature', {
      extends: DecoratorNode,
      stateConfigs: [idState, overrideState, signatoriesState],
      importDOM: { div: ownConversion('signature', $convertSignature) },
    });
  }

  getSignatories(): string[] {
    return $getState(this, signatoriesState);
  }

  override exportDOM(editor: Parameters<GeneratedBlockNode['exportDOM']>[0]) {
    const out = super.exportDOM(editor);
    (out.element as HTMLElement).setAttribute('data-rk-signatories', this.getSignatories().join(' '));
    return out;
  }
}

function $convertSignature(el: HTMLElement): DOMConversionOutput {
  const signatories = (el.getAttribute('data-rk-signatories') ?? '').split(' ').filter((s) => s !== '');
  return $convertGenerated(el, (id) => $createSignatureNode(signatories, id));
}

export function $createSignatureNode(signatories: string[], id: string = newId.block()): SignatureNode {
  const node = $setState(new SignatureNode(), idState, id);
  return $setState(node, signatoriesState, signatories);
}

export function $isSignatureNode(node: LexicalNode | null | undefined): node is SignatureNode {
  return node instanceof SignatureNode;
}
