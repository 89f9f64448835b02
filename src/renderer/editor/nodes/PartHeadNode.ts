/**
 * The head of a part, read-only: the generated heading of an annex or enclosure (« Annexe I à la
 * lettre datée du … », "Enclosure"), the « [Original : anglais] » marker, and the generated
 * title of a letter or statement, all from the metadata and the numbering engine (the labels
 * plugin writes them in). "Edit this wording" stores the part's override; "Use the generated
 * wording" removes it. Every part has exactly one, first (the parts plugin puts it back if a
 * deletion took it away).
 */
import type { ReactNode } from 'react';
import { createElement } from 'react';
import { $getDocument, DecoratorNode, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode } from 'lexical';
import { element, ownConversion } from './dom';
import { viewOf } from '../labels/view';
import { WordingControls } from '../components/WordingControls';

/** Class names of the three lines, in order; the labels plugin fills them. */
export const PART_HEAD_LINES = ['rk-part-heading', 'rk-original-marker', 'rk-generated-title'] as const;

export class PartHeadNode extends DecoratorNode<ReactNode> {
  override $config() {
    return this.config('rk-part-head', {
      extends: DecoratorNode,
      importDOM: { div: ownConversion('partHead', $convertPartHead) },
    });
  }

  override isInline(): false {
    return false;
  }

  override isKeyboardSelectable(): boolean {
    return false;
  }

  override createDOM(): HTMLElement {
    const el = element('div', 'partHead', 'rk-part-head', { contenteditable: 'false' });
    for (const cls of PART_HEAD_LINES) el.append(Object.assign($getDocument().createElement('div'), { className: cls }));
    return el;
  }

  override updateDOM(): boolean {
    return false;
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = element('div', 'partHead', 'rk-part-head');
    const text = viewOf(editor)?.generatedText(this.getKey());
    if (text) el.textContent = text;
    return { element: el };
  }

  override getTextContent(): string {
    return '';
  }

  override decorate(): ReactNode {
    return createElement(WordingControls, { nodeKey: this.getKey(), role: 'part' });
  }
}

function $convertPartHead(): DOMConversionOutput {
  return { node: $createPartHeadNode(), forChild: () => null };
}

export function $createPartHeadNode(): PartHeadNode {
  return new PartHeadNode();
}

export function $isPartHeadNode(node: LexicalNode | null | undefined): node is PartHeadNode {
  return node instanceof PartHeadNode;
}
