import type { Resource, ResourceLanguage } from 'i18next';

const files = import.meta.glob<ResourceLanguage>('./locales/*/*.json', { eager: true, import: 'default' });

/**
 * Every catalog of every language, bundled: for tests and the catalog checks only (the app loads
 * them lazily, see `i18n.ts`).
 */
export const ALL_CATALOGS: Resource = {};
for (const [path, catalog] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, language = '', namespace = ''] = match;
  (ALL_CATALOGS[language] ??= {})[namespace] = catalog;
}
