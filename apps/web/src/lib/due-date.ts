/** How urgent a due date is, for colouring it. */
export type DueTone = 'overdue' | 'soon' | 'later' | 'closed';

/** A due date as the orders screens show it. */
export interface DueDateView {
  /** e.g. "12 Dec 2026" */
  date: string;
  /** e.g. "in 3 days", "today", "2 days overdue"; empty for closed orders. */
  relative: string;
  tone: DueTone;
}

const SOON_DAYS = 7;
const MS_PER_DAY = 86_400_000;
const CLOSED_STATUSES = new Set(['completed', 'cancelled']);

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * The calendar day of a due date, as UTC midnight. A due date is a day, not an instant: the API may
 * send `2026-12-12` or `2026-12-12T00:00:00.000Z`, and either must read as 12 December in every
 * time zone, so only the date part is used.
 */
function calendarDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [, y, m, d] = match;
  return Date.UTC(Number(y), Number(m) - 1, Number(d));
}

/**
 * Formats an order's due date and says how far away it is from `now` (the viewer's local day).
 * Completed and cancelled orders are never "overdue".
 */
export function describeDueDate(iso: string, status: string, now: Date): DueDateView {
  const due = calendarDay(iso);
  if (due === null) return { date: iso, relative: '', tone: 'later' };
  const date = dateFormat.format(due);
  if (CLOSED_STATUSES.has(status)) return { date, relative: '', tone: 'closed' };
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((due - today) / MS_PER_DAY);
  if (days < 0) return { date, relative: `${-days} ${plural(-days, 'day')} overdue`, tone: 'overdue' };
  if (days === 0) return { date, relative: 'due today', tone: 'soon' };
  const relative = days === 1 ? 'tomorrow' : `in ${days} days`;
  return { date, relative, tone: days <= SOON_DAYS ? 'soon' : 'later' };
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
