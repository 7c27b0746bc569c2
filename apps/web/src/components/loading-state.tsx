import { useTranslation } from 'react-i18next';
import './states.css';

/**
 * What a screen shows while its data is on the way: a quiet spinner and a word, announced once to
 * screen readers. `label` says what is loading when the page shows several things.
 */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="loading-state" role="status">
      <span className="loading-state__spinner" aria-hidden="true" />
      <span>{label ?? t('states.loading')}</span>
    </div>
  );
}
