/**
 * Test documents for the store: valid RDocuments with N numbered paragraphs in French and
 * English, built with the core builder. Deterministic for a given seed, so tests and benches can
 * rebuild the same document and search for words they know are (or are not) in it.
 */
import type { DocumentKind, Lang, Meta, RDocument } from '../../../src/core/model/schema';
import { DocumentBuilder, sequentialIds } from '../../../src/core/model/builder';

// Filler vocabulary. Tests plant other words (sécurité, élections, désarmement…) and search for them,
// so none of those may appear here.
const FR_WORDS = [
  'coordination', 'paix', 'coopération', 'développement', 'réunion', 'débat', 'résolution', 'mandat', 'rapport',
  'délégation', 'représentant', 'préoccupation', 'protection', 'civils', 'enfants', 'conflit', 'armé', 'région',
  'stabilité', 'évaluation', 'réforme', 'présidence', 'groupe', 'travail', 'thème', 'intervenants', 'conclusions',
  'recommandations', 'séance', 'Conseil', 'Assemblée', 'générale', 'Secrétariat', 'opérations', 'maintien', 'été',
];
const EN_WORDS = [
  'coordination', 'peace', 'cooperation', 'development', 'meeting', 'debate', 'resolution', 'mandate', 'report',
  'delegation', 'representative', 'concern', 'protection', 'civilians', 'children', 'conflict', 'armed', 'region',
  'stability', 'assessment', 'reform', 'presidency', 'group', 'working', 'theme', 'speakers', 'conclusions',
  'recommendations', 'session', 'Council', 'Assembly', 'General', 'Secretariat', 'operations', 'peacekeeping', 'summer',
];

/** Small deterministic PRNG (mulberry32), so a seed always gives the same words. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(words: string[], rnd: () => number, length: number): string {
  const out: string[] = [];
  for (let i = 0; i < length; i++) out.push(words[Math.floor(rnd() * words.length)]!);
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

export type TestDocOptions = {
  paragraphs?: number;
  kind?: DocumentKind;
  originalLanguage?: Lang;
  /** Languages that get text (default both). */
  languages?: Lang[];
  title?: { fr?: string; en?: string };
  /** Extra words appended to paragraph 1 in each language (to plant searchable words). */
  plant?: { fr?: string; en?: string };
  symbols?: string[];
  /** Seed of the filler words (default 1). */
  seed?: number;
  /** Words per paragraph (default 30). */
  words?: number;
};

/** A valid document: a body part with a title, a chapter heading and N numbered paragraphs in fr and en. */
export function makeDocument(opts: TestDocOptions = {}): RDocument {
  const n = opts.paragraphs ?? 5;
  const langs = opts.languages ?? ['fr', 'en'];
  const original = opts.originalLanguage ?? langs[0] ?? 'fr';
  const meta: Meta = {
    kind: opts.kind ?? 'annual-report',
    originalLanguage: original,
    symbols: opts.symbols ?? [],
    organs: ['SC'],
    distribution: 'general',
    sessions: [],
    addressees: [],
    people: [],
  };
  const b = new DocumentBuilder(meta, original, sequentialIds());
  const body = b.part('body', { bodyType: 'report' });
  const heading = b.heading(body, 'chapter', '');
  const paras = [] as string[];
  for (let i = 0; i < n; i++) paras.push(b.para(body, '').id);
  const doc = b.doc;
  doc.text = {};
  for (const lang of langs) {
    const rnd = prng((opts.seed ?? 1) * 7919 + (lang === 'fr' ? 1 : 2));
    const words = lang === 'fr' ? FR_WORDS : EN_WORDS;
    const layer: NonNullable<RDocument['text']['fr']> = {};
    const title = opts.title?.[lang] ?? (lang === 'fr' ? `Rapport d’essai numéro ${opts.seed ?? 1}` : `Test report number ${opts.seed ?? 1}`);
    layer[body.id] = { content: [{ type: 'text', text: title }] };
    layer[heading.id] = { content: [{ type: 'text', text: lang === 'fr' ? 'Introduction et mandat' : 'Introduction and mandate' }] };
    paras.forEach((id, i) => {
      let text = `${lang === 'fr' ? 'Paragraphe' : 'Paragraph'} ${i + 1}. ${sentence(words, rnd, opts.words ?? 30)}`;
      if (i === 0 && opts.plant?.[lang]) text += ` ${opts.plant[lang]}`;
      layer[id] = { content: [{ type: 'text', text }] };
    });
    doc.text[lang] = layer;
  }
  return doc;
}

/** A copy of `doc` with paragraph `index` (0-based among numbered paragraphs) rewritten in `lang`. */
export function editParagraph(doc: RDocument, index: number, text: string, lang: Lang = doc.meta.originalLanguage): RDocument {
  const copy = structuredClone(doc);
  const body = copy.parts[0]!;
  const paras = body.blocks.filter((x) => x.kind === 'paragraph');
  const target = paras[index];
  if (!target) throw new Error(`no paragraph ${index}`);
  (copy.text[lang] ??= {})[target.id] = { content: [{ type: 'text', text }] };
  return copy;
}
