/** The languages the app speaks; English is the fallback and the source of the typed keys. */
export const LANGUAGES = ['en', 'th'] as const;

/** A language of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** The language used when nothing else is known. */
export const DEFAULT_LANGUAGE: Language = 'en';

/**
 * How years are counted in Thai: the Buddhist era ("2569", what `th-TH` shows by default) or the
 * Gregorian one ("2026", matching the years inside order codes such as MO-2026-0012).
 */
export type ThaiCalendar = 'buddhist' | 'gregory';

/** Every translation namespace: one per screen family (see the i18n README). */
export const NAMESPACES = ['common', 'signIn', 'orders', 'station', 'admin', 'designer'] as const;

/** A namespace of {@link NAMESPACES}. */
export type Namespace = (typeof NAMESPACES)[number];

/** Whether `value` is a language the app speaks. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a browser asks for first among those the app speaks (`navigator.languages`), or the
 * default. `th-TH` counts as Thai.
 */
export function preferredLanguage(requested: readonly string[]): Language {
  for (const tag of requested) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The BCP 47 locale `Intl` formats with. English is British English (day before month, 24-hour
 * clock, as a Thai factory reads it); Thai uses the chosen calendar.
 */
export function localeTag(language: Language, calendar: ThaiCalendar): string {
  if (language === 'th') return calendar === 'gregory' ? 'th-TH-u-ca-gregory' : 'th-TH';
  return 'en-GB';
}
