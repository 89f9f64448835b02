/** The list of document kinds, named in the interface language (new document, template preview). */
import type { DocumentKind } from '../../core/model/schema';
import type { TemplateInfo } from '../../shared/ipc-contract';
import { useAppTranslation } from '../i18n';

export function KindSelect({ templates, value, onChange, testId }: { templates: TemplateInfo[]; value: DocumentKind; onChange: (kind: DocumentKind) => void; testId: string }) {
  const { t } = useAppTranslation();
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as DocumentKind)}>
      {templates.map((tpl) => (
        <option key={tpl.kind} value={tpl.kind}>
          {t(`kinds.${tpl.kind}`)}
        </option>
      ))}
    </select>
  );
}
