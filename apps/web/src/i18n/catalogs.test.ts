import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CATALOGS } from './all-catalogs.ts';
import { LANGUAGES, NAMESPACES } from './languages.ts';

/**
 * The catalogs and the code agree: every key is in both languages, and every key is used. Keys are
 * found in the source the way the conventions write them — literal keys only (`t('card.start')`,
 * `<Trans i18nKey="…">`), the namespace from `useTranslation('station')` or a `TFunction<'orders'>`
 * parameter — so a key built at run time is counted as unused, on purpose.
 */

const PLURAL = /_(zero|one|two|few|many|other)$/;
const SRC = new URL('..', import.meta.url).pathname;

type Catalog = { [key: string]: unknown };

/** `{ a: { b: 'x' } }` → `['a.b']`; arrays (lists of sentences) are leaves. */
function leafKeys(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? leafKeys(value as Catalog, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const catalog = (language: string, namespace: string): Catalog =>
  (ALL_CATALOGS[language]?.[namespace] ?? {}) as Catalog;

/** Keys as the code names them: plural forms (`count_one`, `count_other`) are one key, `count`. */
const baseKeys = (keys: string[]) => new Set(keys.map((key) => key.replace(PLURAL, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The namespaces each translate function of a file speaks: `t` → ['orders'], `tc` → ['common']. */
function translatorsOf(source: string): Map<string, Set<string>> {
  const names = new Map<string, Set<string>>();
  const bind = (name: string, namespace: string) => {
    if (!names.has(name)) names.set(name, new Set());
    names.get(name)?.add(namespace);
  };
  const firstNamespace = (arg: string | undefined) => /'([^']+)'/.exec(arg ?? '')?.[1] ?? 'common';
  for (const match of source.matchAll(/\{\s*t(?:\s*:\s*(\w+))?\b[^}]*\}\s*=\s*useTranslation\(([^)]*)\)/g)) {
    bind(match[1] ?? 't', firstNamespace(match[2]));
  }
  for (const match of source.matchAll(/\b(\w+)\s*:\s*TFunction<\s*'(\w+)'\s*>/g)) bind(match[1] ?? 't', match[2] ?? '');
  return names;
}

/** Every `namespace:key` the source uses with literal keys. */
function usedKeys(): Set<string> {
  const used = new Set<string>();
  const note = (namespaces: Iterable<string>, key: string) => {
    const prefixed = /^(\w+):(.+)$/.exec(key);
    if (prefixed) used.add(`${prefixed[1]}:${prefixed[2]}`);
    else for (const namespace of namespaces) used.add(`${namespace}:${key}`);
  };
  for (const file of sourceFiles(SRC)) {
    const source = readFileSync(file, 'utf8');
    const translators = translatorsOf(source);
    for (const [name, namespaces] of translators) {
      for (const match of source.matchAll(new RegExp(`\\b${name}\\(\\s*'([^']+)'`, 'g')))
        note(namespaces, match[1] ?? '');
    }
    const allNamespaces = new Set([...translators.values()].flatMap((set) => [...set]));
    for (const match of source.matchAll(/i18nKey=["']([^"']+)["']/g)) note(allNamespaces, match[1] ?? '');
  }
  return used;
}

describe('i18n catalogs', () => {
  for (const namespace of NAMESPACES) {
    it(`${namespace}: every key is in English and Thai, with the plural forms each language needs`, () => {
      const english = leafKeys(catalog('en', namespace));
      for (const language of LANGUAGES.filter((l) => l !== 'en')) {
        const other = leafKeys(catalog(language, namespace));
        expect(
          [...baseKeys(english)].filter((key) => !baseKeys(other).has(key)),
          `missing in ${language}`,
        ).toEqual([]);
        expect(
          [...baseKeys(other)].filter((key) => !baseKeys(english).has(key)),
          `only in ${language}`,
        ).toEqual([]);
        // Thai has one plural form: `_other`, for every key English pluralises.
        const plurals = [...new Set(english.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')))];
        expect(
          plurals.filter((key) => !other.includes(`${key}_other`)),
          `plural forms in ${language}`,
        ).toEqual([]);
      }
      expect(
        english.filter((key) => key.endsWith('_one') && !english.includes(key.replace(/_one$/, '_other'))),
      ).toEqual([]);
    });

    it(`${namespace}: lists have as many entries in every language`, () => {
      const lists = leafKeys(catalog('en', namespace)).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Catalog)[part], catalog('en', namespace));
        return Array.isArray(value);
      });
      for (const key of lists) {
        const lengthIn = (language: string) =>
          (
            key.split('.').reduce<unknown>((node, part) => (node as Catalog)?.[part], catalog(language, namespace)) as
              unknown[] | undefined
          )?.length;
        expect(lengthIn('th'), key).toBe(lengthIn('en'));
      }
    });
  }

  it('has no key the code never uses', () => {
    const used = usedKeys();
    const unused = NAMESPACES.flatMap((namespace) =>
      [...baseKeys(leafKeys(catalog('en', namespace)))]
        .map((key) => `${namespace}:${key}`)
        .filter((key) => !used.has(key)),
    );
    expect(unused).toEqual([]);
  });

  it('finds keys the way the code writes them (so the check above can fail)', () => {
    const used = usedKeys();
    expect(used.has('orders:nodes.note')).toBe(true); // <Trans i18nKey>
    expect(used.has('common:actions.loadMore')).toBe(true); // a `common:` prefix
    expect(used.has('common:status.in_progress')).toBe(true); // a TFunction<'common'> parameter
    expect(used.has('orders:no.such.key')).toBe(false);
    expect(relative(SRC, join(SRC, 'i18n'))).toBe('i18n');
  });
});
