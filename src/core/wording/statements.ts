/**
 * Presidential statements: the title and the opening formula that precedes the statement.
 */
import type { Lang, RDocument } from '../model/schema';
import { formatDate, ordinalNumber } from '../locale/dates';
import { MISSING } from './roles';

/** "Déclaration du Président du Conseil de sécurité" / "Statement by the President of the Security Council". */
export function statementTitle(doc: RDocument, lang: Lang): string {
  const g = doc.meta.meeting?.presidentGender ?? 'm';
  if (lang === 'en') return 'Statement by the President of the Security Council';
  return g === 'f' ? 'Déclaration de la Présidente du Conseil de sécurité' : 'Déclaration du Président du Conseil de sécurité';
}

/**
 * « Le Conseil de sécurité ayant examiné à sa 8838e séance, le 18 août 2021, la question intitulée
 * « … », son président a fait en son nom la déclaration suivante : »
 */
export function statementOpening(doc: RDocument, lang: Lang): string {
  const m = doc.meta.meeting;
  const number = m ? ordinalNumber(m.number, lang, 'f') : MISSING;
  const date = m ? formatDate(m.date, lang) : MISSING;
  const item = m?.item[lang] ?? MISSING;
  if (lang === 'fr') {
    const president = m?.presidentGender === 'f' ? 'sa présidente' : 'son président';
    return `Le Conseil de sécurité ayant examiné à sa ${number} séance, le ${date}, la question intitulée « ${item} », ${president} a fait en son nom la déclaration suivante :`;
  }
  return `At the ${number} meeting of the Security Council, held on ${date}, in connection with the Council's consideration of the item entitled “${item}”, the President of the Security Council made the following statement on behalf of the Council:`;
}
