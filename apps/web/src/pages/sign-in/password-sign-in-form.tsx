import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { usePasswordSignIn } from '../../api/session-queries.ts';
import type { Me } from '@atelier/contracts';
import { Button } from '../../components/button.tsx';
import { SignInError } from './sign-in-error.tsx';
import { useLockout } from './use-lockout.ts';

/** Desktop sign-in for managers, designers, admins and integrators. */
export function PasswordSignInForm({ onSignedIn }: { onSignedIn: (user: Me) => void }) {
  const { t } = useTranslation('signIn');
  const signIn = usePasswordSignIn();
  const lockout = useLockout();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const locked = lockout.secondsLeft > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (locked || signIn.isPending) return;
    lockout.clear();
    signIn.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (result) => onSignedIn(result.user),
        onError: (error) => {
          lockout.note(error);
          setPassword('');
        },
      },
    );
  };

  return (
    <form className="sign-in__form" onSubmit={submit}>
      <label className="field">
        <span className="field__label">{t('form.username')}</span>
        <input
          className="field__input"
          name="username"
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          required
        />
      </label>
      <label className="field">
        <span className="field__label">{t('form.password')}</span>
        <input
          className="field__input"
          name="password"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          required
        />
      </label>
      <SignInError error={signIn.error} lockout={lockout} />
      <Button
        type="submit"
        variant="primary"
        block
        pending={signIn.isPending}
        disabled={locked || !username.trim() || !password}
      >
        {signIn.isPending ? t('form.pending') : t('form.submit')}
      </Button>
    </form>
  );
}
