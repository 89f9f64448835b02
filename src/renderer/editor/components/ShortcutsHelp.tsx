/** The keyboard shortcuts, in the interface language. */
import { useAppTranslation } from '../../i18n';
import './panel.css';
import './ShortcutsHelp.css';

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useAppTranslation();
  const keyed = [
    [t('editor.shortcuts.keyEnter'), t('editor.shortcuts.enter')],
    [t('editor.shortcuts.keyTab'), t('editor.shortcuts.tab')],
    [t('editor.shortcuts.keyShiftTab'), t('editor.shortcuts.shiftTab')],
    [t('editor.shortcuts.keyF6'), t('editor.shortcuts.f6')],
    [t('editor.shortcuts.keyShiftF6'), t('editor.shortcuts.shiftF6')],
  ] as const;
  const described = [t('editor.shortcuts.kinds'), t('editor.shortcuts.marks'), t('editor.shortcuts.history'), t('editor.shortcuts.insert'), t('editor.shortcuts.wording'), t('editor.shortcuts.find')];
  return (
    <div className="rk-panel rk-shortcuts" role="dialog" aria-labelledby="rk-shortcuts-title" data-testid="shortcuts">
      <h2 id="rk-shortcuts-title">{t('editor.shortcuts.title')}</h2>
      <dl>
        {keyed.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <ul>
        {described.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      <button type="button" onClick={onClose}>
        {t('editor.shortcuts.close')}
      </button>
    </div>
  );
}
