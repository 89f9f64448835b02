import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../core/model/schema';
import { defaultVersion } from '../core/model/versions';
import type { AppInfo, Dossier, InterfaceLanguage, TemplateInfo } from '../shared/ipc-contract';
import { api } from './api';
import { Header } from './components/Header';
import { Library } from './components/Library';
import { Preview } from './components/Preview';
import { useAppTranslation } from './i18n';
import { useAppCommands } from './commands/registry';

/** Focuses the first element `selector` finds (a menu command that leads to a control on screen). */
function focusOn(selector: string): void {
  document.querySelector<HTMLElement>(selector)?.focus();
}

/** The dossier id in the address (`#dossier=<id>`), if any. */
function dossierFromHash(): string | undefined {
  const m = /^#dossier=([0-9a-z]{12})$/.exec(location.hash);
  return m ? m[1] : undefined;
}

export function App({ initialLanguage }: { initialLanguage: InterfaceLanguage }) {
  const { t, i18n } = useAppTranslation();
  const [language, setLanguage] = useState<InterfaceLanguage>(initialLanguage);
  const [info, setInfo] = useState<AppInfo | undefined>();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [open, setOpen] = useState<{ dossier: Dossier; lang: Lang } | undefined>();

  // The version a dossier opens in follows the one rule the CLI uses too (core/model/versions).
  const openDossier = useCallback((dossier: Dossier) => {
    setOpen({ dossier, lang: defaultVersion(dossier.document) });
    // The address names the open dossier, so a reload (or a link) opens it again.
    if (dossierFromHash() !== dossier.id) history.replaceState(null, '', `#dossier=${dossier.id}`);
  }, []);
  const closeDossier = useCallback(() => {
    setOpen(undefined);
    if (dossierFromHash() !== undefined) history.replaceState(null, '', location.pathname + location.search);
  }, []);

  // #dossier=<id> opens that dossier (at start, and when the address changes).
  useEffect(() => {
    const openFromHash = () => {
      const id = dossierFromHash();
      if (id === undefined) return;
      void api.invoke('dossier.get', { id }).then((r) => {
        if (r.ok) openDossier(r.value);
        else console.error(`[app] #dossier=${id}: ${r.error.message}`);
      });
    };
    openFromHash();
    window.addEventListener('hashchange', openFromHash);
    return () => window.removeEventListener('hashchange', openFromHash);
  }, [openDossier]);

  // A file the system asked the host to open was imported: show it.
  useEffect(
    () =>
      api.onEvent('dossier.opened', ({ id }) => {
        void api.invoke('dossier.get', { id }).then((r) => {
          if (r.ok) openDossier(r.value);
          else console.error(`[app] opened file ${id}: ${r.error.message}`);
        });
      }),
    [openDossier],
  );
  // File > New from Template… and Open…: the library's own controls.
  useAppCommands({
    'file.new': () => focusOn('[data-testid="new-document"] select'),
    'file.open': () => focusOn('[data-testid="library-search"]'),
  });

  const reloadDossier = useCallback(() => {
    if (!open) return;
    void api.invoke('dossier.get', { id: open.dossier.id }).then((r) => r.ok && setOpen({ dossier: r.value, lang: open.lang }));
  }, [open]);

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
          open={
            open && {
              dossier: open.dossier,
              lang: open.lang,
              onLang: (lang, latest) => setOpen({ dossier: latest ? { ...open.dossier, document: latest } : open.dossier, lang }),
              onClose: closeDossier,
              onSaved: (document, version) => setOpen((o) => (o && o.dossier.id === open.dossier.id ? { ...o, dossier: { ...o.dossier, document, version } } : o)),
              onReload: reloadDossier,
            }
          }
        />
      </div>
    </div>
  );
}
