/**
 * The checker's rules on structure: subdivisions that stand alone (a section A without B, a
 * subparagraph a) without b)), numbered paragraphs in a letter or statement, broken
 * cross-references.
 */
import type { Block, Lang, Part, RDocument } from '../model/schema';
import { walkDocument } from '../model/walk';
import type { Numbering } from '../numbering/numbering';
import { brokenXrefs } from '../numbering/xref';
import type { Finding, Layer } from './findings';

/** "If there is an A there must be a B": sections per chapter, subsections per section, subparagraphs per run. */
export function checkSubdivisions(doc: RDocument, out: Finding[], n: Numbering): void {
  const visitPart = (part: Part) => {
    // Scopes: a section belongs to the chapter before it; a subsection to the section or chapter before it.
    let sections: Block[] = [];
    let subsections: Block[] = [];
    const closeSections = () => {
      if (sections.length === 1) {
        const b = sections[0]!;
        out.push({ severity: 'warning', code: 'section-without-b', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.ref ?? 'A' } });
      }
      sections = [];
    };
    const closeSubsections = () => {
      if (subsections.length === 1) {
        const b = subsections[0]!;
        out.push({ severity: 'warning', code: 'subsection-without-second', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.ref ?? '1' } });
      }
      subsections = [];
    };
    for (const block of part.blocks) {
      if (block.kind !== 'heading') continue;
      if (block.level === 'part' || block.level === 'chapter') {
        closeSubsections();
        closeSections();
      } else if (block.level === 'section') {
        closeSubsections();
        sections.push(block);
      } else if (block.level === 'subsection') {
        subsections.push(block);
      }
    }
    closeSubsections();
    closeSections();

    // Subparagraph runs: a level whose only member is labelled a) / (a) / i) … has no sibling.
    const runs = new Map<number, Block[]>();
    const flush = (fromLevel: number) => {
      for (const [level, members] of [...runs.entries()]) {
        if (level < fromLevel) continue;
        if (members.length === 1) {
          const b = members[0]!;
          out.push({ severity: 'warning', code: 'subparagraph-without-b', blockId: b.id, partId: part.id, params: { label: n.blocks.get(b.id)?.label ?? '' } });
        }
        runs.delete(level);
      }
    };
    const scan = (blocks: Block[]) => {
      for (const block of blocks) {
        if (block.kind === 'subparagraph') {
          flush(block.level + 1);
          const list = runs.get(block.level) ?? [];
          list.push(block);
          runs.set(block.level, list);
        } else if (block.kind === 'bullet' || block.kind === 'pageBreak') {
          continue;
        } else {
          flush(1);
          if (block.kind === 'quote' || block.kind === 'participants') {
            scan(block.blocks);
            flush(1);
          }
        }
      }
      flush(1);
    };
    scan(part.blocks);
  };
  walkDocument(doc, { part: (part) => visitPart(part) });
}

/** Letters and statements are not numbered paragraph by paragraph. */
export function checkNumberedInLetters(doc: RDocument, out: Finding[]): void {
  const numbered = new Map<Part, Block[]>();
  walkDocument(doc, {
    block: (b, ctx) => {
      // A table's cells are not the letter's paragraphs.
      if (b.kind !== 'paragraph' || !b.numbered || ctx.container?.kind === 'table') return;
      // Pushed in place: a copy of the list per paragraph made the check quadratic (20,000 ¶: 25 s).
      const list = numbered.get(ctx.part);
      if (list) list.push(b);
      else numbered.set(ctx.part, [b]);
    },
  });
  for (const [part, blocks] of numbered) {
    const isStatement = part.kind === 'body' && (part.bodyType === 'statement' || doc.meta.kind === 'presidential-statement');
    if (part.kind !== 'letter' && !isStatement) continue;
    out.push({
      severity: 'warning',
      code: part.kind === 'letter' ? 'numbered-paragraph-in-letter' : 'numbered-paragraph-in-statement',
      blockId: blocks[0]!.id,
      partId: part.id,
      params: { count: blocks.length },
    });
  }
}

/** Cross-references whose target is gone or carries no number. */
export function checkXrefs(doc: RDocument, lang: Lang, out: Finding[], { n }: Layer): void {
  for (const b of brokenXrefs(doc, n)) {
    out.push({
      severity: b.reason === 'missing' ? 'error' : 'warning',
      code: b.reason === 'missing' ? 'xref-target-missing' : 'xref-target-unnumbered',
      blockId: b.blockId,
      lang,
      params: { target: b.xref.target },
    });
  }
}
