/** The caption of a page break on screen ("Page break" / « Saut de page »). */
import { useAppTranslation } from '../../i18n';

export function PageBreakCaption() {
  const { t } = useAppTranslation();
  return <span className="rk-page-break-caption">{t('editor.pageBreak')}</span>;
}
