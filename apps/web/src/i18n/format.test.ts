import { describe, expect, it } from 'vitest';
import { createFormatter } from './format.ts';

const bangkok = { timeZone: 'Asia/Bangkok' };
const instant = '2026-12-01T18:30:00.000Z'; // 2 December 01:30 in Bangkok

describe('createFormatter', () => {
  it('formats instants in the explicit time zone, not the machine one', () => {
    const en = createFormatter({ language: 'en', calendar: 'buddhist', ...bangkok });
    expect(en.date(instant)).toBe('2 Dec 2026');
    expect(en.time(instant)).toBe('01:30');
    expect(en.dateTime(instant)).toBe('2 Dec 2026, 01:30');
    const utc = createFormatter({ language: 'en', calendar: 'buddhist', timeZone: 'UTC' });
    expect(utc.date(instant)).toBe('1 Dec 2026');
  });

  it('counts Thai years in the Buddhist era unless the Gregorian calendar is chosen', () => {
    const buddhist = createFormatter({ language: 'th', calendar: 'buddhist', ...bangkok });
    const gregorian = createFormatter({ language: 'th', calendar: 'gregory', ...bangkok });
    expect(buddhist.date(instant)).toContain('2569');
    expect(gregorian.date(instant)).toContain('2026');
    expect(gregorian.date(instant)).toContain('ธ.ค.');
    expect(gregorian.locale).toBe('th-TH-u-ca-gregory');
  });

  it('shows a due date as the same calendar day in every time zone', () => {
    const pacific = createFormatter({ language: 'en', calendar: 'buddhist', timeZone: 'Pacific/Honolulu' });
    expect(pacific.day('2026-12-12')).toBe('12 Dec 2026');
    expect(pacific.day('2026-12-12T00:00:00.000Z')).toBe('12 Dec 2026');
    expect(pacific.day('not a date')).toBe('not a date');
  });

  it('words durations in minutes and hours in each language', () => {
    const en = createFormatter({ language: 'en', calendar: 'buddhist', ...bangkok });
    const th = createFormatter({ language: 'th', calendar: 'buddhist', ...bangkok });
    expect(en.minutes(45)).toBe('45 mins');
    expect(en.minutes(1)).toBe('1 min');
    expect(en.minutes(90)).toBe('1 hr 30 mins');
    expect(en.minutes(120)).toBe('2 hrs');
    expect(th.minutes(45)).toBe('45 นาที');
    expect(en.number(1234.5)).toBe('1,234.5');
  });

  it('says how far an instant is from now, in the largest fitting unit', () => {
    const en = createFormatter({ language: 'en', calendar: 'buddhist', ...bangkok });
    const now = '2026-12-02T10:00:00.000Z';
    expect(en.relative('2026-12-02T09:55:00.000Z', now)).toBe('5 minutes ago');
    expect(en.relative('2026-12-05T10:00:00.000Z', now)).toBe('in 3 days');
    expect(en.relative('2026-12-01T10:00:00.000Z', now)).toBe('yesterday');
  });
});
