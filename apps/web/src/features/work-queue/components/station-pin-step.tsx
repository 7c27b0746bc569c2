import type { PinSignIn } from '@atelier/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../../api/queries.ts';
import { usePinSignIn } from '../../../api/session-queries.ts';
import { Button } from '../../../components/button.tsx';
import { formatWait, lockoutEndsAt, secondsLeft } from '../../../lib/lockout.ts';
import { isCompletePin, pinKeyOf, pressPinKey, type PinKey } from '../../../lib/pin-entry.ts';
import { useNow } from '../hooks/use-now.ts';
import { StationPinPad } from './station-pin-pad.tsx';

/** Who is signing in: a tile picked (user id and name) or a badge scanned. */
export type StationSignInTarget = { userId: string; displayName: string } | { badgeId: string };

/**
 * The PIN for the picked operator or scanned badge, on the big pad or a keypad; a wrong PIN
 * clears the pad and says so, a lock-out counts down.
 */
export function StationPinStep({
  target,
  onBack,
  onSignedIn,
}: {
  target: StationSignInTarget;
  onBack: () => void;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation('station');
  const signIn = usePinSignIn();
  const client = useQueryClient();
  const [pin, setPin] = useState('');
  const [lockedUntil, setLockedUntil] = useState<number | null>(null);
  const now = useNow(1000, lockedUntil !== null);
  const wait = secondsLeft(lockedUntil, now);
  const busy = signIn.isPending || wait > 0;
  const canSubmit = !busy && isCompletePin(pin);

  const submit = () => {
    if (!canSubmit) return;
    const body: PinSignIn = 'userId' in target ? { userId: target.userId, pin } : { badgeId: target.badgeId, pin };
    // The tablet stays the same station whoever signs in: keep it through the fresh cache.
    const station = client.getQueryData(queryKeys.thisStation);
    signIn.mutate(body, {
      onSuccess: () => {
        if (station !== undefined) client.setQueryData(queryKeys.thisStation, station);
        onSignedIn();
      },
      onError: (error) => {
        setLockedUntil(lockoutEndsAt(error, Date.now()));
        setPin('');
      },
    });
  };
  const press = (key: PinKey) => setPin((current) => pressPinKey(current, key));

  // A tablet with a keypad (or a desktop) types the PIN and Enter.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        submit();
        return;
      }
      const key = pinKeyOf(event.key);
      if (key !== null && !busy) {
        event.preventDefault();
        press(key);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const error = signIn.error;
  const message =
    error === null
      ? null
      : wait > 0
        ? t('station.locked', { wait: formatWait(wait) })
        : error instanceof ApiError && error.problem.status === 401
          ? t('station.wrongPin')
          : error instanceof ApiError && error.problem.status === 429
            ? null
            : t('station.signInFailed');

  return (
    <section className="wq-signin__pin" aria-labelledby="wq-pin-title">
      <h2 id="wq-pin-title" className="wq-signin__title">
        {'userId' in target
          ? t('station.pinTitle', { name: target.displayName })
          : t('station.badgeTitle', { badge: target.badgeId })}
      </h2>
      <p className="wq-signin__lead">{t('station.pinLead')}</p>
      <StationPinPad pin={pin} disabled={busy} onKey={press} />
      {message ? (
        <p className="wq-signin__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="wq-signin__buttons">
        <Button size="large" onClick={onBack}>
          {t('station.back')}
        </Button>
        <Button variant="primary" size="large" disabled={!canSubmit} pending={signIn.isPending} onClick={submit}>
          {t('station.signIn')}
        </Button>
      </div>
    </section>
  );
}
