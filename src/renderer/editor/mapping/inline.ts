/**
 * Inline content, both ways: the model's runs (text with bold / italic / superscript, template
 * placeholders, cross-references, footnotes) ⇄ Lexical's inline nodes. A "\n" in a run is a line
 * break node, a "\t" a tab node; adjacent runs with the same marks are one run in the model.
 */
import { $createLineBreakNode, $createTabNode, $createTextNode, $getState, $isLineBreakNode, $isTabNode, $isTextNode, type LexicalNode, type TextFormatType } from 'lexical';
import type { FootnoteRun, Inline, Mark, TextRun } from '../../../core/model/schema';
import { $createPlaceholderNode, $isPlaceholderNode } from '../nodes/PlaceholderNode';
import { $createXrefNode, $isXrefNode } from '../nodes/XrefNode';
import { footnoteIdState, placeholderState } from '../nodes/state';

const MARKS: readonly Mark[] = ['bold', 'italic', 'superscript'];

function marksOf(node: { hasFormat(f: TextFormatType): boolean }): Mark[] {
  return MARKS.filter((m) => node.hasFormat(m));
}

function sameMarks(a: Mark[] | undefined, b: Mark[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((m, i) => m === y[i]);
}

function textRun(text: string, marks: Mark[], placeholder: boolean): TextRun {
  const run: TextRun = { type: 'text', text };
  if (marks.length > 0) run.marks = marks;
  if (placeholder) run.placeholder = true;
  return run;
}

/**
 * The model runs of a block's inline children. Footnote references become footnotes through
 * `footnote` (the mapping joins them to their notes); without it they are left out.
 */
export function $inlineContent(children: LexicalNode[], footnote?: (ref: LexicalNode) => FootnoteRun | null): Inline[] {
  const out: Inline[] = [];
  const pushText = (text: string, marks: Mark[], placeholder: boolean) => {
    const last = out[out.length - 1];
    if (!placeholder && last && last.type === 'text' && !last.placeholder && sameMarks(last.marks, marks)) {
      out[out.length - 1] = textRun(last.text + text, marks, false);
    } else out.push(textRun(text, marks, placeholder));
  };
  for (const child of children) {
    if ($isPlaceholderNode(child)) pushText(child.getTextContent(), marksOf(child), true);
    else if ($isTabNode(child)) pushText('\t', marksOf(child), false);
    else if ($isTextNode(child)) {
      if (child.getTextContent() !== '') pushText(child.getTextContent(), marksOf(child), false);
    } else if ($isLineBreakNode(child)) {
      const last = out[out.length - 1];
      pushText('\n', last && last.type === 'text' && !last.placeholder ? (last.marks ?? []) : [], false);
    } else if ($isXrefNode(child)) out.push({ type: 'xref', ...child.getXref() });
    else if (child.getType() === 'rk-footnote-ref' && footnote) {
      const run = footnote(child);
      if (run) out.push(run);
    }
  }
  return out;
}

/** Lexical inline nodes for model runs; footnotes through `footnote` (which also files the note). */
export function $createInlineNodes(content: readonly Inline[], footnote: (run: FootnoteRun) => LexicalNode | null): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const run of content) {
    if (run.type === 'xref') out.push($createXrefNode(run));
    else if (run.type === 'footnote') {
      const node = footnote(run);
      if (node) out.push(node);
    } else if (run.placeholder) {
      const node = $createPlaceholderNode(run.text);
      for (const m of run.marks ?? []) node.toggleFormat(m);
      out.push(node);
    } else {
      // Line breaks and tabs are nodes of their own in Lexical.
      const pieces = run.text.split(/(\n|\t)/);
      for (const piece of pieces) {
        if (piece === '') continue;
        if (piece === '\n') out.push($createLineBreakNode());
        else {
          const node = piece === '\t' ? $createTabNode() : $createTextNode(piece);
          for (const m of run.marks ?? []) node.toggleFormat(m);
          out.push(node);
        }
      }
    }
  }
  return out;
}

/** The footnote id a reference node carries. */
export function $footnoteIdOf(node: LexicalNode): string {
  return $getState(node, footnoteIdState);
}

/** The placeholder's template words. */
export function $placeholderOriginal(node: LexicalNode): string {
  return $getState(node, placeholderState);
}
