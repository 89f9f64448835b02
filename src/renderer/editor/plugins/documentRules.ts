/** Placeholder, written next. */
import type { LexicalEditor } from 'lexical';
export function registerDocumentRules(_editor: LexicalEditor): () => void {
  return () => {};
}
