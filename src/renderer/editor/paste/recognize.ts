/**
 * Pasted text and HTML → model blocks, through the core recogniser the importer uses (in its
 * fragment mode): typed numbers ("12.", "a)", "(i)", "II.", "A.") become structure and are
 * dropped from the words, as on import. Pure (no Lexical, no DOM for text), so a worker can run
 * it for a very large paste.
 */
import type { Block, Inline, Lang, TextLayer } from '../../../core/model/schema';
import { randomIds } from '../../../core/model/builder';
import { importSource, importText } from '../../../core/import/index';
import type { HandedOver } from '../../../core/import/source';

export type Fragment = { blocks: Block[]; text: TextLayer; lang: Lang };

function fragmentOf(result: ReturnType<typeof importText>, lang: Lang): Fragment {
  const { doc } = result;
  const blocks = doc.parts.flatMap((p) => p.blocks);
  const layer = doc.text[lang] ?? {};
  // Footnote ids from the recogniser count from fn1 in every paste: make them unique.
  const text: TextLayer = {};
  const partIds = new Set(doc.parts.map((p) => p.id));
  for (const [id, t] of Object.entries(layer)) {
    if (partIds.has(id)) continue;
    text[id] = { ...t, content: t.content.map((r: Inline) => (r.type === 'footnote' ? { ...r, id: randomIds('fn') } : r)) };
  }
  // A title the recogniser may have kept on the part (it should not in a fragment) is a paragraph.
  for (const part of doc.parts) {
    const title = layer[part.id];
    if (title) {
      const id = randomIds('b');
      blocks.unshift({ id, kind: 'paragraph', numbered: false });
      text[id] = title;
    }
  }
  return { blocks, text, lang };
}

export function recognizeText(text: string, lang: Lang): Fragment {
  return fragmentOf(importText(text, { lang, fragment: true, ids: randomIds }), lang);
}

export function recognizeSource(source: HandedOver, lang: Lang): Fragment {
  return fragmentOf(importSource(source, { lang, fragment: true, ids: randomIds }), lang);
}
