/** How urgent a due date is, for colouring it. */
export type DueTone = 'overdue' | 'soon' | 'later' | 'closed';

/** How far a due date is, for the orders screens to word it. */
export interface DueDateState {
  /** Days from the viewer's today to the due day (negative: overdue); null for closed orders and unreadable dates. */
  days: number | null;
  tone: DueTone;
}

const SOON_DAYS = 7;
const MS_PER_DAY = 86_400_000;
const CLOSED_STATUSES = new Set(['completed', 'cancelled']);

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
 * How far an order's due date is from `now` (the viewer's local day) and how urgent that is.
 * Completed and cancelled orders are never "overdue".
 */
export function dueDateState(iso: string, status: string, now: Date): DueDateState {
  const due = calendarDay(iso);
  if (due === null) return { days: null, tone: 'later' };
  if (CLOSED_STATUSES.has(status)) return { days: null, tone: 'closed' };
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const days = Math.round((due - today) / MS_PER_DAY);
  if (days < 0) return { days, tone: 'overdue' };
  return { days, tone: days <= SOON_DAYS ? 'soon' : 'later' };
}
