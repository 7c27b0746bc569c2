import { readFileSync } from 'node:fs';

type Catalog = { [key: string]: unknown };

function load(language: string, namespace: string): Catalog {
  const url = new URL(`../../../apps/web/src/i18n/locales/${language}/${namespace}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Catalog;
}

function leaves(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]): [string, string][] => {
    if (typeof value === 'string') return [[`${prefix}${key}`, value]];
    if (Array.isArray(value))
      return value.map((item, index): [string, string] => [`${prefix}${key}.${index}`, String(item)]);
    return value && typeof value === 'object' ? leaves(value as Catalog, `${prefix}${key}.`) : [];
  });
}

/**
 * The English sentences of `namespaces` that a Thai page must not show: every English catalog text
 * (split at its `{{placeholders}}` and tags) that its Thai entry does not also contain — brand
 * names and codes such as "Atelier Flow" or "MES" are the same in both and so are left out.
 */
export function englishOnlyTexts(namespaces: readonly string[]): string[] {
  const texts = new Set<string>();
  for (const namespace of namespaces) {
    const thai = new Map(leaves(load('th', namespace)));
    const thaiByBase = new Map([...thai].map(([key, value]) => [key.replace(/_(one|other)$/, ''), value]));
    for (const [key, english] of leaves(load('en', namespace))) {
      const translated = thai.get(key) ?? thaiByBase.get(key.replace(/_(one|other)$/, '')) ?? '';
      for (const part of english.split(/\{\{[^}]+\}\}|<\/?\w+>/)) {
        const words = part
          .trim()
          .replace(/[.,:;·—()“”]+$/u, '')
          .trim();
        // Fragments of a word or two ("v", "at") would match inside names in the demo data.
        if (words.length >= 4 && /[A-Za-z]{3}/.test(words) && !translated.includes(words)) texts.add(words);
      }
    }
  }
  return [...texts];
}
