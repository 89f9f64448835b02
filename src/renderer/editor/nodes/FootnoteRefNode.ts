/**
 * A footnote's reference in the text (its number is a label from the numbering engine). The
 * note's words are a footnote node in the part's footnote area, with the same footnote id.
 * Copied out of the editor, the reference carries its note's content, so that pasting it
 * elsewhere brings the note along (under a fresh id).
 */
import { $getState, $setState, DecoratorNode, NODE_STATE_DIRECT, type DOMConversionOutput, type DOMExportOutput, type LexicalEditor, type LexicalNode } from 'lexical';
import type { Inline } from '../../../core/model/schema';
import { atom, element, ownConversion, refreshAttrs } from './dom';
import { footnoteIdState, pendingNoteState } from './state';
import { $activeView, viewOf } from '../labels/view';
import { $noteContent } from './footnotes';

export class FootnoteRefNode extends DecoratorNode<null> {
  override $config() {
    return this.config('rk-footnote-ref', {
      extends: DecoratorNode,
      stateConfigs: [footnoteIdState, pendingNoteState],
      importDOM: { sup: ownConversion('footnoteRef', $convertFootnoteRef) },
    });
  }

  getFootnoteId(): string {
    return $getState(this, footnoteIdState);
  }

  setFootnoteId(id: string): this {
    return $setState(this, footnoteIdState, id);
  }

  override isInline(): true {
    return true;
  }

  override createDOM(): HTMLElement {
    return atom('sup', 'footnoteRef', 'rk-footnote-ref', this.attrs());
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    return refreshAttrs(dom, this.attrs());
  }

  override exportDOM(editor: LexicalEditor): DOMExportOutput {
    const el = element('sup', 'footnoteRef', 'rk-footnote-ref', this.attrs());
    el.textContent = viewOf(editor)?.labelOf(this.getKey()) ?? '';
    const content = $noteContent(this) ?? $getState(this, pendingNoteState);
    if (content) el.setAttribute('data-rk-note', JSON.stringify(content));
    return { element: el };
  }

  override getTextContent(): string {
    return $activeView()?.labelOf(this.getKey()) ?? '';
  }

  override decorate(): null {
    return null;
  }

  private attrs() {
    return { 'data-footnote-id': $getState(this, footnoteIdState, NODE_STATE_DIRECT) || null };
  }
}

function $convertFootnoteRef(el: HTMLElement): DOMConversionOutput {
  const node = $createFootnoteRefNode(el.getAttribute('data-footnote-id') ?? '');
  const note = el.getAttribute('data-rk-note');
  if (note !== null) {
    try {
      const parsed = JSON.parse(note) as unknown;
      if (Array.isArray(parsed)) $setState(node, pendingNoteState, parsed as Inline[]);
    } catch {
      // A damaged attribute: the reference comes without its words (the note stays empty).
    }
  }
  return { node, forChild: () => null };
}

export function $createFootnoteRefNode(id: string): FootnoteRefNode {
  return $setState(new FootnoteRefNode(), footnoteIdState, id);
}

export function $isFootnoteRefNode(node: LexicalNode | null | undefined): node is FootnoteRefNode {
  return node instanceof FootnoteRefNode;
}
