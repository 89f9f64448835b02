/**
 * Copy and cut: the clipboard gets the selection as HTML (each node's exportDOM: the structure
 * for a paste back into the app, ordinary paragraphs, headings and tables for other programs,
 * with each block's label) and as plain text with the labels in it ("12. Le Groupe de travail…"),
 * as users pasting into an e-mail expect. Lexical's own JSON is not put on the clipboard: a
 * paste inside the app goes through the HTML too (one path, whatever the source).
 */
import { $getHtmlContent } from '@lexical/clipboard';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, COPY_COMMAND, CUT_COMMAND, mergeRegister, type LexicalEditor } from 'lexical';
import type { EditMode } from './keyboard';

const BLOCKS = new Set(['P', 'DIV', 'SECTION', 'ASIDE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'TR', 'TABLE', 'HR']);

/** Plain text of copied HTML: a line per block, cells apart by tabs, labels included. */
export function htmlToPlainText(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(html, 'text/html');
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      out += (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    if (el.nodeName === 'BR') {
      out += '\n';
      return;
    }
    if (el.nodeName === 'TD' || el.nodeName === 'TH') {
      if (el.previousElementSibling) out += '\t';
      for (const c of Array.from(el.childNodes)) walk(c);
      out = out.replace(/\n+$/, '');
      return;
    }
    const block = BLOCKS.has(el.nodeName);
    if (block && out !== '' && !out.endsWith('\n')) out += '\n';
    for (const c of Array.from(el.childNodes)) walk(c);
    if (block && out !== '' && !out.endsWith('\n')) out += '\n';
  };
  walk(doc.body);
  return out.replace(/\n{3,}/g, '\n\n').replace(/\n$/, '');
}

function put(editor: LexicalEditor, event: ClipboardEvent | KeyboardEvent | null): boolean {
  if (!event || !('clipboardData' in event) || !event.clipboardData) return false;
  const selection = $getSelection();
  if (!selection) return false;
  const html = $getHtmlContent(editor, selection);
  if (html === '') return false;
  event.preventDefault();
  event.clipboardData.setData('text/html', html);
  event.clipboardData.setData('text/plain', htmlToPlainText(html));
  return true;
}

export function registerClipboard(editor: LexicalEditor, mode: () => EditMode): () => void {
  return mergeRegister(
    editor.registerCommand(COPY_COMMAND, (event) => put(editor, event), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      CUT_COMMAND,
      (event) => {
        if (mode() === 'read') return put(editor, event);
        if (!put(editor, event)) return false;
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.removeText();
        else selection?.getNodes().forEach((n) => n.remove());
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}
