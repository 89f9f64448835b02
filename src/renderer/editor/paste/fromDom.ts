/**
 * HTML written by this editor (copy, cut, drag) back into nodes, through each node's importDOM.
 * Lexical's HTML import wraps anything that is not an element node in a paragraph, block
 * decorators included (a closing request, a signature, a part head): those wrappers are undone
 * here, so the structure comes back as it was copied.
 */
import { $generateNodesFromDOM } from '@lexical/html';
import { $isDecoratorNode, $isElementNode, type LexicalEditor, type LexicalNode } from 'lexical';
import { $isParagraphBlockNode } from '../nodes/ParagraphBlockNode';

function isBlockDecorator(node: LexicalNode): boolean {
  return $isDecoratorNode(node) && !node.isInline();
}

function $unwrap(nodes: LexicalNode[]): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const node of nodes) {
    if ($isParagraphBlockNode(node)) {
      const kids = node.getChildren();
      if (kids.length > 0 && kids.every(isBlockDecorator)) {
        out.push(...kids);
        continue;
      }
    }
    if ($isElementNode(node) && !node.isInline()) {
      const kids = node.getChildren();
      const fixed = $unwrap(kids);
      if (fixed.length !== kids.length || fixed.some((k, i) => k !== kids[i])) {
        node.clear();
        node.append(...fixed);
      }
    }
    out.push(node);
  }
  return out;
}

export function $nodesFromEditorHtml(editor: LexicalEditor, dom: Document): LexicalNode[] {
  return $unwrap($generateNodesFromDOM(editor, dom));
}
