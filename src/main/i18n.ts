/**
 * Main-process strings (menus, dialogs), read from the same locales/ JSON as the renderer
 * (bundled at build time, so nothing is read from disk at run time).
 */
import enMenu from '../../locales/en/menu.json';
import frMenu from '../../locales/fr/menu.json';
import type { InterfaceLanguage } from '../shared/ipc-contract';

export type MenuKey = keyof typeof enMenu;

// `typeof enMenu` makes the typecheck fail if the French file lacks a key the English one has.
const resources: Record<InterfaceLanguage, Record<MenuKey, string>> = { en: enMenu, fr: frMenu };

/** `t('aboutDetail', { version: '1.0' })`: the string in `lang`, with `{{name}}` filled in. */
export function menuText(lang: InterfaceLanguage, key: MenuKey, vars: Record<string, string> = {}): string {
  const s = resources[lang][key] ?? resources.en[key];
  return s.replace(/\{\{(\w+)\}\}/g, (m, name: string) => vars[name] ?? m);
}

/** The interface language to start in, from the system's preferred languages. */
export function languageFromLocales(locales: readonly string[]): InterfaceLanguage {
  for (const l of locales) {
    const base = l.toLowerCase().split(/[-_]/)[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}
