/**
 * A document with every feature the editor maps: a letter with an annex and an enclosure, a
 * report with chapters, sections, numbered paragraphs, subparagraphs at four levels, bullets at
 * two levels (one with its level written), a quotation, a list of participants, a table with a
 * header row and an empty cell, a page break, footnotes (one holding a cross-reference),
 * cross-references in every form, bold / italic / superscript, a line break and a tab,
 * placeholders, overrides of generated wording (the signed letter's courtesy lines too) in both languages, the other language's text and
 * a translation's source hash.
 */
import { DocumentBuilder, placeholder, run, sequentialIds } from '../../../src/core/model/builder';
import type { DocumentKind, Lang, Meta, RDocument, Xref } from '../../../src/core/model/schema';
import { parseDocument } from '../../../src/core/model/validate';

/** Senegal's Permanent Representative writing to the President of the Security Council. */
export function senegalMeta(kind: DocumentKind, lang: Lang): Meta {
  return {
    kind,
    originalLanguage: lang,
    symbols: ['S/2026/12'],
    organs: ['SC'],
    distribution: 'general',
    letterDate: '2026-02-13',
    sessions: [],
    sender: 'pr',
    addressees: [{ kind: 'president-security-council', gender: 'f' }],
    people: [{ id: 'pr', name: 'Awa Ndiaye', gender: 'f', role: { kind: 'permanent-representative', country: 'SEN' } }],
  };
}

export function everyFeature(): RDocument {
  const meta = senegalMeta('annual-report', 'fr');
  const b = new DocumentBuilder(meta, 'fr', sequentialIds());
  const letter = b.part('letter');
  b.para(letter, [run("J'ai l'honneur de vous transmettre le rapport "), run('ci-joint', 'italic'), run('.')], false);
  const closing = b.closing(letter);
  const signature = b.signature(letter, ['pr']);
  const annex = b.part('annex', { owner: letter, title: 'Liste des pièces' });
  b.para(annex, 'Première pièce.');
  b.part('enclosure', { owner: letter });

  const report = b.part('body', { bodyType: 'report', title: [run('Rapport sur les activités menées en 2026')] });
  const chapter = b.heading(report, 'chapter', 'Introduction');
  const p1 = b.para(report, [run('Le Groupe de travail'), { type: 'footnote', id: 'fn1', content: [run('Créé par la résolution 2026 (2026).')] }, run(' a tenu '), run('trois', 'bold'), run(' séances.')]);
  b.sub(report, 1, 'premier alinéa ;');
  const sub2 = b.sub(report, 2, 'sous-alinéa ;');
  b.sub(report, 3, 'niveau trois ;');
  b.sub(report, 4, 'niveau quatre.');
  b.heading(report, 'section', 'Réunions');
  const range: Xref = { type: 'xref', target: p1.id, form: 'range', to: p1.id };
  const p2 = b.para(report, [run('Voir '), { type: 'xref', target: p1.id, form: 'named' }, run(', '), { type: 'xref', target: sub2.id, form: 'number' }, run(' et '), range, run('.')]);
  b.para(report, [run('Le 1'), run('er', 'superscript'), run(' janvier\u2003: ligne\nsuivante\tet tabulation.')]);
  b.bullet(report, 'premier point');
  b.add(report, { kind: 'bullet', level: 2 }, 'sous-point');
  b.add(report, { kind: 'bullet', level: 1 }, 'niveau écrit');
  const quote = b.quote(report);
  b.para(quote, 'Le Conseil se félicite des progrès accomplis.', false);
  b.add(report, { kind: 'pageBreak' });
  const list = b.participants(report);
  b.heading(list, 'unnumbered', "Invités d'honneur");
  b.participant(list, [placeholder('[M. Prénom Nom, fonction]')]);
  b.table(report, [
    ['Date', 'Thème'],
    ['28 avril', { paras: ['Premier orateur', [run('Second orateur'), { type: 'footnote', id: 'fn2', content: [run('Voir '), { type: 'xref', target: chapter.id, form: 'named' }] }]] }],
    ['', 'Cellule voisine vide'],
  ]);
  range.to = b.para(report, 'Dernier paragraphe.').id;
  const reportAnnex = b.part('annex', { owner: report, title: 'Réunions en 2026', originalLanguage: 'en' });
  b.para(reportAnnex, [run('Texte de l’annexe, '), { type: 'xref', target: p2.id, form: 'named' }, run('.')]);

  const doc = b.doc;
  doc.overrides[`closing:${closing.id}`] = { fr: 'Je vous serais obligée de bien vouloir faire distribuer la présente lettre.', en: 'I should be grateful.' };
  doc.overrides[`signature:${signature.id}`] = { en: '(Signed) Awa Ndiaye\nPermanent Representative' };
  doc.overrides[`heading:${annex.id}`] = { fr: 'Annexe à la lettre de la Représentante permanente' };
  // The signed letter's courtesy wording (kept on the letter's part node).
  doc.overrides[`salutation:${letter.id}`] = { fr: 'Madame la Présidente du Conseil,' };
  doc.overrides[`close:${letter.id}`] = { fr: 'Veuillez agréer, Madame, l’assurance de ma haute considération.', en: 'Accept, Madam President, my highest consideration.' };
  doc.overrides[`addressee:${letter.id}`] = { en: 'Her Excellency Ms. Awa Ndiaye\nPresident of the Security Council\nNew York' };
  doc.text.en = { [p1.id]: { content: [run('The Working Group met three times.')], sourceHash: 'abc' }, [chapter.id]: { content: [run('Introduction')] } };
  doc.text.fr![chapter.id] = { ...doc.text.fr![chapter.id]!, sourceHash: '0123456789abcdef' };
  const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
  if (!parsed.ok) throw new Error(`the fixture is not a valid document: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return parsed.value;
}

