import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button.tsx';
import { usePairStation } from '../../api/station-queries.ts';
import { CodeField } from './code-field.tsx';
import { SignInError } from './sign-in-error.tsx';
import { useLockout } from './use-lockout.ts';

/**
 * Shown on the station tab of a browser that is not a registered station: the admin registers the
 * station (Admin → Stations) and reads out its one-time pairing code, typed here once.
 */
export function PairStationForm() {
  const { t } = useTranslation('signIn');
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
        {t('pair.title')}
      </h2>
      <p className="sign-in__hint">{t('pair.hint')}</p>
      <CodeField
        label={t('pair.code')}
        name="pairing-code"
        value={code}
        onChange={setCode}
        placeholder="ABCD-EFGH"
        className="station-code"
      />
      <SignInError error={pair.error} lockout={lockout} />
      <Button
        type="submit"
        variant="primary"
        size="large"
        block
        pending={pair.isPending}
        disabled={!code.trim() || locked}
      >
        {pair.isPending ? t('pair.pending') : t('pair.submit')}
      </Button>
    </form>
  );
}
