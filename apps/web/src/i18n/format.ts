import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, localeTag, DEFAULT_LANGUAGE } from './languages.ts';
import type { Language, ThaiCalendar } from './languages.ts';
import { usePreferences } from './preferences.ts';

/** Something that names an instant: a Date, epoch milliseconds or an ISO 8601 string. */
export type Instant = Date | number | string;

/** Formatting functions bound to one locale, calendar and time zone. */
export interface Formatter {
  /** The BCP 47 locale in use, e.g. `th-TH-u-ca-gregory`. */
  locale: string;
  timeZone: string;
  /** "12 Dec 2026" / "12 ธ.ค. 2569" in the time zone. */
  date: (value: Instant) => string;
  /** A calendar day such as a due date (`2026-12-12`), the same day in every time zone. */
  day: (isoDate: string) => string;
  /** "14:05". */
  time: (value: Instant) => string;
  /** "12 Dec 2026, 14:05". */
  dateTime: (value: Instant) => string;
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A duration in minutes: "45 mins", "1 hr 30 mins" (and the Thai equivalents). */
  minutes: (value: number) => string;
  /** "in 3 days", "5 minutes ago", "yesterday", relative to `now`. */
  relative: (value: Instant, now?: Instant) => string;
}

/** What a {@link Formatter} is made for. */
export interface FormatSettings {
  language: Language;
  calendar: ThaiCalendar;
  timeZone: string;
}

const toDate = (value: Instant): Date => (value instanceof Date ? value : new Date(value));

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** The calendar-day part of an ISO date or date-time, as UTC midnight; null when unreadable. */
function utcDay(isoDate: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return null;
  const [, y, m, d] = match;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** Makes the formatting functions for `settings`; every `Intl` object is built once. */
export function createFormatter({ language, calendar, timeZone }: FormatSettings): Formatter {
  const locale = localeTag(language, calendar);
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const dayFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const minuteFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const hourFormat = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const numberFormats = new Map<string, Intl.NumberFormat>();

  return {
    locale,
    timeZone,
    date: (value) => dateFormat.format(toDate(value)),
    day: (isoDate) => {
      const day = utcDay(isoDate);
      return day ? dayFormat.format(day) : isoDate;
    },
    time: (value) => timeFormat.format(toDate(value)),
    dateTime: (value) => dateTimeFormat.format(toDate(value)),
    number: (value, options) => {
      const key = JSON.stringify(options ?? {});
      let format = numberFormats.get(key);
      if (!format) {
        format = new Intl.NumberFormat(locale, options);
        numberFormats.set(key, format);
      }
      return format.format(value);
    },
    minutes: (value) => {
      const whole = Math.round(value);
      if (Math.abs(whole) < 60) return minuteFormat.format(whole);
      const hours = Math.trunc(whole / 60);
      const rest = Math.abs(whole % 60);
      return rest === 0 ? hourFormat.format(hours) : `${hourFormat.format(hours)} ${minuteFormat.format(rest)}`;
    },
    relative: (value, now = new Date()) => {
      let amount = (toDate(value).getTime() - toDate(now).getTime()) / 1000;
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(amount) < size) return relativeFormat.format(Math.round(amount), unit);
        amount /= size;
      }
      return relativeFormat.format(Math.round(amount), 'year');
    },
  };
}

/**
 * Dates, times and numbers in the user's language, calendar and time zone, re-made when any of
 * them changes. Use it for every date or number a screen shows.
 */
export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const { calendar, timeZone } = usePreferences();
  const language: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return useMemo(() => createFormatter({ language, calendar, timeZone }), [language, calendar, timeZone]);
}
