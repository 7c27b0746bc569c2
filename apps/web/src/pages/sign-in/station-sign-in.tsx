import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { usePinSignIn } from '../../api/session-queries.ts';
import { useThisStation } from '../../api/station-queries.ts';
import type { Me } from '@atelier/contracts';
import { isCompletePin, pinKeyOf, pressPinKey } from '../../lib/pin-entry.ts';
import type { PinKey } from '../../lib/pin-entry.ts';
import { CodeField } from './code-field.tsx';
import { PairStationForm } from './pair-station-form.tsx';
import { PinPad } from './pin-pad.tsx';
import { SignInError } from './sign-in-error.tsx';
import { useLockout } from './use-lockout.ts';

/** Step one: the operator scans their badge (a scanner types it and presses Enter) or types it. */
function BadgeStep({ onContinue }: { onContinue: (badgeId: string) => void }) {
  const { t } = useTranslation('signIn');
  const [badge, setBadge] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (badge.trim()) onContinue(badge.trim());
  };
  return (
    <form className="sign-in__form" onSubmit={submit}>
      <CodeField
        label={t('badge.label')}
        name="badge"
        value={badge}
        onChange={setBadge}
        placeholder={t('badge.placeholder')}
      />
      <Button type="submit" variant="primary" size="large" block disabled={!badge.trim()}>
        {t('badge.continue')}
      </Button>
    </form>
  );
}

/** Step two: the PIN, on the big pad or a keyboard; a wrong PIN clears the pad and says why. */
function PinStep({
  badgeId,
  onChangeBadge,
  onSignedIn,
}: {
  badgeId: string;
  onChangeBadge: () => void;
  onSignedIn: (user: Me) => void;
}) {
  const { t } = useTranslation('signIn');
  const signIn = usePinSignIn();
  const lockout = useLockout();
  const [pin, setPin] = useState('');
  const locked = lockout.secondsLeft > 0;
  const busy = signIn.isPending || locked;
  const canSubmit = !busy && isCompletePin(pin);

  const submit = () => {
    if (!canSubmit) return;
    lockout.clear();
    signIn.mutate(
      { badgeId, pin },
      {
        onSuccess: (result) => onSignedIn(result.user),
        onError: (error) => {
          lockout.note(error);
          setPin('');
        },
      },
    );
  };
  const press = (key: PinKey) => setPin((current) => pressPinKey(current, key));

  // A tablet with a hardware keypad, or a desktop for testing, types the PIN instead of tapping it.
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

  return (
    <div className="sign-in__form">
      <div className="station-badge">
        <span>
          <Trans
            t={t}
            i18nKey="badge.current"
            values={{ badge: badgeId }}
            components={{ strong: <strong className="station-badge__id" /> }}
          />
        </span>
        <Button onClick={onChangeBadge}>{t('badge.change')}</Button>
      </div>
      <PinPad pin={pin} disabled={busy} onKey={press} />
      <SignInError error={signIn.error} lockout={lockout} />
      <Button variant="primary" size="large" block pending={signIn.isPending} disabled={!canSubmit} onClick={submit}>
        {signIn.isPending ? t('form.pending') : t('form.submit')}
      </Button>
    </div>
  );
}

/** Badge, then PIN, on a paired station. */
function BadgeAndPin({ onSignedIn }: { onSignedIn: (user: Me) => void }) {
  const [badgeId, setBadgeId] = useState<string | null>(null);
  if (badgeId === null) return <BadgeStep onContinue={setBadgeId} />;
  return <PinStep badgeId={badgeId} onChangeBadge={() => setBadgeId(null)} onSignedIn={onSignedIn} />;
}

/**
 * Station sign-in for shop-floor tablets: only a registered, paired station signs operators in,
 * so an unpaired browser is first asked for a pairing code; then badge, then PIN. (The badge
 * names the operator: the station's roster is not shown.)
 */
export function StationSignIn({ onSignedIn }: { onSignedIn: (user: Me) => void }) {
  const { t } = useTranslation('signIn');
  const station = useThisStation();
  if (station.isPending) return <p className="sign-in__hint">{t('station.checking')}</p>;
  if (station.isError) {
    return (
      <div className="sign-in__error" role="alert">
        <p>{t('station.unknown')}</p>
      </div>
    );
  }
  if (station.data === null) return <PairStationForm />;
  return (
    <>
      <p className="station-name">
        <Trans t={t} i18nKey="station.name" values={{ name: station.data.name }} components={{ strong: <strong /> }} />
      </p>
      <BadgeAndPin onSignedIn={onSignedIn} />
    </>
  );
}
