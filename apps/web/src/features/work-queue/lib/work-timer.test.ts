import { describe, expect, it } from 'vitest';
import { formatStopwatch, isClockRunning, overStandardSeconds, workedSecondsAt } from './work-timer.ts';

const at = (iso: string) => Date.parse(iso);

describe('workedSecondsAt', () => {
  it('adds the finished intervals and counts the running one up to now', () => {
    const operators = [
      { closedSeconds: 90.4, runningSince: '2026-12-02T08:00:00.000Z' },
      { closedSeconds: 30, runningSince: null },
    ];
    expect(workedSecondsAt(operators, at('2026-12-02T08:00:00.000Z'))).toBe(120);
    expect(workedSecondsAt(operators, at('2026-12-02T08:01:05.500Z'))).toBe(185);
  });

  it('stands still when no clock runs, and never counts backwards for a clock ahead of the tablet', () => {
    const stopped = [{ closedSeconds: 61, runningSince: null }];
    expect(workedSecondsAt(stopped, at('2026-12-02T08:00:00Z'))).toBe(61);
    expect(workedSecondsAt(stopped, at('2026-12-03T08:00:00Z'))).toBe(61);
    const ahead = [{ closedSeconds: 10, runningSince: '2026-12-02T08:00:05.000Z' }];
    expect(workedSecondsAt(ahead, at('2026-12-02T08:00:00.000Z'))).toBe(10);
    expect(isClockRunning(stopped)).toBe(false);
    expect(isClockRunning(ahead)).toBe(true);
  });
});

describe('formatStopwatch', () => {
  it('reads m:ss below an hour and h:mm:ss from an hour', () => {
    expect(formatStopwatch(0)).toBe('0:00');
    expect(formatStopwatch(65)).toBe('1:05');
    expect(formatStopwatch(3599)).toBe('59:59');
    expect(formatStopwatch(3600)).toBe('1:00:00');
    expect(formatStopwatch(2 * 3600 + 3 * 60 + 4.9)).toBe('2:03:04');
  });
});

describe('overStandardSeconds', () => {
  it('is the labour past the standard minutes, 0 within them or without a standard', () => {
    expect(overStandardSeconds(11 * 60, 12)).toBe(0);
    expect(overStandardSeconds(13 * 60, 12)).toBe(60);
    expect(overStandardSeconds(999, null)).toBe(0);
  });
});
