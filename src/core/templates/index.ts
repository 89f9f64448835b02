/**
 * Templates: six kinds of document in French and English, each a valid document whose
 * placeholders (marked `placeholder: true`, in square brackets) are written in its language.
 * Structure follows the seeds: an annual report is a cover letter + the report (chapters,
 * sections, numbered paragraphs) + an annex table; a concept note and a debate summary are the
 * annex to a letter; a seminar report has annex I (report with list of participants) and
 * annex II (note); a presidential statement is the opening formula + the statement in quotes.
 */
import type { DocumentKind, Lang, Meta, Part, RDocument } from '../model/schema';
import { DOCUMENT_KINDS } from '../model/schema';
import { DocumentBuilder, placeholder as ph, randomIds, type IdGenerator } from '../model/builder';

export const TEMPLATE_KINDS: readonly DocumentKind[] = DOCUMENT_KINDS;

type Words = Record<Lang, string>;
const w = (fr: string, en: string): Words => ({ fr, en });

const T = {
  letterBody: w('[Texte de la lettre : objet, contexte et ce que la lettre transmet.]', '[Text of the letter: purpose, background and what the letter transmits.]'),
  name: w('[Prénom Nom]', '[First name Last name]'),
  reportTitle: w(
    '[Rapport sur les activités menées par le Groupe de travail au cours de la période allant du 1er janvier au 31 décembre …]',
    '[Report on the activities of the Working Group for the period from 1 January to 31 December …]',
  ),
  introduction: w('Introduction', 'Introduction'),
  intro1: w('[Le Groupe de travail a été établi … (référence du mandat).]', '[The Working Group was established … (reference to the mandate).]'),
  intro2: w('[Présidence du Groupe de travail pendant la période considérée.]', '[Chairmanship of the Working Group during the period under review.]'),
  meetings: w('Réunions du Groupe de travail', 'Meetings of the Working Group'),
  themes: w('Le Groupe de travail s\'est penché sur les thèmes suivants :', 'The Working Group considered the following themes:'),
  theme: w('[Thème de la réunion]', '[Theme of the meeting]'),
  sectionTitle: w('[Titre de la réunion thématique]', '[Title of the thematic meeting]'),
  meetingPara: w('[Date], le Groupe de travail s\'est réuni pour débattre de [thème]. Avant la réunion, le Président avait fait circuler une note conceptuelle ([cote]).', 'On [date], the Working Group met to discuss [theme]. Before the meeting, the Chair had circulated a concept note ([symbol]).'),
  discussion: w('[Résumé des débats.]', '[Summary of the discussion.]'),
  conclusions: w('Conclusion et recommandations', 'Conclusions and recommendations'),
  conclusion1: w('[Conclusion ou recommandation.]', '[Conclusion or recommendation.]'),
  annexMeetings: w('Réunions du Groupe de travail en [année]', 'Meetings of the Working Group in [year]'),
  date: w('Date', 'Date'),
  speakers: w('Intervenants', 'Speakers'),
  topic: w('Thème', 'Topic'),
  cellDate: w('[jour et mois]', '[day and month]'),
  cellSpeaker: w('[Nom, fonction]', '[Name, title]'),
  conceptLetter1: w(
    "J'ai le plaisir de vous informer que, sous la présidence de [pays], le Conseil de sécurité tiendra un débat public sur le thème « [thème] », le [date], à [heure] (heure de New York).",
    'I have the honour to inform you that, under the presidency of [country], the Security Council will hold an open debate on the theme "[theme]" on [date] at [time] (New York time).',
  ),
  conceptLetter2: w('Afin d\'orienter le débat, [pays] a établi la note de cadrage ci-jointe (voir annexe).', 'In order to guide the discussion, [country] has prepared the attached concept note (see annex).'),
  conceptTitle: w('[Note de cadrage pour le débat public du Conseil de sécurité sur le thème « … »]', '[Concept note for the Security Council open debate on the theme "…"]'),
  background: w('Contexte', 'Background'),
  conceptPara: w('[Exposé du contexte et des enjeux du débat.]', '[Background and issues for the debate.]'),
  objectives: w('[Le débat vise les objectifs suivants :]', '[The debate aims to:]'),
  objective: w('[Objectif]', '[Objective]'),
  questions: w('Questions devant servir à orienter le débat', 'Guiding questions for the debate'),
  question: w('[Question ?]', '[Question?]'),
  modalities: w("Modalités d'organisation", 'Format'),
  modalitiesPara: w('[Forme du débat, présidence, date et heure.]', '[Format of the debate, presiding officer, date and time.]'),
  summaryLetter: w(
    "J'ai l'honneur de vous faire tenir ci-joint le résumé du débat sur le thème « [thème] » (voir annexe), tenu le [date], durant la présidence [adjectif] du Conseil de sécurité.",
    'I have the honour to transmit herewith the summary of the debate on the theme "[theme]" (see annex), held on [date] during the presidency of [country] of the Security Council.',
  ),
  summaryTitle: w('[Résumé du débat sur le thème « … »]', '[Summary of the debate on the theme "…"]'),
  summaryPara: w('[Point saillant du débat.]', '[Main point of the debate.]'),
  statementPara: w('[Le Conseil de sécurité …]', '[The Security Council …]'),
  statementPara2: w('[Le Conseil …]', '[The Council …]'),
  seminarLetter1: w(
    "[La Mission permanente de … a organisé un séminaire sur …] Vous voudrez bien trouver ci-joint la liste des participants et le compte rendu des débats (voir annexe I) ainsi que le document de réflexion établi pour ce séminaire (voir annexe II).",
    '[The Permanent Mission of … organized a seminar on …] Please find attached the list of participants and the report of the discussions (see annex I), together with the background note prepared for the seminar (see annex II).',
  ),
  seminar: w('Séminaire', 'Seminar'),
  seminarTitle: w('[Titre du séminaire]', '[Title of the seminar]'),
  seminarPlace: w('[Lieu, dates]', '[Place, dates]'),
  participantsHeading: w('Liste des participants', 'List of participants'),
  participant: w('[M./Mme Prénom Nom, fonction (pays)]', '[Mr./Ms. First name Last name, title (country)]'),
  guests: w("Invités d'honneur", 'Special guests'),
  proceedings: w('Compte rendu', 'Summary of discussions'),
  seminarThemes: w('Les débats ont porté sur les principaux thèmes ci-après :', 'The discussions focused on the following main themes:'),
  subsection: w('[Thème]', '[Theme]'),
  seminarPara: w('[Synthèse des débats sur ce thème.]', '[Summary of the discussion on this theme.]'),
  noteTitle: w('[Document de réflexion]', '[Background note]'),
  notePara: w('[Texte du document de réflexion.]', '[Text of the background note.]'),
} satisfies Record<string, Words>;

function baseMeta(kind: DocumentKind, lang: Lang, senderName: string): Meta {
  return {
    kind,
    originalLanguage: lang,
    symbols: [],
    organs: ['SC'],
    distribution: 'general',
    sessions: [],
    sender: 'sender',
    addressees: [{ kind: 'president-security-council', gender: 'm' }],
    people: [{ id: 'sender', name: senderName, gender: 'm', role: { kind: 'permanent-representative' } }],
  };
}

/** Cover letter: body paragraphs, closing request, signature of the sender. */
function letter(b: DocumentBuilder, ...paragraphs: string[]): Part {
  const l = b.part('letter');
  for (const p of paragraphs) b.para(l, [ph(p)], false);
  b.closing(l);
  b.signature(l, ['sender']);
  return l;
}

export function createFromTemplate(kind: DocumentKind, lang: Lang, ids: IdGenerator = randomIds): RDocument {
  const t = (k: keyof typeof T) => T[k][lang];
  const p = (k: keyof typeof T) => [ph(t(k))];
  const b = new DocumentBuilder(baseMeta(kind, lang, t('name')), lang, ids);

  switch (kind) {
    case 'letter':
      letter(b, t('letterBody'));
      break;

    case 'annual-report': {
      // the opening sentence is generated: it states the reporting period, as the report's title does
      const l = b.part('letter');
      b.opening(l);
      b.closing(l);
      b.signature(l, ['sender']);
      const report = b.part('body', { bodyType: 'report', title: p('reportTitle') });
      b.heading(report, 'chapter', t('introduction'));
      b.para(report, p('intro1'));
      b.para(report, p('intro2'));
      b.heading(report, 'chapter', t('meetings'));
      b.para(report, t('themes'));
      b.sub(report, 1, p('theme'));
      b.sub(report, 1, p('theme'));
      b.heading(report, 'section', p('sectionTitle'));
      b.para(report, p('meetingPara'));
      b.para(report, p('discussion'));
      b.heading(report, 'section', p('sectionTitle'));
      b.para(report, p('meetingPara'));
      b.para(report, p('discussion'));
      b.heading(report, 'chapter', t('conclusions'));
      b.para(report, p('conclusion1'));
      const annex = b.part('annex', { owner: report, title: p('annexMeetings') });
      b.table(annex, [
        [t('date'), t('speakers'), t('topic')],
        [p('cellDate'), p('cellSpeaker'), p('theme')],
      ]);
      break;
    }

    case 'concept-note': {
      b.doc.meta.addressees = [{ kind: 'secretary-general', gender: 'm' }];
      const l = letter(b, t('conceptLetter1'), t('conceptLetter2'));
      const annex = b.part('annex', { owner: l, title: p('conceptTitle') });
      b.heading(annex, 'unnumbered', t('background'));
      b.para(annex, p('conceptPara'));
      b.para(annex, p('objectives'));
      b.sub(annex, 1, p('objective'));
      b.sub(annex, 1, p('objective'));
      b.heading(annex, 'unnumbered', t('questions'));
      b.bullet(annex, p('question'));
      b.bullet(annex, p('question'));
      b.heading(annex, 'unnumbered', t('modalities'));
      b.para(annex, p('modalitiesPara'), false);
      break;
    }

    case 'debate-summary': {
      const l = letter(b, t('summaryLetter'));
      const annex = b.part('annex', { owner: l, title: p('summaryTitle') });
      b.para(annex, p('summaryPara'));
      b.para(annex, p('summaryPara'));
      b.para(annex, p('summaryPara'));
      break;
    }

    case 'presidential-statement': {
      b.doc.meta.sender = undefined;
      b.doc.meta.addressees = [];
      b.doc.meta.people = [];
      const body = b.part('body', { bodyType: 'statement' });
      b.opening(body);
      const quote = b.quote(body);
      b.para(quote, p('statementPara'), false);
      b.para(quote, p('statementPara2'), false);
      break;
    }

    case 'seminar-report': {
      b.doc.meta.addressees = [{ kind: 'secretary-general', gender: 'm' }];
      const l = letter(b, t('seminarLetter1'));
      const report = b.part('annex', { owner: l, title: p('seminarTitle') });
      b.heading(report, 'unnumbered', t('seminar'));
      b.para(report, p('seminarPlace'), false);
      b.heading(report, 'unnumbered', t('participantsHeading'));
      const list = b.participants(report);
      b.participant(list, p('participant'));
      b.participant(list, p('participant'));
      b.heading(list, 'unnumbered', t('guests'));
      b.participant(list, p('participant'));
      b.heading(report, 'unnumbered', t('proceedings'));
      b.para(report, t('seminarThemes'));
      b.sub(report, 1, p('subsection'));
      b.sub(report, 1, p('subsection'));
      b.heading(report, 'subsection', p('subsection'));
      b.para(report, p('seminarPara'));
      b.heading(report, 'subsection', p('subsection'));
      b.para(report, p('seminarPara'));
      const note = b.part('annex', { owner: l, title: p('noteTitle') });
      b.para(note, p('notePara'));
      b.para(note, p('notePara'));
      b.bullet(note, p('subsection'));
      break;
    }
  }
  return b.doc;
}
