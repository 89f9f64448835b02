/**
 * DOCX fixtures made in the tests with the `docx` library (no binaries committed): the same
 * letter + annex written twice — once with Word's automatic numbering (numbering definitions,
 * heading styles), once with the numbers typed into the text — with bold, italic, a footnote,
 * a table, bullets and a signature block on two lines.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
} from 'docx';

export const TITLE =
  "Lettre datée du 8 octobre 2019, adressée au Président du Conseil de sécurité par le Chargé d'affaires par intérim de la Mission permanente du Pérou auprès de l'Organisation des Nations Unies";
export const ANNEX_HEADING =
  "Annexe à la lettre datée du 8 octobre 2019 adressée au Président du Conseil de sécurité par le Chargé d'affaires par intérim de la Mission permanente du Pérou auprès de l'Organisation des Nations Unies";

/** The words of the fixture, for the "no word lost" check. */
export const WORDS = [
  'Conseil de sécurité',
  'Distr. générale',
  '23 octobre 2019',
  'Français',
  'Original : anglais',
  TITLE,
  "J'ai l'honneur de vous faire tenir ci-joint le résumé du débat (voir annexe).",
  'Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme document du Conseil de sécurité.',
  "Le Chargé d'affaires par intérim",
  '(Signé) Paul Duclos',
  ANNEX_HEADING,
  'Résumé du débat sur le thème « Opérations de maintien de la paix »',
  'Introduction',
  'Le 10 juillet 2019, les membres du Conseil ont tenu un débat (S/PV.8570).',
  'Voir le procès-verbal de la séance.',
  'Les participants ont souligné les points suivants :',
  'la coopération triangulaire ;',
  'la protection des civils.',
  'Débat',
  'Exposés',
  'Le Secrétaire général adjoint a présenté un exposé.',
  'Échanges',
  'Les membres ont jugé ce point important pour la suite.',
  'premier point',
  'second point',
  'Date',
  'Intervenant',
  '10 juillet',
  'Jean-Pierre Lacroix',
  'Enfin, le Président a remercié les participants.',
].join('\n');

const numbering: INumberingOptions = {
  config: [
    { reference: 'chapters', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START }] },
    { reference: 'sections', levels: [{ level: 0, format: LevelFormat.UPPER_LETTER, text: '%1.', alignment: AlignmentType.START }] },
    {
      reference: 'paras',
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
        { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
      ],
    },
    { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }] },
  ],
};

type Mode = 'word' | 'typed';

function numbered(mode: Mode, typed: string, ref: string, level: number, children: (TextRun | FootnoteReferenceRun)[], extra: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; instance?: number } = {}): Paragraph {
  if (mode === 'typed') return new Paragraph({ children: [new TextRun(`${typed}\t`), ...children], ...(extra.heading ? { heading: extra.heading } : {}) });
  return new Paragraph({ children, numbering: { reference: ref, level, ...(extra.instance ? { instance: extra.instance } : {}) }, ...(extra.heading ? { heading: extra.heading } : {}) });
}

export async function buildLetterDocx(mode: Mode): Promise<Uint8Array> {
  const t = (text: string) => new TextRun(text);
  const doc = new Document({
    numbering,
    footnotes: { 1: { children: [new Paragraph('Voir le procès-verbal de la séance.')] } },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'Conseil de sécurité', bold: true, size: 40 })] }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [t('Distr. générale'), new TextRun({ text: '23 octobre 2019', break: 1 }), new TextRun({ text: 'Français', break: 1 }), new TextRun({ text: 'Original : anglais', break: 1 })],
          }),
          new Paragraph({ children: [new TextRun({ text: TITLE, bold: true, size: 28 })] }),
          new Paragraph("J'ai l'honneur de vous faire tenir ci-joint le résumé du débat (voir annexe)."),
          new Paragraph('Je vous serais reconnaissant de bien vouloir faire distribuer le texte de la présente lettre et de son annexe comme document du Conseil de sécurité.'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [t("Le Chargé d'affaires par intérim"), new TextRun({ text: '(Signé) Paul Duclos', break: 1 })] }),
          new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: ANNEX_HEADING, bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: 'Résumé du débat sur le thème « Opérations de maintien de la paix »', bold: true })] }),
          numbered(mode, 'I.', 'chapters', 0, [t('Introduction')], { heading: HeadingLevel.HEADING_1 }),
          numbered(mode, '1.', 'paras', 0, [t('Le 10 juillet 2019, les membres du Conseil ont tenu un débat '), new TextRun({ text: '(S/PV.8570)', italics: true }), t('.'), new FootnoteReferenceRun(1)]),
          numbered(mode, '2.', 'paras', 0, [t('Les participants ont souligné les points suivants :')]),
          numbered(mode, 'a)', 'paras', 1, [t('la coopération triangulaire ;')]),
          numbered(mode, 'b)', 'paras', 1, [t('la protection des civils.')]),
          numbered(mode, 'II.', 'chapters', 0, [t('Débat')], { heading: HeadingLevel.HEADING_1 }),
          numbered(mode, 'A.', 'sections', 0, [t('Exposés')], { heading: HeadingLevel.HEADING_2, instance: 2 }),
          numbered(mode, '3.', 'paras', 0, [t('Le Secrétaire général adjoint a présenté un exposé.')]),
          numbered(mode, 'B.', 'sections', 0, [t('Échanges')], { heading: HeadingLevel.HEADING_2, instance: 2 }),
          numbered(mode, '4.', 'paras', 0, [t('Les membres ont jugé ce point '), new TextRun({ text: 'important', bold: true }), t(' pour la suite.')]),
          numbered(mode, '•', 'bullets', 0, [t('premier point')]),
          numbered(mode, '•', 'bullets', 0, [t('second point')]),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: [new TableCell({ children: [new Paragraph('Date')] }), new TableCell({ children: [new Paragraph('Intervenant')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('10 juillet')] }), new TableCell({ children: [new Paragraph('Jean-Pierre Lacroix')] })] }),
            ],
          }),
          numbered(mode, '5.', 'paras', 0, [t('Enfin, le Président a remercié les participants.')]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A small DOCX of `paragraphs` numbered paragraphs (Word numbering), for size and damage tests. */
export async function buildLongDocx(paragraphs: number): Promise<Uint8Array> {
  const children = [new Paragraph({ children: [new TextRun({ text: 'Rapport du Groupe de travail', bold: true })] })];
  for (let i = 0; i < paragraphs; i++) {
    children.push(new Paragraph({ text: `Le Groupe de travail a examiné la question numéro ${i + 1} et en a débattu longuement.`, numbering: { reference: 'paras', level: 0 } }));
  }
  const doc = new Document({ numbering, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
