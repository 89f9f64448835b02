/**
 * Interface strings (i18next). Resources are the JSON files in locales/, bundled at build time.
 * The interface language is independent of any document's language.
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import enApp from '../../locales/en/app.json';
import frApp from '../../locales/fr/app.json';
import enChecker from '../../locales/en/checker.json';
import frChecker from '../../locales/fr/checker.json';
import enWorkspace from '../../locales/en/workspace.json';
import frWorkspace from '../../locales/fr/workspace.json';
import enCompare from '../../locales/en/compare.json';
import frCompare from '../../locales/fr/compare.json';
import type { InterfaceLanguage } from '../shared/ipc-contract';

// Typed against the English file: the typecheck fails if the French file lacks a key.
const fr: typeof enApp = frApp;
const frCheck: typeof enChecker = frChecker;
const frWork: typeof enWorkspace = frWorkspace;
const frComp: typeof enCompare = frCompare;

/** A plural form's key ("x_one", "x_other") is asked for as "x", with a `count`. */
type Plural<K extends string> = K extends `${infer B}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? B : K;

/** "a.b.c" paths of the string leaves of a resource file. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Plural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of locales/<lang>/app.json. */
export type AppKey = Leaves<typeof enApp>;

/**
 * `t` for the app's own strings, with keys checked by the typecheck. (Deliberately not a global
 * i18next type augmentation: other namespaces, such as the checker's messages, stay usable.)
 */
export function useAppTranslation() {
  const { t, i18n } = useTranslation('app');
  return { t: (key: AppKey, vars: Record<string, string | number> = {}): string => t(key, vars), i18n };
}

/** A key of locales/<lang>/workspace.json (the open dossier's screens: details, outline, checks, history, import). */
export type WorkspaceKey = Leaves<typeof enWorkspace>;

/** `t` for the workspace's strings (locales/<lang>/workspace.json), keys checked by the typecheck. */
export function useWorkspaceTranslation() {
  const { t, i18n } = useTranslation('workspace');
  return { t: (key: WorkspaceKey, vars: Record<string, string | number> = {}): string => t(key, vars), i18n };
}

/** `t` over the comparison's words (locales/<lang>/compare.json), for core/compare/describe.ts (keys "compare:…"). */
export function useCompareTranslation() {
  const { t } = useTranslation('compare');
  return { t: (key: string, vars: Record<string, unknown> = {}): string => t(key, vars as Record<string, string>) };
}

/**
 * `t` for the checker's findings (locales/<lang>/checker.json): keyed by finding code, with the
 * finding's parameters, in the interface language (not the document's).
 */
export function useCheckerTranslation() {
  const { t } = useTranslation('checker');
  return { t: (key: string, vars: Record<string, string | number> = {}): string => t(key, vars) };
}

/** The browser's preferred interface language (used until the host's settings arrive). */
export function browserLanguage(languages: readonly string[] = navigator.languages): InterfaceLanguage {
  for (const l of languages) {
    const base = l.toLowerCase().split(/[-_]/)[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

export function initI18n(lng: InterfaceLanguage) {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { app: enApp, checker: enChecker, workspace: enWorkspace, compare: enCompare },
      fr: { app: fr, checker: frCheck, workspace: frWork, compare: frComp },
    },
    lng,
    fallbackLng: 'en',
    supportedLngs: ['fr', 'en'],
    ns: ['app', 'checker', 'workspace', 'compare'],
    defaultNS: 'app',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}
