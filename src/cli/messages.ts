/** The CLI's i18next instances: one translator per language over the namespaces a command words its output with. */
import i18next, { type TFunction } from 'i18next';
import type { Lang } from '../core/model/schema';

type Resources = Record<string, unknown>;

export async function translator(lang: Lang, namespaces: Record<string, { en: Resources; fr: Resources }>): Promise<TFunction> {
  const names = Object.keys(namespaces);
  const resources = {
    en: Object.fromEntries(names.map((n) => [n, namespaces[n]!.en])),
    fr: Object.fromEntries(names.map((n) => [n, namespaces[n]!.fr])),
  };
  const i18n = i18next.createInstance();
  await i18n.init({ lng: lang, fallbackLng: 'en', resources, ns: names, defaultNS: names[0]!, interpolation: { escapeValue: false } });
  return i18n.t;
}
