import { useSyncExternalStore } from 'react';
import { DEFAULT_LANGUAGE, isLanguage, preferredLanguage } from './languages.ts';
import type { Language, ThaiCalendar } from './languages.ts';

/**
 * How this device shows the app: language, Thai calendar and time zone. Kept in localStorage so a
 * station tablet speaks its operators' language before anyone signs in.
 */
export interface DevicePreferences {
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

/**
 * What the screens use: the device's preferences, with the signed-in person's own language (stored
 * on their user through the API) in place of the device's while they are signed in.
 */
export interface Preferences extends DevicePreferences {
  /** The device's own language: the sign-in screen's, and everyone's who has not chosen one. */
  deviceLanguage: Language;
}

/** Reads stored preferences, ignoring anything unreadable (a stale or hand-edited entry). */
export function parsePreferences(stored: string | null, browserLanguages: readonly string[]): DevicePreferences {
  const defaults: DevicePreferences = {
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

function writeStorage(value: DevicePreferences): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the choice still holds until the page is reloaded.
  }
}

let device: DevicePreferences = parsePreferences(readStorage(), globalThis.navigator?.languages ?? []);
let sessionLanguage: Language | null = null;
let current: Preferences = combine();
const listeners = new Set<() => void>();

function combine(): Preferences {
  return { ...device, language: sessionLanguage ?? device.language, deviceLanguage: device.language };
}

function publish(): void {
  const next = combine();
  if (
    next.language === current.language &&
    next.deviceLanguage === current.deviceLanguage &&
    next.calendar === current.calendar &&
    next.timeZone === current.timeZone
  ) {
    return;
  }
  current = next;
  for (const listener of listeners) listener();
}

/** The preferences in effect right now. */
export function getPreferences(): Preferences {
  return current;
}

/** Changes this device's preferences, stores them on the device and tells every subscriber. */
export function updatePreferences(change: Partial<DevicePreferences>): void {
  device = { ...device, ...change };
  writeStorage(device);
  publish();
}

/**
 * The signed-in person's own language (their user's `locale`), or null when nobody is signed in
 * or they never chose one: then the device's language applies. Not stored on the device, so the
 * next person on a shared tablet gets the tablet's language back.
 */
export function setSessionLanguage(language: Language | null): void {
  sessionLanguage = language;
  publish();
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribePreferences(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preferences in effect, re-rendering on change. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences, getPreferences);
}
