/**
 * Find and replace over the document's words, optionally ignoring case and accents (the
 * default: « securite » finds « sécurité »). A match may run across differently formatted
 * words of one block; it never crosses blocks. Matches are shown with the CSS Custom Highlight
 * API (no change to the document or its undo history); replacing is an ordinary edit.
 */
import { $createRangeSelection, $isTextNode, $setSelection, type LexicalEditor, type NodeKey, type TextNode } from 'lexical';
import { $allTextBlocks } from './blockCommands';

export type FindOptions = { matchCase: boolean; matchAccents: boolean };
export type Match = { start: { key: NodeKey; offset: number }; end: { key: NodeKey; offset: number } };

/** The folded form of a text (case and accents per the options), with each folded character's index in the original. */
export function fold(text: string, opts: FindOptions): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i]!;
    if (!opts.matchAccents) c = c.normalize('NFD').replace(/\p{M}/gu, '');
    if (!opts.matchCase) c = c.toLocaleLowerCase('fr');
    for (const ch of c) {
      folded += ch;
      origin.push(i);
    }
  }
  origin.push(text.length);
  return { folded, origin };
}

export function $findMatches(query: string, opts: FindOptions): Match[] {
  const q = fold(query, opts).folded;
  if (q === '') return [];
  const out: Match[] = [];
  for (const block of $allTextBlocks()) {
    const pieces: { node: TextNode; from: number }[] = [];
    let text = '';
    for (const child of block.getChildren()) {
      if (!$isTextNode(child)) {
        text += '\u0000';
        continue;
      }
      pieces.push({ node: child, from: text.length });
      text += child.getTextContent();
    }
    const { folded, origin } = fold(text, opts);
    const locate = (at: number, end: boolean) => {
      const piece = [...pieces].reverse().find((p) => (end ? p.from < at : p.from <= at)) ?? pieces[0]!;
      return { key: piece.node.getKey(), offset: at - piece.from };
    };
    for (let i = folded.indexOf(q); i >= 0; i = folded.indexOf(q, i + q.length)) {
      const start = origin[i]!;
      const end = origin[i + q.length]!;
      if (text.slice(start, end).includes('\u0000')) continue;
      out.push({ start: locate(start, false), end: locate(end, true) });
    }
  }
  return out;
}

/** Replaces one match (inside an update); placeholders replaced become ordinary text. */
export function $replaceMatch(m: Match, replacement: string): void {
  const selection = $createRangeSelection();
  selection.anchor.set(m.start.key, m.start.offset, 'text');
  selection.focus.set(m.end.key, m.end.offset, 'text');
  $setSelection(selection);
  selection.insertText(replacement);
}

/** Shows matches with CSS highlights (`rk-find`, and `rk-find-current` for the current one). */
export function highlightMatches(editor: LexicalEditor, matches: Match[], current: number): void {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightClass = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!registry || !HighlightClass) return;
  const range = (m: Match): Range | null => {
    const a = editor.getElementByKey(m.start.key)?.firstChild;
    const b = editor.getElementByKey(m.end.key)?.firstChild;
    if (!a || !b) return null;
    const r = document.createRange();
    try {
      r.setStart(a, m.start.offset);
      r.setEnd(b, m.end.offset);
    } catch {
      return null;
    }
    return r;
  };
  const all = matches.map(range).filter((r): r is Range => r !== null);
  registry.set('rk-find', new HighlightClass(...all));
  const cur = matches[current] ? range(matches[current]) : null;
  if (cur) registry.set('rk-find-current', new HighlightClass(cur));
  else registry.delete('rk-find-current');
}

export function clearHighlights(): void {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  registry?.delete('rk-find');
  registry?.delete('rk-find-current');
}

