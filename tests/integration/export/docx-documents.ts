/**
 * Test documents for the DOCX export tests, and what a rendering of them must show, computed
 * from the model (numberDocument / layoutDocument), never from our own XML.
 */
import type { Block, Lang, Meta, Part, RDocument } from '../../../src/core/model/schema';
import { DocumentBuilder, run, sequentialIds } from '../../../src/core/model/builder';
import { layoutDocument, type LayoutBlock } from '../../../src/core/render/layout';
import { type Span } from '../../../src/core/render/spans';

/** Sentences long enough to fill pages, so page furniture and breaks have something to do. */
const FILL: Record<Lang, string[]> = {
  en: [
    'The Working Group continued to promote triangular cooperation among the Security Council, troop- and police-contributing countries and the Secretariat.',
    'Members stressed that peacekeeping operations increasingly deploy in complex, hostile and volatile environments where mandates are harder to implement.',
    'Several delegations called for better information sharing, earlier consultations before mandate renewals and a more structured dialogue with host countries.',
  ],
  fr: [
    'Le Groupe de travail a continué de promouvoir la coopération triangulaire entre le Conseil de sécurité, les pays fournisseurs de contingents et le Secrétariat.',
    'Les membres ont souligné que les opérations de maintien de la paix se déploient de plus en plus souvent dans des environnements complexes, hostiles et volatiles.',
    'Plusieurs délégations ont demandé un meilleur partage de l’information, des consultations plus précoces et un dialogue plus structuré avec les pays hôtes.',
  ],
};

function filler(lang: Lang, n: number, lead: string): string {
  const s = FILL[lang];
  return [lead, ...Array.from({ length: n }, (_, i) => s[i % s.length]!)].join(' ');
}

const W: Record<Lang, Record<string, string>> = {
  en: {
    letter: 'I have the honour to transmit herewith the annual report of the Working Group.',
    title: 'Report of the Working Group on Peacekeeping Operations for 2024',
    intro: 'Introduction',
    work: 'Work of the Group',
    secA: 'Meetings with troop-contributing countries',
    secB: 'Meetings with regional organizations',
    themes: 'The Working Group considered the following themes:',
    themeA: 'Use of technology in peacekeeping',
    themeB: 'Partnerships with regional organizations',
    themeBi: 'Capacity-building of regional actors',
    themeBii: 'Financing of regional operations',
    plain: 'The Chair also drew attention to two further points:',
    plainA: 'Safety and security of peacekeepers',
    plainB: 'Protection of civilians',
    footnoted: 'The Working Group was established by a statement of the President of the Security Council',
    footnote: 'See S/PRST/2001/3, adopted at the 4270th meeting of the Council on 31 January 2001.',
    see: 'For the themes, see',
    and: '; for the meetings, see',
    annexMeetings: 'Meetings of the Working Group in 2024',
    annexNote: 'Note by the Chair on working methods',
    date: 'Date',
    speakers: 'Speakers',
    topic: 'Topic',
  },
  fr: {
    letter: "J'ai l'honneur de vous faire tenir ci-joint le rapport annuel du Groupe de travail.",
    title: 'Rapport du Groupe de travail sur les opérations de maintien de la paix pour 2024',
    intro: 'Introduction',
    work: 'Travaux du Groupe',
    secA: 'Réunions avec les pays fournisseurs de contingents',
    secB: 'Réunions avec les organisations régionales',
    themes: "Le Groupe de travail s'est penché sur les thèmes suivants :",
    themeA: 'Utilisation de la technologie dans le maintien de la paix',
    themeB: 'Partenariats avec les organisations régionales',
    themeBi: 'Renforcement des capacités des acteurs régionaux',
    themeBii: 'Financement des opérations régionales',
    plain: 'Le Président a également appelé l’attention sur deux autres points :',
    plainA: 'Sûreté et sécurité des soldats de la paix',
    plainB: 'Protection des civils',
    footnoted: 'Le Groupe de travail a été établi par une déclaration du Président du Conseil de sécurité',
    footnote: 'Voir S/PRST/2001/3, adoptée à la 4270e séance du Conseil, le 31 janvier 2001.',
    see: 'Pour les thèmes, voir',
    and: ' ; pour les réunions, voir',
    annexMeetings: 'Réunions du Groupe de travail en 2024',
    annexNote: 'Note du Président sur les méthodes de travail',
    date: 'Date',
    speakers: 'Intervenants',
    topic: 'Thème',
  },
};

export type FeatureDoc = {
  doc: RDocument;
  ids: { themeB: string; firstPara: string; thirdPara: string; annexII: string; footnotePara: string; tableAnnex: string };
  words: Record<string, string>;
  tableRows: number;
};

/**
 * A report of every kind of block the export handles: a two-signatory cover letter, chapters and
 * sections, numbered paragraphs with subparagraphs on two levels, lettered subparagraphs under an
 * unnumbered paragraph, a footnote, cross-references (paragraph, subparagraph, range, annex), an
 * annex with a long table (header repeated on every page), and an annex written in the other
 * language ("[Original: …]").
 */
export function featureDocument(lang: Lang): FeatureDoc {
  const w = W[lang];
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const meta: Meta = {
    kind: 'annual-report',
    originalLanguage: 'en',
    symbols: ['S/2024/100'],
    organs: ['SC'],
    distribution: 'general',
    issueDate: '2024-03-15',
    letterDate: '2024-03-14',
    jobNumber: '24-04321',
    sessions: [],
    sender: 'chair',
    addressees: [{ kind: 'president-security-council', gender: 'm' }],
    people: [
      { id: 'chair', name: 'Aminata Diallo', gender: 'f', role: { kind: 'permanent-representative', country: 'SEN' } },
      { id: 'deputy', name: 'Paul Martin', gender: 'm', role: { kind: 'deputy-permanent-representative', country: 'SEN' } },
    ],
  };
  const b = new DocumentBuilder(meta, lang, sequentialIds());
  const letter = b.part('letter');
  b.para(letter, w.letter!, false);
  b.closing(letter);
  b.signature(letter, ['chair', 'deputy']);

  const report = b.part('body', { bodyType: 'report', title: w.title! });
  b.heading(report, 'chapter', w.intro!);
  const firstPara = b.para(report, filler(lang, 2, `${w.intro} ${lang === 'fr' ? 'premier paragraphe.' : 'first paragraph.'}`));
  const footnotePara = b.para(report, [
    run(w.footnoted!),
    { type: 'footnote', id: 'fn1', content: [run(w.footnote!)] },
    run(`. ${filler(lang, 1, '')}`.replace(/\s+$/, '')),
  ]);
  const thirdPara = b.para(report, filler(lang, 3, lang === 'fr' ? 'Troisième paragraphe.' : 'Third paragraph.'));
  for (let i = 0; i < 4; i++) b.para(report, filler(lang, 3, `${lang === 'fr' ? 'Paragraphe de remplissage' : 'Filler paragraph'} ${i + 1}.`));
  b.heading(report, 'chapter', w.work!);
  b.heading(report, 'section', w.secA!);
  b.para(report, w.themes!);
  b.sub(report, 1, w.themeA!);
  const themeB = b.sub(report, 1, w.themeB!);
  b.sub(report, 2, w.themeBi!);
  b.sub(report, 2, w.themeBii!);
  b.para(report, w.plain!, false);
  b.sub(report, 1, w.plainA!);
  b.sub(report, 1, w.plainB!);
  b.heading(report, 'section', w.secB!);
  b.para(report, filler(lang, 2, lang === 'fr' ? 'Les organisations régionales ont été entendues.' : 'Regional organizations were heard.'));
  // Cross-references are filled in once the annexes exist.
  const xrefPara = b.para(report, w.see!);

  const annexI = b.part('annex', { owner: report, title: w.annexMeetings! });
  b.para(annexI, filler(lang, 1, lang === 'fr' ? 'Premier paragraphe de l’annexe I.' : 'First paragraph of annex I.'));
  b.para(annexI, filler(lang, 1, lang === 'fr' ? 'Deuxième paragraphe de l’annexe I.' : 'Second paragraph of annex I.'));
  const rows: string[][] = [[w.date!, w.speakers!, w.topic!]];
  const tableRows = 70;
  for (let i = 1; i <= tableRows; i++) rows.push([`${i} ${lang === 'fr' ? 'mars' : 'March'}`, `${lang === 'fr' ? 'Intervenant' : 'Speaker'} ${i}`, `${lang === 'fr' ? 'Thème de la réunion' : 'Theme of meeting'} ${i}`]);
  const table = b.table(annexI, rows);

  const annexII = b.part('annex', { owner: report, title: w.annexNote!, originalLanguage: other });
  b.para(annexII, filler(lang, 1, lang === 'fr' ? 'Premier paragraphe de l’annexe II.' : 'First paragraph of annex II.'));
  b.para(annexII, filler(lang, 1, lang === 'fr' ? 'Deuxième paragraphe de l’annexe II.' : 'Second paragraph of annex II.'));

  b.setText(xrefPara.id, [
    run(`${w.see} `),
    { type: 'xref', target: themeB.id, form: 'named' },
    run(` ${lang === 'fr' ? 'et' : 'and'} `),
    { type: 'xref', target: firstPara.id, form: 'range', to: thirdPara.id },
    run(w.and! + ' '),
    { type: 'xref', target: annexII.id, form: 'named' },
    run('.'),
  ]);
  void table;
  return {
    doc: b.doc,
    ids: { themeB: themeB.id, firstPara: firstPara.id, thirdPara: thirdPara.id, annexII: annexII.id, footnotePara: footnotePara.id, tableAnnex: annexI.id },
    words: w,
    tableRows,
  };
}

/** A joint General Assembly / Security Council letter, for the session columns of the masthead. */
export function jointLetter(lang: Lang): RDocument {
  const meta: Meta = {
    kind: 'letter',
    originalLanguage: 'en',
    symbols: ['A/64/866', 'S/2010/393'],
    organs: ['GA', 'SC'],
    distribution: 'general',
    issueDate: '2010-07-23',
    letterDate: '2010-07-22',
    sessions: [
      { organ: 'GA', session: 64, agendaItems: [{ number: 10, title: { fr: 'Rapport de la Commission de consolidation de la paix', en: 'Report of the Peacebuilding Commission' } }, { number: 33 }] },
      { organ: 'SC', year: 2010 },
    ],
    sender: 'pr',
    addressees: [{ kind: 'secretary-general', gender: 'm' }],
    people: [{ id: 'pr', name: 'José Filipe Moraes Cabral', gender: 'm', role: { kind: 'permanent-representative', country: 'PRT' } }],
  };
  const b = new DocumentBuilder(meta, lang, sequentialIds());
  const letter = b.part('letter');
  b.para(letter, lang === 'fr' ? 'La Mission permanente du Portugal a organisé un séminaire sur le maintien de la paix.' : 'The Permanent Mission of Portugal organized a seminar on peacekeeping.', false);
  b.closing(letter);
  b.signature(letter, ['pr']);
  return b.doc;
}

// ---------------------------------------------------------------------------------------------
// What the rendering must show

/** Whitespace and compatibility forms folded, as pdftotext text and layout text are compared. */
export function fold(s: string): string {
  return s.normalize('NFKC').replace(/[\u00a0\u202f\u2007\u2009\t ]+/g, ' ').replace(/[’‘]/g, "'");
}

/** The opening words of a block, up to the first superscript or note (rendered apart by pdftotext). */
function opening(spans: Span[], words = 3): string {
  let text = '';
  for (const s of spans) {
    if (s.superscript || s.footnote) break;
    text += s.text;
  }
  return fold(text).trim().split(' ').slice(0, words).join(' ');
}

export type Expected = { kind: 'title' | 'heading' | 'paragraph' | 'subparagraph' | 'bullet' | 'generated' | 'participant'; label: string; opening: string; partId: string };

/**
 * Every paragraph in reading order, with its number or label and its opening words: annex
 * headings and titles (of parts other than a letter, whose title the letterhead profile leaves
 * out), headings, numbered and unnumbered paragraphs, subparagraphs, bullets, generated text;
 * not what is inside tables.
 */
export function expectedParagraphs(doc: RDocument, lang: Lang): Expected[] {
  const layout = layoutDocument(doc, lang);
  const out: Expected[] = [];
  const add = (kind: Expected['kind'], label: string, spans: Span[], partId: string) => {
    const words = opening(spans);
    if (label !== '' || words !== '') out.push({ kind, label, opening: words, partId });
  };
  for (const part of layout.parts) {
    if (part.heading) add('title', '', part.heading, part.id);
    if (part.kind !== 'letter') add('title', '', part.title, part.id);
    const visit = (b: LayoutBlock) => {
      if (b.type === 'heading') add('heading', b.level === 'unnumbered' ? '' : (b.label ?? ''), b.spans, part.id);
      if (b.type === 'paragraph') add('paragraph', b.numbered ? (b.label ?? '') : '', b.spans, part.id);
      if (b.type === 'subparagraph') add('subparagraph', b.label, b.spans, part.id);
      if (b.type === 'bullet') add('bullet', b.level === 2 ? '–' : '•', b.spans, part.id);
      if (b.type === 'generated') add('generated', '', b.spans, part.id);
      if (b.type === 'participant') add('participant', '', b.spans, part.id);
      // Table cells are read column by column by pdftotext -layout: they are checked on their own.
      if (b.type === 'quote' || b.type === 'participants') b.blocks.forEach(visit);
    };
    part.blocks.forEach(visit);
  }
  return out;
}

/** Only the numbered ones (labels from the numbering engine). */
export function expectedNumbers(doc: RDocument, lang: Lang): Expected[] {
  return expectedParagraphs(doc, lang).filter((e) => /^(\(?[a-z]+[.)]|[0-9]+\.|[IVXLC]+\.|[A-Z]\.)$/.test(e.label) && e.kind !== 'bullet');
}

/**
 * Finds each expected "label opening words" in the rendered text, in order. Returns the first
 * one missing (with where the search stood), or undefined when all are there in order.
 */
export function missingInOrder(rendered: string, expected: Expected[]): { item: Expected; index: number; context: string } | undefined {
  const text = fold(rendered);
  let at = 0;
  for (const [index, item] of expected.entries()) {
    const needle = [item.label, item.opening].filter((x) => x !== '').join(' ');
    const found = text.indexOf(needle, at);
    if (found < 0) {
      const near = item.opening ? text.indexOf(item.opening, at) : -1;
      return { item, index, context: near >= 0 ? text.slice(Math.max(0, near - 80), near + 120) : `(not after position ${at}) ${text.slice(at, at + 200)}` };
    }
    at = found + needle.length;
  }
  return undefined;
}

export type { Block, Part };
