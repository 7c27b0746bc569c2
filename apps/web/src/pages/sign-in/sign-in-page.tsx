import { useTranslation } from 'react-i18next';
import { NavLink, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '@atelier/contracts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { updatePreferences, usePreferences } from '../../i18n/preferences.ts';
import { homePathFor } from '../../app/navigation.ts';
import { NEXT_PARAM, rememberSignInMode, safeNextPath, signInPath } from '../../app/sign-in-route.ts';
import type { SignInMode } from '../../app/sign-in-route.ts';
import { PasswordSignInForm } from './password-sign-in-form.tsx';
import { StationSignIn } from './station-sign-in.tsx';
import './sign-in.css';

/**
 * Sign-in, outside the app shell: username and password on a desktop, badge and PIN on a station
 * tablet. Afterwards the user returns to the page that sent them here (`?next=`), or to the first
 * screen of their role. The language switch sets this device's language (a station's, for every
 * operator who has not chosen their own).
 */
export function SignInPage({ mode }: { mode: SignInMode }) {
  const { t } = useTranslation(['signIn', 'common']);
  const { deviceLanguage } = usePreferences();
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
        <div className="sign-in__top">
          <div className="sign-in__brand">
            <BrandMark className="sign-in__mark" />
            <span>{t('common:app.name')}</span>
          </div>
          <LanguageSwitch value={deviceLanguage} onChange={(language) => updatePreferences({ language })} />
        </div>
        <h1 id="sign-in-title" className="sign-in__title">
          {mode === 'office' ? t('office.title') : t('station.title')}
        </h1>
        <p className="sign-in__lead">{mode === 'office' ? t('office.lead') : t('station.lead')}</p>
        <nav className="sign-in__modes" aria-label={t('modes.label')}>
          <NavLink to={signInPath('office', next)} end replace className="sign-in__mode">
            {t('modes.office')}
          </NavLink>
          <NavLink to={signInPath('station', next)} end replace className="sign-in__mode">
            {t('modes.station')}
          </NavLink>
        </nav>
        {mode === 'office' ? <PasswordSignInForm onSignedIn={onSignedIn} /> : <StationSignIn onSignedIn={onSignedIn} />}
      </section>
    </main>
  );
}
