import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './languages.ts';
import { parsePreferences } from './preferences.ts';

describe('parsePreferences', () => {
  it('reads what the device stored', () => {
    const stored = JSON.stringify({ language: 'th', calendar: 'gregory', timeZone: 'Asia/Bangkok' });
    expect(parsePreferences(stored, ['en-GB'])).toEqual({
      language: 'th',
      calendar: 'gregory',
      timeZone: 'Asia/Bangkok',
    });
  });

  it('falls back to the browser language and sane defaults for anything unreadable', () => {
    const stored = JSON.stringify({ language: 'fr', calendar: 'julian', timeZone: 'Mars/Olympus' });
    const parsed = parsePreferences(stored, ['th-TH', 'en']);
    expect(parsed.language).toBe('th');
    expect(parsed.calendar).toBe('buddhist');
    expect(parsed.timeZone).not.toBe('Mars/Olympus');
    expect(parsePreferences('{not json', []).language).toBe('en');
  });
});

describe('preferredLanguage', () => {
  it('picks the first language the app speaks', () => {
    expect(preferredLanguage(['de-DE', 'th-TH', 'en'])).toBe('th');
    expect(preferredLanguage(['de'])).toBe('en');
  });
});

describe('session language', () => {
  it('shows the signed-in person their own language and gives the device its own back afterwards', async () => {
    const { getPreferences, setSessionLanguage, updatePreferences } = await import('./preferences.ts');
    updatePreferences({ language: 'th' });
    setSessionLanguage('en');
    expect(getPreferences()).toMatchObject({ language: 'en', deviceLanguage: 'th' });
    setSessionLanguage(null);
    expect(getPreferences()).toMatchObject({ language: 'th', deviceLanguage: 'th' });
  });
});
