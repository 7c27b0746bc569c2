import type { WorkItemView } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';

/** A work item's state as a coloured label. */
export function StateLabel({ state }: { state: WorkItemView['state'] }) {
  const { t } = useTranslation('station');
  const labels: Record<WorkItemView['state'], string> = {
    ready: t('states.ready'),
    assigned: t('states.assigned'),
    in_progress: t('states.in_progress'),
    paused: t('states.paused'),
    completed: t('states.completed'),
    cancelled: t('states.cancelled'),
  };
  return <span className={`wq-state wq-state--${state}`}>{labels[state]}</span>;
}
