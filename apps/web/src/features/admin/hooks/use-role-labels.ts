import type { Role } from '@atelier/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The roles in the user's language (one literal key each, so the catalog check sees them). */
export function useRoleLabels(): Record<Role, string> {
  const { t } = useTranslation('admin');
  return useMemo(
    () => ({
      admin: t('roles.admin'),
      designer: t('roles.designer'),
      manager: t('roles.manager'),
      operator: t('roles.operator'),
      integrator: t('roles.integrator'),
    }),
    [t],
  );
}
