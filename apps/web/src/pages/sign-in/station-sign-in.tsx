import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
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
  const [badge, setBadge] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (badge.trim()) onContinue(badge.trim());
  };
  return (
    <form className="sign-in__form" onSubmit={submit}>
      <CodeField
        label="Badge"
        name="badge"
        value={badge}
        onChange={setBadge}
        placeholder="Scan or type your badge number"
      />
      <button type="submit" className="button button--primary button--block button--large" disabled={!badge.trim()}>
        Continue
      </button>
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
          Badge <strong className="station-badge__id">{badgeId}</strong>
        </span>
        <button type="button" className="button" onClick={onChangeBadge}>
          Change badge
        </button>
      </div>
      <PinPad pin={pin} disabled={busy} onKey={press} />
      <SignInError error={signIn.error} lockout={lockout} />
      <button
        type="button"
        className="button button--primary button--block button--large"
        disabled={!canSubmit}
        onClick={submit}
      >
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
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
  const station = useThisStation();
  if (station.isPending) return <p className="sign-in__hint">Checking this tablet…</p>;
  if (station.isError) {
    return (
      <div className="sign-in__error" role="alert">
        <p>This tablet could not ask the server which station it is. Check the network, then reload.</p>
      </div>
    );
  }
  if (station.data === null) return <PairStationForm />;
  return (
    <>
      <p className="station-name">
        Station <strong>{station.data.name}</strong>
      </p>
      <BadgeAndPin onSignedIn={onSignedIn} />
    </>
  );
}
