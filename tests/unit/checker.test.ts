/**
 * The pre-submission checker: every rule has a case that must fire and a clean case that must
 * not. Documents are built with DocumentBuilder (or come from the templates and the seed
 * fixtures), so the rules are tested on the real model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { checkDocument, FINDING_CODES, hasErrors, WORD_LIMITS, type Finding, type FindingCode } from '../../src/core/checker';
import { DocumentBuilder, placeholder, sequentialIds } from '../../src/core/model/builder';
import type { Block, Lang, Meta, Part, RDocument } from '../../src/core/model/schema';
import { createFromTemplate, TEMPLATE_KINDS } from '../../src/core/templates';
import { seed000, seed004 } from '../fixtures/seeds';

const ROOT = join(__dirname, '..', '..');

function meta(over: Partial<Meta> = {}): Meta {
  return {
    kind: 'debate-summary',
    originalLanguage: 'fr',
    symbols: ['S/2019/836'],
    organs: ['SC'],
    distribution: 'general',
    issueDate: '2019-10-23',
    letterDate: '2019-10-08',
    sessions: [],
    sender: 'duclos',
    addressees: [{ kind: 'president-security-council', gender: 'm' }],
    people: [{ id: 'duclos', name: 'Paul Duclos', gender: 'm', role: { kind: 'charge-d-affaires', country: 'PER' } }],
    ...over,
  };
}

type Built = { doc: RDocument; b: DocumentBuilder; letter: Part; annex: Part; paras: Block[] };

/** A letter and its annex (a debate summary) that passes every rule. */
function cleanLetter(lang: Lang = 'fr', over: Partial<Meta> = {}): Built {
  const b = new DocumentBuilder(meta({ originalLanguage: lang, ...over }), lang, sequentialIds());
  const letter = b.part('letter');
  b.para(
    letter,
    lang === 'fr'
      ? 'J’ai l’honneur de vous faire tenir ci-joint le résumé du débat sur le thème « Opérations de maintien de la paix » (voir annexe), tenu le 10 juillet 2019.'
      : 'I have the honour to transmit herewith the summary of the debate on “Peacekeeping operations” (see annex), held on 10 July 2019.',
    false,
  );
  b.closing(letter);
  b.signature(letter, ['duclos']);
  const annex = b.part('annex', { owner: letter, title: lang === 'fr' ? 'Résumé du débat' : 'Summary of the debate' });
  const paras = [
    b.para(annex, lang === 'fr' ? 'Le 10 juillet 2019, les membres du Conseil ont participé à un débat.' : 'On 10 July 2019, the members of the Council held a debate.'),
    b.para(annex, lang === 'fr' ? 'Plusieurs pays ont souligné les points suivants :' : 'Several countries stressed the following:'),
  ];
  b.sub(annex, 1, lang === 'fr' ? 'la coopération triangulaire ;' : 'triangular cooperation;');
  b.sub(annex, 1, lang === 'fr' ? 'la protection des civils.' : 'the protection of civilians.');
  return { doc: b.doc, b, letter, annex, paras };
}

const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (fs: Finding[], code: FindingCode) => fs.filter((f) => f.code === code);

describe('a clean document', () => {
  it('gives no finding at all, in French and in English', () => {
    expect(checkDocument(cleanLetter('fr').doc)).toEqual([]);
    expect(checkDocument(cleanLetter('en').doc)).toEqual([]);
  });

  it('a French version of an English original (French text only) has no empty block, only a note', () => {
    const c = cleanLetter('fr', { originalLanguage: 'en' });
    expect(checkDocument(c.doc)).toEqual([{ severity: 'info', code: 'original-text-absent', lang: 'en', params: { original: 'en' } }]);
  });

  it('seed 004 rebuilt (a real letter) has no error', () => {
    const findings = checkDocument(seed004().doc);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('section A without B', () => {
  function report(sections: number): RDocument {
    const b = new DocumentBuilder(meta({ kind: 'annual-report' }), 'fr', sequentialIds());
    const body = b.part('body', { bodyType: 'report', title: 'Rapport' });
    b.heading(body, 'chapter', 'Réunions');
    for (let i = 0; i < sections; i++) {
      b.heading(body, 'section', `Réunion ${i + 1}`);
      b.para(body, 'Le Groupe de travail s’est réuni.');
    }
    b.heading(body, 'chapter', 'Conclusions');
    b.para(body, 'Le Groupe conclut.');
    return b.doc;
  }
  it('fires for a lone section A, at that heading', () => {
    const doc = report(1);
    const f = only(checkDocument(doc), 'section-without-b');
    expect(f).toHaveLength(1);
    expect(f[0]!.params.label).toBe('A');
    expect(f[0]!.blockId).toBe((doc.parts[0]!.blocks[1] as Block).id);
  });
  it('does not fire for sections A and B', () => {
    expect(only(checkDocument(report(2)), 'section-without-b')).toEqual([]);
  });
  it('judges each chapter on its own', () => {
    const b = new DocumentBuilder(meta(), 'fr', sequentialIds());
    const body = b.part('body', { bodyType: 'report' });
    b.heading(body, 'chapter', 'Un');
    b.heading(body, 'section', 'A seule');
    b.heading(body, 'chapter', 'Deux');
    b.heading(body, 'section', 'A');
    b.heading(body, 'section', 'B');
    expect(only(checkDocument(b.doc), 'section-without-b')).toHaveLength(1);
  });
  it('finds a lone subsection and a lone subparagraph a)', () => {
    const b = new DocumentBuilder(meta(), 'fr', sequentialIds());
    const body = b.part('body', { bodyType: 'report' });
    b.heading(body, 'subsection', 'Seule');
    b.para(body, 'Les thèmes suivants :');
    b.sub(body, 1, 'un seul thème.');
    b.para(body, 'Les thèmes suivants :');
    b.sub(body, 1, 'premier;');
    b.sub(body, 1, 'second.');
    const f = checkDocument(b.doc);
    expect(only(f, 'subsection-without-second')).toHaveLength(1);
    const subs = only(f, 'subparagraph-without-b');
    expect(subs).toHaveLength(1);
    expect(subs[0]!.params.label).toBe('a)');
  });
});

describe('numbered paragraphs in a letter or a statement', () => {
  it('fires for a numbered paragraph in a letter', () => {
    const { doc, b, letter } = cleanLetter();
    b.para(letter, 'Un paragraphe numéroté par erreur.', true);
    const f = only(checkDocument(doc), 'numbered-paragraph-in-letter');
    expect(f).toHaveLength(1);
    expect(f[0]!.params.count).toBe(1);
    expect(f[0]!.partId).toBe(letter.id);
  });
  it('does not fire for the numbered paragraphs of the annex', () => {
    expect(only(checkDocument(cleanLetter().doc), 'numbered-paragraph-in-letter')).toEqual([]);
  });
  it('fires for a numbered paragraph inside a statement’s quotation, not for unnumbered ones', () => {
    const build = (numbered: boolean) => {
      const b = new DocumentBuilder(
        meta({ kind: 'presidential-statement', meeting: { number: 8838, date: '2021-08-18', item: { fr: 'Opérations de maintien de la paix' }, presidentGender: 'm' } }),
        'fr',
        sequentialIds(),
      );
      const body = b.part('body', { bodyType: 'statement' });
      b.opening(body);
      const q = b.quote(body);
      b.para(q, 'Le Conseil de sécurité rappelle ses résolutions.', numbered);
      return b.doc;
    };
    expect(codes(checkDocument(build(true)))).toContain('numbered-paragraph-in-statement');
    expect(codes(checkDocument(build(false)))).not.toContain('numbered-paragraph-in-statement');
  });
});

describe('cross-references', () => {
  it('reports a reference whose target is gone as an error, at the citing block', () => {
    const { doc, paras } = cleanLetter();
    const citing = paras[1]!;
    doc.text.fr![citing.id] = { content: [{ type: 'text', text: 'Voir ' }, { type: 'xref', target: 'gone', form: 'named' }, { type: 'text', text: '.' }] };
    const f = only(checkDocument(doc), 'xref-target-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', blockId: citing.id, params: { target: 'gone' } });
  });
  it('accepts a reference to an existing paragraph, and warns about one to an unnumbered block', () => {
    const { doc, paras, letter } = cleanLetter();
    doc.text.fr![paras[1]!.id] = { content: [{ type: 'text', text: 'Voir ' }, { type: 'xref', target: paras[0]!.id, form: 'named' }, { type: 'text', text: '.' }] };
    expect(codes(checkDocument(doc)).filter((c) => c.startsWith('xref'))).toEqual([]);
    const unnumbered = letter.blocks[0]!.id;
    doc.text.fr![paras[1]!.id] = { content: [{ type: 'text', text: 'Voir ' }, { type: 'xref', target: unnumbered, form: 'named' }, { type: 'text', text: '.' }] };
    expect(codes(checkDocument(doc))).toContain('xref-target-unnumbered');
  });
});

describe('a document with no text, a symbol with a space, the Council’s year', () => {
  it('no text in any language is an error', () => {
    const { doc } = cleanLetter('fr');
    doc.text = {};
    expect(only(checkDocument(doc), 'document-empty')).toEqual([{ severity: 'error', code: 'document-empty', params: {} }]);
    expect(hasErrors(checkDocument(doc))).toBe(true);
  });

  it('a symbol with a space is an error that says so (the store still takes the draft: see validate tests)', () => {
    const bad = only(checkDocument(cleanLetter('fr', { symbols: ['S/ 2026/1012'] }).doc), 'symbol-malformed');
    expect(bad).toEqual([{ severity: 'error', code: 'symbol-malformed', params: { symbol: 'S/ 2026/1012', detail: 'spacing' } }]);
  });

  it('a Council year on a document of the Council alone is not printed, and the checker says so', () => {
    const alone = checkDocument(cleanLetter('fr', { sessions: [{ organ: 'SC', year: 2019 }] }).doc);
    expect(only(alone, 'council-year-not-printed')).toEqual([{ severity: 'info', code: 'council-year-not-printed', params: { year: 2019 } }]);
    const joint = cleanLetter('fr', { organs: ['GA', 'SC'], symbols: ['A/74/500', 'S/2019/836'], sessions: [{ organ: 'GA', session: 74, agendaItems: [] }, { organ: 'SC', year: 2019 }] });
    expect(only(checkDocument(joint.doc), 'council-year-not-printed')).toEqual([]);
  });
});

describe('symbol, dates, addressee, signatory', () => {
  it('symbol: missing is a warning, malformed an error; a joint document needs two', () => {
    expect(only(checkDocument(cleanLetter('fr', { symbols: [] }).doc), 'symbol-missing')).toHaveLength(1);
    const bad = only(checkDocument(cleanLetter('fr', { symbols: ['X2019-836'] }).doc), 'symbol-malformed');
    expect(bad).toHaveLength(1);
    expect(bad[0]!.severity).toBe('error');
    expect(codes(checkDocument(cleanLetter('fr', { organs: ['GA', 'SC'] }).doc))).toContain('symbol-count');
    const joint = checkDocument(cleanLetter('fr', { organs: ['GA', 'SC'], symbols: ['A/64/866', 'S/2010/393'] }).doc);
    expect(codes(joint).filter((c) => c.startsWith('symbol'))).toEqual([]);
    expect(codes(checkDocument(cleanLetter('fr', { organs: ['GA'], symbols: ['S/2019/836'] }).doc))).toContain('symbol-organ-mismatch');
  });

  it('letter date: missing, or after the issue date', () => {
    expect(codes(checkDocument(cleanLetter('fr', { letterDate: undefined }).doc))).toContain('letter-date-missing');
    expect(codes(checkDocument(cleanLetter('fr', { letterDate: '2019-10-30' }).doc))).toContain('letter-date-after-issue');
  });

  it('dates in the text: « 1 janvier » and "February 13, 2017" are malformed, « 31 avril » is no date', () => {
    const fr = cleanLetter('fr');
    fr.doc.text.fr![fr.paras[0]!.id] = { content: [{ type: 'text', text: 'Le 1 janvier 2017 et le 31 avril 2017, le Groupe s’est réuni.' }] };
    const ff = checkDocument(fr.doc);
    expect(only(ff, 'date-format')[0]!.params).toMatchObject({ text: '1 janvier 2017', expected: '1er janvier 2017' });
    expect(only(ff, 'date-invalid')[0]!.params.text).toBe('31 avril 2017');

    const en = cleanLetter('en');
    en.doc.text.en![en.paras[0]!.id] = { content: [{ type: 'text', text: 'On February 13, 2017, the Group met.' }] };
    expect(only(checkDocument(en.doc), 'date-format')[0]!.params).toMatchObject({ text: 'February 13, 2017', expected: '13 February 2017' });
    // « 1er janvier » and "13 February 2017" are right.
    fr.doc.text.fr![fr.paras[0]!.id] = { content: [{ type: 'text', text: 'Le 1er janvier 2017 et le 30 avril 2017.' }] };
    expect(codes(checkDocument(fr.doc)).filter((c) => c.startsWith('date'))).toEqual([]);
  });

  it('addressee and sender: missing ones are errors', () => {
    expect(codes(checkDocument(cleanLetter('fr', { addressees: [] }).doc))).toContain('addressee-missing');
    expect(codes(checkDocument(cleanLetter('fr', { sender: undefined }).doc))).toContain('sender-missing');
    const noCountry = cleanLetter('fr', { people: [{ id: 'duclos', name: 'Paul Duclos', gender: 'm', role: { kind: 'charge-d-affaires' } }] });
    expect(codes(checkDocument(noCountry.doc))).toContain('sender-country-missing');
    const unknown = cleanLetter('fr', { people: [{ id: 'duclos', name: 'Paul Duclos', gender: 'm', role: { kind: 'charge-d-affaires', country: 'XXX' } }] });
    expect(codes(checkDocument(unknown.doc))).toContain('country-unknown');
    expect(codes(checkDocument(cleanLetter('fr', { addressees: [{ kind: 'secretary-general', gender: 'm' }, { kind: 'secretary-general', gender: 'm' }] }).doc))).toContain(
      'addressee-duplicate',
    );
    expect(codes(checkDocument(cleanLetter('fr', { identicalLetters: true }).doc))).toContain('identical-letters-single-addressee');
  });

  it('signatory: a letter without signature block, or signed by a placeholder name', () => {
    const { doc, letter } = cleanLetter();
    letter.blocks = letter.blocks.filter((x) => x.kind !== 'signature');
    expect(codes(checkDocument(doc))).toContain('signature-missing');
    const ph = cleanLetter('fr', { people: [{ id: 'duclos', name: '[Prénom Nom]', gender: 'm', role: { kind: 'charge-d-affaires', country: 'PER' } }] });
    expect(codes(checkDocument(ph.doc))).toContain('signatory-placeholder');
  });

  it('a statement needs its meeting', () => {
    const b = new DocumentBuilder(meta({ kind: 'presidential-statement', sender: undefined, people: [], addressees: [] }), 'fr', sequentialIds());
    const body = b.part('body', { bodyType: 'statement' });
    b.opening(body);
    expect(codes(checkDocument(b.doc))).toContain('meeting-missing');
    b.doc.meta.meeting = { number: 8838, date: '2021-08-18', item: { fr: 'Opérations' }, presidentGender: 'm' };
    expect(codes(checkDocument(b.doc))).not.toContain('meeting-missing');
  });
});

describe('typography', () => {
  function withText(lang: Lang, text: string, over: Partial<RDocument['settings']> = {}): Finding[] {
    const c = cleanLetter(lang);
    c.doc.settings = { ...c.doc.settings, ...over };
    c.doc.text[lang]![c.paras[0]!.id] = { content: [{ type: 'text', text }] };
    return checkDocument(c.doc);
  }
  it('French: a missing space before : ; ! ? is found; URLs, times and spaced punctuation are not', () => {
    expect(only(withText('fr', 'Les points suivants: la paix.'), 'fr-missing-space')[0]!.params.mark).toBe(':');
    expect(only(withText('fr', 'Est-ce possible?'), 'fr-missing-space')).toHaveLength(1);
    expect(only(withText('fr', 'Les points suivants : la paix ; voir https://eroom.un.org/eRoom, à 10:30.'), 'fr-missing-space')).toEqual([]);
  });
  it('French: ordinary spaces are reported only when French spacing is switched off', () => {
    const at = (fs: Finding[]) => fs.filter((f) => f.code === 'fr-nbsp-missing').map((f) => f.params.excerpt);
    expect(at(withText('fr', 'Les points suivants : la paix.', { frenchSpacing: 'off' }))).toContain('Les points suivants : la paix.');
    expect(at(withText('fr', 'Les points suivants : la paix.'))).toEqual([]);
  });
  it('straight quotes in French and in English; guillemets and curly quotes pass', () => {
    const fr = only(withText('fr', 'Le thème "Protéger les protecteurs".'), 'straight-quotes');
    expect(fr[0]!.params.expected).toBe('« »');
    expect(only(withText('fr', 'Le thème « Protéger les protecteurs ».'), 'straight-quotes')).toEqual([]);
    expect(only(withText('en', 'The theme "Protecting the protectors".'), 'straight-quotes')[0]!.params.expected).toBe('“ ”');
    expect(only(withText('en', 'The theme “Protecting the protectors”.'), 'straight-quotes')).toEqual([]);
  });
  it('English: no space before a colon', () => {
    expect(only(withText('en', 'The following points : peace.'), 'en-space-before-punctuation')).toHaveLength(1);
    expect(only(withText('en', 'The following points: peace.'), 'en-space-before-punctuation')).toEqual([]);
  });
});

describe('word count', () => {
  function long(words: number, footnoteWords = 0): RDocument {
    const c = cleanLetter('fr');
    const chunk = Array.from({ length: 100 }, (_, i) => `mot${i}`).join(' ');
    for (let i = 0; i < Math.floor(words / 100); i++) c.b.para(c.annex, chunk);
    if (footnoteWords > 0) {
      const id = c.paras[0]!.id;
      const note = Array.from({ length: footnoteWords }, () => 'note').join(' ');
      c.doc.text.fr![id]!.content.push({ type: 'footnote', id: 'fn1', content: [{ type: 'text', text: note }] });
    }
    return c.doc;
  }
  it('is an error over 10,700 words and a note over 8,500', () => {
    const over = only(checkDocument(long(10_800)), 'word-limit');
    expect(over).toHaveLength(1);
    expect(over[0]!.severity).toBe('error');
    expect(Number(over[0]!.params.count)).toBeGreaterThan(WORD_LIMITS.other);
    const between = checkDocument(long(9_000));
    expect(codes(between)).not.toContain('word-limit');
    expect(only(between, 'word-count-secretariat-limit')).toHaveLength(1);
    expect(codes(checkDocument(long(8_000))).filter((c) => c.startsWith('word'))).toEqual([]);
  });
  it('counts footnotes', () => {
    expect(codes(checkDocument(long(8_200)))).not.toContain('word-count-secretariat-limit');
    expect(codes(checkDocument(long(8_200, 400)))).toContain('word-count-secretariat-limit');
  });
});

describe('annexes announced and present', () => {
  it('an annex announced (« voir annexe ») but absent is an error', () => {
    const { doc, letter } = cleanLetter();
    letter.parts = [];
    const f = only(checkDocument(doc), 'annex-announced-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', blockId: letter.blocks[0]!.id });
    expect(f[0]!.params.mention).toBe('annexe');
  });
  it('English "see annex II" with one annex only', () => {
    const { doc, letter } = cleanLetter('en');
    doc.text.en![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Please find attached the report (see annex I) and the note (see annex II).' }] };
    const f = checkDocument(doc);
    expect(only(f, 'annex-announced-missing').map((x) => x.params.mention)).toEqual(['annex II']);
    expect(codes(f)).toContain('annex-count-mismatch');
  });
  it('an annex present but never mentioned is a warning at the annex', () => {
    const { doc, letter, annex } = cleanLetter();
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'J’ai l’honneur de vous informer du débat tenu le 10 juillet 2019.' }] };
    const f = only(checkDocument(doc), 'annex-not-mentioned');
    expect(f).toHaveLength(1);
    expect(f[0]!.partId).toBe(annex.id);
    expect(f[0]!.params.label).toBe('Annexe');
  });
  it('two annexes: each must be cited, « annexes I et II » cites both', () => {
    const { doc, b, letter } = cleanLetter();
    b.part('annex', { owner: letter, title: 'Note' });
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Vous trouverez ci-joint le résumé (voir annexe I).' }] };
    let f = checkDocument(doc);
    expect(only(f, 'annex-not-mentioned').map((x) => x.params.label)).toEqual(['Annexe II']);
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Vous trouverez ci-joint le résumé et la note (voir annexes I et II).' }] };
    f = checkDocument(doc);
    expect(codes(f).filter((c) => c.startsWith('annex'))).toEqual([]);
  });
  it('the number of annexes in the text must match the document', () => {
    const { doc, b, letter } = cleanLetter();
    b.part('annex', { owner: letter, title: 'Note' });
    // « voir annexe » (one, unnumbered) while there are two
    expect(codes(checkDocument(doc))).toContain('annex-count-mismatch');
    // « les trois annexes » while there are two
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Vous trouverez ci-joint les trois annexes (voir annexes I et II).' }] };
    const f = only(checkDocument(doc), 'annex-count-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.params).toMatchObject({ mentioned: 3, actual: 2 });
    // an overridden closing request that says « et de son annexe » while there are two
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Vous trouverez ci-joint les deux annexes (voir annexes I et II).' }] };
    expect(codes(checkDocument(doc))).not.toContain('annex-count-mismatch');
    const closing = letter.blocks.find((x) => x.kind === 'closing')!;
    doc.overrides[`closing:${closing.id}`] = { fr: 'Je vous serais obligé de faire distribuer le texte de la présente lettre et de son annexe comme document du Conseil de sécurité.' };
    expect(only(checkDocument(doc), 'annex-count-mismatch').map((x) => x.blockId)).toEqual([closing.id]);
  });
  it('another document’s annex is not an announcement', () => {
    const { doc, letter } = cleanLetter();
    letter.parts = [];
    doc.text.fr![letter.blocks[0]!.id] = { content: [{ type: 'text', text: 'Conformément à l’annexe II de la résolution 2250 (2015), le débat a eu lieu.' }] };
    expect(codes(checkDocument(doc))).not.toContain('annex-announced-missing');
  });
  it('enclosures: « voir pièce jointe » without one, and one never mentioned', () => {
    const { doc, b, letter } = cleanLetter();
    doc.text.fr![letter.blocks[0]!.id]!.content.push({ type: 'text', text: ' Modalités (voir pièce jointe).' });
    expect(codes(checkDocument(doc))).toContain('enclosure-announced-missing');
    b.part('enclosure', { owner: letter });
    expect(codes(checkDocument(doc)).filter((c) => c.startsWith('enclosure'))).toEqual([]);
    const c2 = cleanLetter();
    c2.b.part('enclosure', { owner: c2.letter });
    expect(codes(checkDocument(c2.doc))).toContain('enclosure-not-mentioned');
  });
  it('seed 000’s report announces its annex (« voir annexe »): no annex finding', () => {
    const f = checkDocument(seed000().doc);
    expect(codes(f).filter((c) => c.startsWith('annex'))).toEqual([]);
  });
});

describe('placeholders and empty blocks', () => {
  it('every template is full of placeholders: each gives placeholder-left errors', () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const lang of ['fr', 'en'] as const) {
        const f = checkDocument(createFromTemplate(kind, lang, sequentialIds()));
        const ph = only(f, 'placeholder-left');
        expect(ph.length, `${kind} ${lang}`).toBeGreaterThan(0);
        expect(hasErrors(f)).toBe(true);
        expect(ph.every((x) => x.severity === 'error' && x.lang === lang)).toBe(true);
      }
    }
  });
  it('a placeholder in a part title is reported at the part; replacing it clears the finding', () => {
    const { doc, annex } = cleanLetter();
    doc.text.fr![annex.id] = { content: [placeholder('[Titre]')] };
    const f = only(checkDocument(doc), 'placeholder-left');
    expect(f).toHaveLength(1);
    expect(f[0]!.partId).toBe(annex.id);
    expect(f[0]!.blockId).toBeUndefined();
    doc.text.fr![annex.id] = { content: [{ type: 'text', text: 'Résumé' }] };
    expect(only(checkDocument(doc), 'placeholder-left')).toEqual([]);
  });
  it('an empty paragraph is a warning; empty table cells are not', () => {
    const { doc, b, annex } = cleanLetter();
    const empty = b.para(annex, '');
    b.table(annex, [['Date', ''], ['28 avril', 'Thème']]);
    const f = only(checkDocument(doc), 'empty-block');
    expect(f.map((x) => x.blockId)).toEqual([empty.id]);
  });
});

describe('messages', () => {
  const load = (lang: Lang) => JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'checker.json'), 'utf8')) as Record<string, unknown>;

  it('every code has a message in English and in French, with the same keys', () => {
    const en = load('en');
    const fr = load('fr');
    // a counted message is its plural forms (code_one, code_other), i18next's own
    const worded = (o: Record<string, unknown>, code: string) => typeof o[code] === 'string' || (typeof o[`${code}_one`] === 'string' && typeof o[`${code}_other`] === 'string');
    for (const code of FINDING_CODES) {
      expect(worded(en, code), code).toBe(true);
      expect(worded(fr, code), code).toBe(true);
    }
    const keys = (o: Record<string, unknown>, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as Record<string, unknown>, `${p}${k}.`) : [`${p}${k}`])).sort();
    expect(keys(fr)).toEqual(keys(en));
  });

  it('French messages follow French typography: no-break space before : ; ! ? and inside « »', () => {
    const fr = JSON.stringify(load('fr'));
    expect(fr).not.toMatch(/ [:;!?»]/);
    expect(fr).not.toMatch(/« /);
    expect(fr).not.toMatch(/[^\s\u00a0\u202f}"][:;!?](?=\s)/u);
  });

  it('a finding is worded with its parameters through i18next in both languages', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { checker: load('en') }, fr: { checker: load('fr') } }, ns: ['checker'], defaultNS: 'checker', interpolation: { escapeValue: false } });
    const { doc } = cleanLetter('fr', { symbols: ['X2019-836'] });
    const f = only(checkDocument(doc), 'symbol-malformed')[0]!;
    expect(i18n.getFixedT('en')(f.code, f.params)).toContain('"X2019-836"');
    expect(i18n.getFixedT('fr')(f.code, f.params)).toContain('«\u00a0X2019-836\u00a0»');
  });
});
