/**
 * Cross-references as Word REF fields to bookmarks.
 *
 * The layout gives each cross-reference its text ("paragraphe 12 b)", "annex II") and its
 * target. Here the numbers inside that text become REF fields, one per number, pointing at a
 * hidden bookmark (`_Ref…`, as Word names its own) in the paragraph that carries that number:
 * `REF _Ref… \n \h` shows the paragraph's own Word number ("12", "b)") without trailing period,
 * so after the Secretariat inserts a paragraph in Word, updating fields gives the new numbers.
 * Numbers Word does not own (typed labels, annex headings) get a bookmark around the typed
 * number and a plain `REF … \h`. The result shown before any update is the layout's own text.
 *
 * A reference whose numbers cannot be located in its text, or whose target is broken, stays
 * plain text: never a field that could show something else than the layout.
 */
import { BookmarkEnd, BookmarkStart, TextRun, type ParagraphChild } from 'docx';
import type { Layout } from '../../../core/render/layout';
import type { Span } from '../../../core/render/spans';
import { blockSpans, eachLayoutBlock } from '../../../core/render/traverse';
import type { ChainLink, NumberingPlan } from './numbering';
import { complexField } from './fields';

type Piece = { text: string } | { link: ChainLink; field: 'number' | 'text' };

/** Finds `token` in `text` from `from`, not inside a longer word or number. */
export function findToken(text: string, token: string, from: number): number {
  if (token === '') return -1;
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let i = text.indexOf(token, from); i >= 0; i = text.indexOf(token, i + 1)) {
    const before = text[i - 1];
    const after = text[i + token.length];
    const startsWord = isWord(token[0]);
    const endsWord = isWord(token[token.length - 1]);
    if ((startsWord && isWord(before)) || (endsWord && isWord(after))) continue;
    return i;
  }
  return -1;
}

export class CrossReferences {
  private readonly names = new Map<string, string>();
  private readonly ids = new Map<string, number>();
  private nextId = 1;
  /** Layout xref spans that stay plain text, for warnings. */
  readonly unresolved: Span[] = [];

  constructor(
    private readonly layout: Layout,
    private readonly plan: NumberingPlan,
  ) {
    // Bookmarks are named in reading order, for every number a cross-reference shows.
    const scan = (spans: Span[]) => {
      for (const span of spans) {
        if (span.footnote) scan(span.footnote.content);
        if (!span.xref) continue;
        this.want(span.xref.target);
        if (span.xref.to !== undefined) this.want(span.xref.to);
        const targetPart = layout.numbering.blocks.get(span.xref.target)?.partId;
        if (targetPart !== undefined) this.want(targetPart);
      }
    };
    for (const part of layout.parts) {
      scan(part.title);
      eachLayoutBlock(part.blocks, (b) => blockSpans(b).forEach(scan));
    }
  }

  /** The links whose numbers make up a target's reference. */
  private chain(target: string): ChainLink[] | undefined {
    const block = this.plan.chains.get(target);
    if (block) return block;
    const part = this.layout.numbering.parts.get(target);
    if (part && part.ref !== '') return [{ id: target, token: part.ref }];
    return undefined;
  }

  private want(target: string): void {
    for (const link of this.chain(target) ?? []) {
      if (!this.names.has(link.id)) {
        const id = this.nextId++;
        this.ids.set(link.id, id);
        this.names.set(link.id, `_Ref${String(100_000_000 + id)}`);
      }
    }
  }

  /** The bookmark a block or part carries, if anything refers to it. */
  bookmark(id: string): { name: string; id: number } | undefined {
    const name = this.names.get(id);
    return name === undefined ? undefined : { name, id: this.ids.get(id)! };
  }

  /** Wraps `children` in the block's bookmark, when it has one. */
  wrap(id: string, children: ParagraphChild[]): ParagraphChild[] {
    const b = this.bookmark(id);
    if (!b) return children;
    return [new BookmarkStart(b.name, b.id) as unknown as ParagraphChild, ...children, new BookmarkEnd(b.id) as unknown as ParagraphChild];
  }

  /**
   * Text in which `token` (a typed number: "12" in "12.", "II" in "Annexe II à la lettre…") is
   * wrapped in block `id`'s bookmark; plain runs when nothing refers to it or it is not there.
   */
  wrapToken(id: string, text: string, token: string, run: (t: string) => TextRun): ParagraphChild[] {
    const b = this.bookmark(id);
    const at = b ? findToken(text, token, 0) : -1;
    if (!b || at < 0) return text === '' ? [] : [run(text)];
    const out: ParagraphChild[] = [];
    if (at > 0) out.push(run(text.slice(0, at)));
    out.push(new BookmarkStart(b.name, b.id) as unknown as ParagraphChild, run(token), new BookmarkEnd(b.id) as unknown as ParagraphChild);
    if (at + token.length < text.length) out.push(run(text.slice(at + token.length)));
    return out;
  }

  /**
   * Spans in which `token` (the typed number of an annex heading: "II" in "Annexe II à la
   * lettre…") is wrapped in part `id`'s bookmark; `runs` writes the spans on either side.
   */
  wrapTokenInSpans(id: string, spans: Span[], token: string, runs: (spans: Span[]) => ParagraphChild[]): ParagraphChild[] {
    const b = this.bookmark(id);
    const i = b ? spans.findIndex((s) => !s.footnote && !s.xref && findToken(s.text, token, 0) >= 0) : -1;
    if (!b || i < 0) return runs(spans);
    const span = spans[i]!;
    const at = findToken(span.text, token, 0);
    const before = span.text.slice(0, at);
    const after = span.text.slice(at + token.length);
    return [
      ...runs([...spans.slice(0, i), ...(before ? [{ ...span, text: before }] : [])]),
      new BookmarkStart(b.name, b.id) as unknown as ParagraphChild,
      ...runs([{ ...span, text: token }]),
      new BookmarkEnd(b.id) as unknown as ParagraphChild,
      ...runs([...(after ? [{ ...span, text: after }] : []), ...spans.slice(i + 1)]),
    ];
  }

  /** The runs of one cross-reference span. */
  runs(span: Span, plain: (t: string) => TextRun): ParagraphChild[] {
    const x = span.xref!;
    if (x.broken) return [plain(span.text)];
    const links = [...(this.chain(x.target) ?? [])];
    if (links.length === 0) {
      this.unresolved.push(span);
      return [plain(span.text)];
    }
    if (x.to !== undefined) links.push(...(this.chain(x.to) ?? []));
    // "… de l'annexe I" / "… of annex I": a reference into another annex names it.
    const targetPart = this.layout.numbering.blocks.get(x.target)?.partId;
    const qualifier = targetPart !== undefined ? this.chain(targetPart) : undefined;

    const pieces: Piece[] = [];
    let cursor = 0;
    for (const link of links) {
      const at = findToken(span.text, link.token, cursor);
      if (at < 0) {
        this.unresolved.push(span);
        return [plain(span.text)];
      }
      if (at > cursor) pieces.push({ text: span.text.slice(cursor, at) });
      pieces.push({ link, field: this.plan.blocks.get(link.id)?.kind === 'word' ? 'number' : 'text' });
      cursor = at + link.token.length;
    }
    if (qualifier && qualifier.length === 1 && span.text.endsWith(` ${qualifier[0]!.token}`) && span.text.length - qualifier[0]!.token.length > cursor) {
      const at = span.text.length - qualifier[0]!.token.length;
      pieces.push({ text: span.text.slice(cursor, at) }, { link: qualifier[0]!, field: 'text' });
      cursor = span.text.length;
    }
    if (cursor < span.text.length) pieces.push({ text: span.text.slice(cursor) });

    const out: ParagraphChild[] = [];
    for (const p of pieces) {
      if ('text' in p) {
        out.push(plain(p.text));
        continue;
      }
      const b = this.bookmark(p.link.id);
      if (!b) {
        out.push(plain(p.link.token));
        continue;
      }
      const instruction = p.field === 'number' ? `REF ${b.name} \\n \\h` : `REF ${b.name} \\h`;
      out.push(...(complexField(instruction, p.link.token) as unknown as ParagraphChild[]));
    }
    return out;
  }
}
