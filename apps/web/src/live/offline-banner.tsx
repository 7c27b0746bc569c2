import { useTranslation } from 'react-i18next';
import { useLiveStatus } from './live-provider.tsx';
import './offline-banner.css';

/** "Offline — reconnecting…" across the top while the live stream is down; nothing otherwise. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  if (status !== 'reconnecting') return null;
  return (
    <div className="offline-banner" role="status">
      <span className="offline-banner__dot" aria-hidden="true" />
      <strong>{t('live.offline')}</strong>
      <span className="offline-banner__detail">{t('live.offlineDetail')}</span>
    </div>
  );
}
