import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe, useSignOut } from '../../api/session-queries.ts';
import { useThisStation } from '../../api/station-queries.ts';
import { BrandMark } from '../../components/brand-mark.tsx';
import { Button, buttonClassName } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { toast } from '../../components/toast.ts';
import { SIGN_IN_PATHS } from '../../app/sign-in-route.ts';
import { OperatorPicker } from './components/operator-picker.tsx';
import { WorkQueueBoard } from './components/work-queue-board.tsx';
import { LiveProvider } from '../../live/live-provider.tsx';
import { useIdleSignOut } from './hooks/use-idle-sign-out.ts';
import { idleSettingsFrom } from './lib/idle-countdown.ts';
import type { Me } from '@atelier/contracts';
import './work-queue.css';

/** The signed-in operator at the station: who, switch operator, the idle countdown, the queue. */
function StationWorkspace({ me, stationName, onSignedOut }: { me: Me; stationName: string; onSignedOut: () => void }) {
  const { t } = useTranslation('station');
  const location = useLocation();
  const settings = useMemo(() => idleSettingsFrom(location.search), [location.search]);
  const signOut = useSignOut(() => toast.clear());
  // After the cache was emptied: the next screen subscribes to the fresh one.
  const leave = () => signOut.mutate(undefined, { onSuccess: onSignedOut });
  const idle = useIdleSignOut(settings, leave);
  return (
    <div className="wq-station">
      <header className="wq-station__bar">
        <span className="wq-station__brand">
          <BrandMark />
          <span>{t('station.name', { name: stationName })}</span>
        </span>
        <span className="wq-station__who" role="group" aria-label={t('station.signedInAs')}>
          <span className="wq-card__muted">{t('station.signedInAs')}</span>{' '}
          <strong translate="no">{me.displayName}</strong>
        </span>
        <Button size="large" pending={signOut.isPending} onClick={leave}>
          {t('station.switchOperator')}
        </Button>
      </header>
      {idle.phase === 'warning' ? (
        <div className="wq-station__idle" role="alert">
          <span>{t('station.idleWarning', { seconds: idle.secondsLeft })}</span>
          <Button variant="primary" size="large" onClick={idle.stay}>
            {t('station.stay')}
          </Button>
        </div>
      ) : null}
      <main className="wq-station__main">
        <LiveProvider>
          <WorkQueueBoard me={me} />
        </LiveProvider>
      </main>
    </div>
  );
}

/**
 * Station mode (`/station`), full screen on a paired tablet: name tiles and the PIN pad while
 * nobody is signed in; then the operator's queue until they switch operator or go idle.
 */
export function StationPage() {
  // Signing in or out starts a fresh query cache (nothing of the previous person lingers): the
  // screen subscribes again to the new cache entries, as a new generation.
  const [generation, setGeneration] = useState(0);
  return <StationScreen key={generation} onSessionChanged={() => setGeneration((current) => current + 1)} />;
}

function StationScreen({ onSessionChanged }: { onSessionChanged: () => void }) {
  const { t } = useTranslation('station');
  const station = useThisStation();
  const me = useMe();
  if (station.isPending || me.isPending) return <LoadingState />;
  if (station.error) return <ErrorState error={station.error} onRetry={() => void station.refetch()} />;
  if (station.data === null) {
    return (
      <main className="wq-signin">
        <p className="wq-signin__lead">{t('station.notPaired')}</p>
        <Link className={buttonClassName({ variant: 'primary', size: 'large' })} to={SIGN_IN_PATHS.station}>
          {t('station.pairHere')}
        </Link>
      </main>
    );
  }
  const user = me.data;
  if (user?.station)
    return <StationWorkspace me={user} stationName={station.data.name} onSignedOut={onSessionChanged} />;
  return (
    <main className="wq-signin">
      <div className="wq-signin__brand">
        <BrandMark />
        <span>{t('station.name', { name: station.data.name })}</span>
      </div>
      <OperatorPicker onSignedIn={onSessionChanged} />
    </main>
  );
}
