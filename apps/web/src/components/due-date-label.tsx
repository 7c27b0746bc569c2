import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { dueDateState } from '../lib/due-date.ts';
import './due-date-label.css';

/** "in 3 days", "due today", "2 days overdue"; nothing for closed orders. */
function relativeText(t: TFunction<'common'>, days: number | null): string {
  if (days === null) return '';
  if (days < 0) return t('due.overdue', { count: -days });
  if (days === 0) return t('due.today');
  if (days === 1) return t('due.tomorrow');
  return t('due.inDays', { count: days });
}

/** A due date with how far away it is, coloured when it is close or past. */
export function DueDateLabel({ dueDate, status }: { dueDate: string | null; status: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (dueDate === null) return <span className="muted">{t('due.none')}</span>;
  const due = dueDateState(dueDate, status, new Date());
  const relative = relativeText(t, due.days);
  return (
    <span className={`due-date due-date--${due.tone}`}>
      <time dateTime={dueDate.slice(0, 10)}>{format.day(dueDate)}</time>
      {relative ? <span className="due-date__relative">{relative}</span> : null}
    </span>
  );
}
