import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session-queries.ts';
import type { Me } from '@atelier/contracts';
import { BrandMark } from '../components/brand-mark.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { homePathFor } from './navigation.ts';
import { rememberedSignInMode, signInPath } from './sign-in-route.ts';
import './session-gate.css';

/**
 * Lets only a signed-in user through to the screens below it. Nobody signed in (at first, or when
 * any API call later answers 401) → the sign-in screen this device uses, with the current page to
 * come back to.
 */
export function RequireSession() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.data === null) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signInPath(rememberedSignInMode(), here)} replace />;
  }
  if (me.data !== undefined) return <Outlet />;
  return (
    <div className="session-gate">
      <BrandMark className="session-gate__mark" />
      {me.isError ? (
        <ProblemMessage error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <p className="muted" role="status">
          {t('states.checkingSession')}
        </p>
      )}
    </div>
  );
}

/**
 * The signed-in user; only for screens under {@link RequireSession}. While signing out empties the
 * cache, a screen still on its way out keeps the user it showed (React may render it once more
 * before the sign-in route replaces it).
 */
export function useCurrentUser(): Me {
  const { data } = useMe();
  const shown = useRef<Me | undefined>(undefined);
  if (data) shown.current = data;
  if (!shown.current) throw new Error('useCurrentUser is only for screens under RequireSession');
  return shown.current;
}

/** `/`: the first screen of the user's role. */
export function HomeRedirect() {
  return <Navigate to={homePathFor(useCurrentUser().roles)} replace />;
}
