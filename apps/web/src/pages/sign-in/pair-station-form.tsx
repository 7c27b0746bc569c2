import { useState } from 'react';
import type { FormEvent } from 'react';
import { usePairStation } from '../../api/station-queries.ts';
import { CodeField } from './code-field.tsx';
import { SignInError } from './sign-in-error.tsx';
import { useLockout } from './use-lockout.ts';

/**
 * Shown on the station tab of a browser that is not a registered station: the admin registers the
 * station (Admin → Stations) and reads out its one-time pairing code, typed here once.
 */
export function PairStationForm() {
  const pair = usePairStation();
  const lockout = useLockout();
  const [code, setCode] = useState('');
  const locked = lockout.secondsLeft > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (locked || pair.isPending || !code.trim()) return;
    lockout.clear();
    pair.mutate(code.trim(), { onError: (error) => lockout.note(error) });
  };

  return (
    <form className="sign-in__form" onSubmit={submit} aria-labelledby="pair-station-title">
      <h2 id="pair-station-title" className="sign-in__subtitle">
        Pair this tablet
      </h2>
      <p className="sign-in__hint">
        This device is not a registered station yet. Ask an administrator for the station&apos;s pairing code and enter
        it here, once.
      </p>
      <CodeField
        label="Pairing code"
        name="pairing-code"
        value={code}
        onChange={setCode}
        placeholder="ABCD-EFGH"
        className="station-code"
      />
      <SignInError error={pair.error} lockout={lockout} />
      <button
        type="submit"
        className="button button--primary button--block button--large"
        disabled={!code.trim() || locked || pair.isPending}
      >
        {pair.isPending ? 'Pairing…' : 'Pair this tablet'}
      </button>
    </form>
  );
}
