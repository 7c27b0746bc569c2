import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What to fix, per form field, in the user's language. The shared schemas word their own messages
 * in English (they serve the API too), so a form shows these instead when its check refuses a field.
 */
export function useFieldMessages(): Readonly<Record<string, string>> {
  const { t } = useTranslation('admin');
  return useMemo(
    () => ({
      code: t('invalid.code'),
      username: t('invalid.code'),
      name: t('invalid.name'),
      displayName: t('invalid.name'),
      roles: t('invalid.roles'),
      skills: t('invalid.skills'),
      badgeId: t('invalid.badgeId'),
      pin: t('invalid.pin'),
      password: t('invalid.password'),
      capacity: t('invalid.capacity'),
      startMinute: t('invalid.time'),
      endMinute: t('invalid.shiftEnd'),
      weekdays: t('invalid.weekdays'),
      workCenters: t('invalid.workCenters'),
      description: t('invalid.description'),
      'config.standardMinutes': t('invalid.positive'),
      'config.minOperators': t('invalid.operators'),
      'config.maxOperators': t('invalid.operators'),
    }),
    [t],
  );
}
