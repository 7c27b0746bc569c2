import { createInstance } from 'i18next';
import type { BackendModule, i18n as I18n, Resource, ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES } from './languages.ts';
import type { Language, Namespace } from './languages.ts';
import { getPreferences, subscribePreferences } from './preferences.ts';
import { applyZodLanguage } from './zod-locale.ts';

/**
 * One loader per catalog file. Vite makes each a chunk of its own, so a screen downloads only the
 * namespaces it uses, in the current language.
 */
const catalogLoaders = import.meta.glob<{ default: ResourceLanguage }>('./locales/*/*.json');

/** Path of a catalog file, as {@link catalogLoaders} names it. */
function catalogPath(language: string, namespace: string): string {
  return `./locales/${language}/${namespace}.json`;
}

/** An i18next backend that loads `locales/<language>/<namespace>.json` on first use. */
const lazyCatalogs: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogLoaders[catalogPath(language, namespace)];
    if (!load) {
      callback(new Error(`No catalog ${catalogPath(language, namespace)}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** What {@link createI18n} needs. */
export interface I18nOptions {
  language: Language;
  /** Catalogs given up front (tests); without them each namespace is loaded lazily. */
  resources?: Resource;
  /** Namespaces to have ready before the promise resolves; `common` (the shell) by default. */
  namespaces?: readonly Namespace[];
}

/**
 * Makes an i18next instance for the app. Keys are typed from the English catalogs
 * (`i18next.d.ts`); a missing Thai string falls back to English, and the catalog test keeps
 * that from happening.
 */
export async function createI18n({ language, resources, namespaces = ['common'] }: I18nOptions): Promise<I18n> {
  const instance = createInstance();
  if (!resources) instance.use(lazyCatalogs);
  instance.use(initReactI18next);
  await instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    ns: [...namespaces],
    defaultNS: 'common',
    fallbackNS: false,
    resources,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * Keeps `instance`, `<html lang>` and zod's messages in step with the device's language preference
 * (which the signed-in user's stored language updates). Returns the unsubscribe function.
 */
export function followLanguagePreference(instance: I18n, root: HTMLElement = document.documentElement): () => void {
  const apply = () => {
    const { language } = getPreferences();
    root.lang = language;
    applyZodLanguage(language);
    if (instance.language !== language) void instance.changeLanguage(language);
  };
  apply();
  return subscribePreferences(apply);
}

/** Preloads the catalogs of `namespaces` in the current language (before a lazy route renders). */
export function loadNamespaces(instance: I18n, namespaces: readonly Namespace[]): Promise<void> {
  return instance.loadNamespaces([...namespaces]);
}
