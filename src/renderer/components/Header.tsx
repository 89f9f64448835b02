import { useAppTranslation } from '../i18n';
import { INTERFACE_LANGUAGES, type AppInfo, type InterfaceLanguage } from '../../shared/ipc-contract';

export function Header({ language, onLanguage, info, onSettings }: { language: InterfaceLanguage; onLanguage: (l: InterfaceLanguage) => void; info: AppInfo | undefined; onSettings: () => void }) {
  const { t } = useAppTranslation();
  return (
    <header className="app-header" data-testid="app-header" data-region="">
      <div className="brand">
        <span className="app-name">{t('app.name')}</span>
        <span className="tagline">{t('app.tagline')}</span>
      </div>
      <div className="header-tools">
        <button type="button" data-testid="settings-open" aria-haspopup="dialog" onClick={onSettings}>
          {t('settings.open')}
        </button>
        {info && <span className="version">{t('app.version', { version: info.version })}</span>}
        <div className="segmented" role="group" aria-labelledby="ui-lang-label">
          <span id="ui-lang-label" className="segmented-label">
            {t('header.interfaceLanguage')}
          </span>
          {INTERFACE_LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              aria-pressed={l === language}
              title={t(`languages.${l}`)}
              data-testid={`ui-lang-${l}`}
              onClick={() => onLanguage(l)}
            >
              {l.toUpperCase()}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
