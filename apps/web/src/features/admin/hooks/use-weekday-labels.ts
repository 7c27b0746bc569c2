import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** Short weekday names, 1 = Monday … 7 = Sunday, as the API numbers them. */
export function useWeekdayLabels(): Record<1 | 2 | 3 | 4 | 5 | 6 | 7, string> {
  const { t } = useTranslation('admin');
  return useMemo(
    () => ({
      1: t('weekdays.mon'),
      2: t('weekdays.tue'),
      3: t('weekdays.wed'),
      4: t('weekdays.thu'),
      5: t('weekdays.fri'),
      6: t('weekdays.sat'),
      7: t('weekdays.sun'),
    }),
    [t],
  );
}
