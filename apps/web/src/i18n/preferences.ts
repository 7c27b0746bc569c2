import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE, isLanguage, preferredLanguage } from './languages.ts';
import type { Language, ThaiCalendar } from './languages.ts';

/**
 * How this device shows the app: language, Thai calendar and time zone. Kept in localStorage so a
 * station tablet speaks its operators' language before anyone signs in; a signed-in user's stored
 * language (from the API) replaces it.
 */
export interface Preferences {
  language: Language;
  calendar: ThaiCalendar;
  /** IANA time zone every date and time is shown in; the device's own unless set. */
  timeZone: string;
}

const STORAGE_KEY = 'atelier.preferences';

/** The device's time zone (the factory's, on a station tablet). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Reads stored preferences, ignoring anything unreadable (a stale or hand-edited entry). */
export function parsePreferences(stored: string | null, browserLanguages: readonly string[]): Preferences {
  const defaults: Preferences = {
    language: browserLanguages.length ? preferredLanguage(browserLanguages) : DEFAULT_LANGUAGE,
    calendar: 'buddhist',
    timeZone: deviceTimeZone(),
  };
  if (!stored) return defaults;
  try {
    const parsed = JSON.parse(stored) as Partial<Record<keyof Preferences, unknown>>;
    return {
      language: isLanguage(parsed.language) ? parsed.language : defaults.language,
      calendar: parsed.calendar === 'gregory' || parsed.calendar === 'buddhist' ? parsed.calendar : defaults.calendar,
      timeZone: isTimeZone(parsed.timeZone) ? parsed.timeZone : defaults.timeZone,
    };
  } catch {
    return defaults;
  }
}

function readStorage(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(value: Preferences): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the choice still holds until the page is reloaded.
  }
}

let current: Preferences = parsePreferences(readStorage(), globalThis.navigator?.languages ?? []);
const listeners = new Set<() => void>();

/** This device's preferences right now. */
export function getPreferences(): Preferences {
  return current;
}

/** Changes some preferences, stores them on the device and tells every subscriber. */
export function updatePreferences(change: Partial<Preferences>): void {
  const next = { ...current, ...change };
  if (next.language === current.language && next.calendar === current.calendar && next.timeZone === current.timeZone) {
    return;
  }
  current = next;
  writeStorage(current);
  for (const listener of listeners) listener();
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The device's preferences, re-rendering on change. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences, getPreferences);
}
