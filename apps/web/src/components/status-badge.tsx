import { useTranslation } from 'react-i18next';
import { statusLabel, statusTone } from '../lib/status.ts';
import './status-badge.css';

/** An order status as a coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`status-badge status-badge--${statusTone(status)}`}>{statusLabel(t, status)}</span>;
}
