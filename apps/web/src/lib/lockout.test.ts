import { describe, expect, it } from 'vitest';
import { ApiError, toProblem } from '../api/problem.ts';
import { formatWait, lockoutEndsAt, secondsLeft } from './lockout.ts';

const tooMany = (retryAfter: number | null) =>
  new ApiError(
    toProblem(
      429,
      'application/problem+json',
      JSON.stringify({ detail: 'Too many failed sign-in attempts.', code: 'TOO_MANY_ATTEMPTS' }),
    ),
    retryAfter,
  );

describe('lockoutEndsAt', () => {
  it('counts the Retry-After of a 429 from the moment it arrived', () => {
    expect(lockoutEndsAt(tooMany(900), 1_000)).toBe(901_000);
  });

  it('is no lock-out for a wrong password, or a 429 that did not say how long', () => {
    const wrong = new ApiError(
      toProblem(401, 'application/problem+json', JSON.stringify({ code: 'INVALID_CREDENTIALS' })),
    );
    expect(lockoutEndsAt(wrong, 0)).toBeNull();
    expect(lockoutEndsAt(tooMany(null), 0)).toBeNull();
    expect(lockoutEndsAt(new Error('offline'), 0)).toBeNull();
  });
});

describe('secondsLeft', () => {
  it('rounds up and stops at zero', () => {
    expect(secondsLeft(10_000, 8_500)).toBe(2);
    expect(secondsLeft(10_000, 10_000)).toBe(0);
    expect(secondsLeft(10_000, 12_000)).toBe(0);
    expect(secondsLeft(null, 0)).toBe(0);
  });
});

describe('formatWait', () => {
  it('reads like a clock', () => {
    expect(formatWait(900)).toBe('15:00');
    expect(formatWait(899)).toBe('14:59');
    expect(formatWait(5)).toBe('0:05');
    expect(formatWait(3600)).toBe('1:00:00');
    expect(formatWait(-3)).toBe('0:00');
  });
});
