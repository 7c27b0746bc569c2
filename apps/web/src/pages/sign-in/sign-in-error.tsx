import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem.ts';
import { useProblemText } from '../../i18n/problem-text.ts';
import { formatWait } from '../../lib/lockout.ts';
import type { Lockout } from './use-lockout.ts';

/**
 * Why the last sign-in failed, in plain words in the user's language (an English reader gets the
 * API's own sentence), and during a lock-out how long until the next try. Hidden once a lock-out
 * has run out.
 */
export function SignInError({ error, lockout }: { error: unknown; lockout: Lockout }) {
  const { t, i18n } = useTranslation('signIn');
  const problemText = useProblemText();
  if (!error || lockout.expired) return null;
  const text =
    error instanceof ApiError
      ? i18n.language === 'en'
        ? error.problem.detail
        : problemText(error).title
      : t('form.failed');
  return (
    <div className="sign-in__error" role="alert">
      <p>{text}</p>
      {lockout.secondsLeft > 0 ? (
        <p className="sign-in__wait">
          <Trans
            t={t}
            i18nKey="form.wait"
            values={{ wait: formatWait(lockout.secondsLeft) }}
            components={{ time: <time /> }}
          />
        </p>
      ) : null}
    </div>
  );
}
