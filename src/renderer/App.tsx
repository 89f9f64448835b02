import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, InterfaceLanguage, TemplateInfo } from '../shared/ipc-contract';
import { api } from './api';
import { Header } from './components/Header';
import { Library } from './components/Library';
import { Preview } from './components/Preview';
import { useAppTranslation } from './i18n';

export function App({ initialLanguage }: { initialLanguage: InterfaceLanguage }) {
  const { t, i18n } = useAppTranslation();
  const [language, setLanguage] = useState<InterfaceLanguage>(initialLanguage);
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);

  useEffect(() => {
    void api.invoke('app.info').then((r) => r.ok && setInfo(r.value));
    void api.invoke('templates.list').then((r) => r.ok && setTemplates(r.value));
  }, []);

  // The interface language applies at once; the host is told afterwards (menus, persistence).
  const changeLanguage = useCallback(
    (l: InterfaceLanguage) => {
      setLanguage(l);
      void i18n.changeLanguage(l);
      void api.invoke('settings.set', { interfaceLanguage: l });
    },
    [i18n],
  );

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  return (
    <div className="app">
      <Header language={language} onLanguage={changeLanguage} info={info} />
      <div className="body">
        <Library />
        <Preview templates={templates} />
      </div>
    </div>
  );
}
