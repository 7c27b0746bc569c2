import { NavLink, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '@atelier/contracts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { homePathFor } from '../../app/navigation.ts';
import { NEXT_PARAM, rememberSignInMode, safeNextPath, signInPath } from '../../app/sign-in-route.ts';
import type { SignInMode } from '../../app/sign-in-route.ts';
import { PasswordSignInForm } from './password-sign-in-form.tsx';
import { StationSignIn } from './station-sign-in.tsx';
import './sign-in.css';

const COPY: Record<SignInMode, { title: string; lead: string }> = {
  office: {
    title: 'Sign in',
    lead: 'Managers, designers, administrators and integrators sign in with their username.',
  },
  station: { title: 'Station sign-in', lead: 'Operators: scan or type your badge, then enter your PIN.' },
};

/**
 * Sign-in, outside the app shell: username and password on a desktop, badge and PIN on a station
 * tablet. Afterwards the user returns to the page that sent them here (`?next=`), or to the first
 * screen of their role.
 */
export function SignInPage({ mode }: { mode: SignInMode }) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get(NEXT_PARAM));

  const onSignedIn = (user: Me) => {
    rememberSignInMode(mode);
    void navigate(next ?? homePathFor(user.roles), { replace: true });
  };

  return (
    <main className={`sign-in sign-in--${mode}`}>
      <section className="sign-in__card" aria-labelledby="sign-in-title">
        <div className="sign-in__brand">
          <BrandMark className="sign-in__mark" />
          <span>Atelier Flow</span>
        </div>
        <h1 id="sign-in-title" className="sign-in__title">
          {COPY[mode].title}
        </h1>
        <p className="sign-in__lead">{COPY[mode].lead}</p>
        <nav className="sign-in__modes" aria-label="Sign-in method">
          <NavLink to={signInPath('office', next)} end replace className="sign-in__mode">
            Username
          </NavLink>
          <NavLink to={signInPath('station', next)} end replace className="sign-in__mode">
            Station PIN
          </NavLink>
        </nav>
        {mode === 'office' ? <PasswordSignInForm onSignedIn={onSignedIn} /> : <StationSignIn onSignedIn={onSignedIn} />}
      </section>
    </main>
  );
}
