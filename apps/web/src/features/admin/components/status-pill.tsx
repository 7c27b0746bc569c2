import { useTranslation } from 'react-i18next';

/** Active or deactivated, as a quiet pill. */
export function StatusPill({ active }: { active: boolean }) {
  const { t } = useTranslation('admin');
  return (
    <span className={`admin-pill${active ? ' admin-pill--active' : ''}`}>
      {active ? t('status.active') : t('status.inactive')}
    </span>
  );
}
