import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useStationOperators } from '../api/work-queue-queries.ts';
import { useBadgeScanner } from '../hooks/use-badge-scanner.ts';
import { OperatorTileGrid } from './operator-tile-grid.tsx';
import { StationPinStep, type StationSignInTarget } from './station-pin-step.tsx';

/**
 * Station sign-in: the present operators of the station's work centers as tiles; a tap or a badge
 * scan (no field to focus) leads to the PIN pad.
 */
export function OperatorPicker({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useTranslation('station');
  const [target, setTarget] = useState<StationSignInTarget | null>(null);
  const operators = useStationOperators();
  useBadgeScanner((badgeId) => setTarget({ badgeId }), target === null);

  if (target !== null) return <StationPinStep target={target} onBack={() => setTarget(null)} onSignedIn={onSignedIn} />;
  return (
    <section className="wq-signin__pick" aria-labelledby="wq-pick-title">
      <h1 id="wq-pick-title" className="wq-signin__title">
        {t('station.pickTitle')}
      </h1>
      <p className="wq-signin__lead">
        {t('station.pickLead')} <span className="wq-card__muted">{t('station.scanHint')}</span>
      </p>
      {operators.isPending ? (
        <LoadingState />
      ) : operators.error ? (
        <ErrorState error={operators.error} onRetry={() => void operators.refetch()} />
      ) : operators.data.length === 0 ? (
        <EmptyState title={t('station.noOperators')} />
      ) : (
        <OperatorTileGrid
          operators={operators.data}
          label={t('station.pickTitle')}
          onPick={(operator) => setTarget({ userId: operator.userId, displayName: operator.displayName })}
        />
      )}
    </section>
  );
}
