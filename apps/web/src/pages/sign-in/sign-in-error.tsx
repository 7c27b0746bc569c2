import { ApiError } from '../../api/problem.ts';
import { formatWait } from '../../lib/lockout.ts';
import type { Lockout } from './use-lockout.ts';

/**
 * Why the last sign-in failed, in the API's words (the problem's `detail`), and during a lock-out
 * how long until the next try. Hidden once a lock-out has run out.
 */
export function SignInError({ error, lockout }: { error: unknown; lockout: Lockout }) {
  if (!error || lockout.expired) return null;
  const detail = error instanceof ApiError ? error.problem.detail : 'Signing in failed. Please try again.';
  return (
    <div className="sign-in__error" role="alert">
      <p>{detail}</p>
      {lockout.secondsLeft > 0 ? (
        <p className="sign-in__wait">
          You can try again in <time>{formatWait(lockout.secondsLeft)}</time>.
        </p>
      ) : null}
    </div>
  );
}
