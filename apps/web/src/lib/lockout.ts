import { ApiError } from '../api/problem.ts';

/**
 * When a sign-in lock-out ends (epoch ms), for a 429 answer that said how long to wait
 * (`Retry-After`); null for any other failure.
 */
export function lockoutEndsAt(error: unknown, nowMs: number): number | null {
  if (!(error instanceof ApiError) || error.problem.status !== 429 || error.retryAfterSeconds === null) return null;
  return nowMs + error.retryAfterSeconds * 1000;
}

/** Whole seconds left until `endsAt` (0 once it has passed, or when there is no lock-out). */
export function secondsLeft(endsAt: number | null, nowMs: number): number {
  return endsAt === null ? 0 : Math.max(0, Math.ceil((endsAt - nowMs) / 1000));
}

/** A wait as a clock: `14:59`, `0:05`, `1:00:00`. */
export function formatWait(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
