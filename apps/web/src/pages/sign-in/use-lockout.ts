import { useEffect, useState } from 'react';
import { lockoutEndsAt, secondsLeft } from '../../lib/lockout.ts';

/**
 * The sign-in lock-out after a 429: `note(error)` on each failed attempt starts the wait the
 * server asked for; `secondsLeft` counts down each second until it is over.
 */
export function useLockout() {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const left = secondsLeft(endsAt, now);
  const counting = left > 0;

  useEffect(() => {
    if (!counting) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [counting]);

  return {
    /** Seconds until the next attempt is allowed; 0 when the user may try now. */
    secondsLeft: left,
    /** True once a timed lock-out has run out: its message is stale. */
    expired: endsAt !== null && !counting,
    note(error: unknown): void {
      const at = Date.now();
      setNow(at);
      setEndsAt(lockoutEndsAt(error, at));
    },
    clear(): void {
      setEndsAt(null);
    },
  };
}

/** What a sign-in form needs of its lock-out. */
export type Lockout = ReturnType<typeof useLockout>;
