import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../core/model/schema';
import { defaultVersion } from '../core/model/versions';
import type { AppInfo, Dossier, InterfaceLanguage, TemplateInfo } from '../shared/ipc-contract';
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
  const [open, setOpen] = useState<{ dossier: Dossier; lang: Lang } | undefined>();

  // The version a dossier opens in follows the one rule the CLI uses too (core/model/versions).
  const openDossier = useCallback((dossier: Dossier) => setOpen({ dossier, lang: defaultVersion(dossier.document) }), []);
  const closeDossier = useCallback(() => setOpen(undefined), []);

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
        <Library language={language} templates={templates} open={open?.dossier} openLang={open?.lang ?? 'fr'} onOpen={openDossier} onClose={closeDossier} />
        <Preview
          templates={templates}
          open={open && { dossier: open.dossier, lang: open.lang, onLang: (lang) => setOpen({ ...open, lang }), onClose: closeDossier }}
        />
      </div>
    </div>
  );
}
