/**
 * Footnotes at the foot of the page (never endnotes): Word footnotes, 9 pt, numbered by Word in
 * order of appearance, which is the order `numberDocument` numbers them in.
 */
import { Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Span } from '../../../core/render/spans';
import { inlineRuns, type InlineContext } from './inline';
import { S } from './styles';

export class Footnotes {
  readonly notes: Record<number, { children: Paragraph[] }> = {};
  private next = 1;
  private readonly ids = new Map<string, number>();

  /** Set once the inline context exists (footnote content can hold cross-references). */
  inline: InlineContext | undefined;
  /** With the changes from an older version marked: the runs of a footnote whose words changed, marked. */
  marked: ((id: string) => ParagraphChild[] | undefined) | undefined;

  readonly sink = (footnote: NonNullable<Span['footnote']>): number => {
    // by id and words: an old version's footnote (a deleted paragraph's) may share its id with the new one
    const key = `${footnote.id}\u0000${footnote.content.map((s) => s.text).join('')}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const id = this.next++;
    this.ids.set(key, id);
    const content = this.marked?.(footnote.id) ?? (this.inline ? inlineRuns(footnote.content, this.inline) : [new TextRun(footnote.content.map((s) => s.text).join(''))]);
    this.notes[id] = { children: [new Paragraph({ style: S.footnoteText, children: [new TextRun(' '), ...content] })] };
    return id;
  };
}
