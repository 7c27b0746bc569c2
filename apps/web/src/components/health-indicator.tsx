import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/queries.ts';
import './health-indicator.css';

/**
 * A live dot in the header: is the server up, and (for administrators, `showDatabase`) on which
 * database; everyone else only needs to know whether it answers.
 */
export function HealthIndicator({ showDatabase }: { showDatabase: boolean }) {
  const { t } = useTranslation();
  const health = useHealth();
  if (health.isPending) {
    return (
      <span className="health health--pending" role="status">
        {t('health.connecting')}
      </span>
    );
  }
  if (health.isError || health.data.status !== 'ok') {
    return (
      <span className="health health--down" role="status">
        {t('health.down')}
      </span>
    );
  }
  if (!showDatabase) return null;
  const { database, migrations, version } = health.data;
  return (
    <span
      className="health health--up"
      role="status"
      title={t('health.details', { version, count: migrations.applied })}
    >
      {database === 'pglite' ? t('health.pglite') : t('health.postgresql')}
    </span>
  );
}
