import type { RoutingRef } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import './routing-label.css';

/** The routing an order runs on: its code and version, its name below. */
export function RoutingLabel({ routing }: { routing: RoutingRef | null }) {
  const { t } = useTranslation('orders');
  if (!routing) return <span className="muted">{t('routing.notAssigned')}</span>;
  return (
    <span className="routing-label">
      <span className="routing-label__code">
        {routing.code}
        {routing.version === null ? null : (
          <span className="routing-label__version"> {t('routing.version', { version: routing.version })}</span>
        )}
      </span>
      <span className="routing-label__name">{routing.name}</span>
    </span>
  );
}
