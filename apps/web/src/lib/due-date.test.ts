import { describe, expect, it } from 'vitest';
import { describeDueDate } from './due-date.ts';

// Local-time constructor: "now" is the viewer's own day whatever the machine's time zone.
const now = new Date(2026, 10, 24, 9, 30);

describe('describeDueDate', () => {
  it('formats a date-only value as a calendar day', () => {
    expect(describeDueDate('2026-12-12', 'released', now)).toEqual({
      date: '12 Dec 2026',
      relative: 'in 18 days',
      tone: 'later',
    });
  });

  it('reads a midnight UTC timestamp as the same calendar day', () => {
    expect(describeDueDate('2026-12-12T00:00:00.000Z', 'released', now).date).toBe('12 Dec 2026');
  });

  it('marks a due date within a week as soon', () => {
    expect(describeDueDate('2026-11-25', 'released', now)).toMatchObject({ relative: 'tomorrow', tone: 'soon' });
    expect(describeDueDate('2026-11-24', 'in_progress', now)).toMatchObject({ relative: 'due today', tone: 'soon' });
    expect(describeDueDate('2026-12-01', 'draft', now)).toMatchObject({ relative: 'in 7 days', tone: 'soon' });
  });

  it('counts the days an open order is overdue', () => {
    expect(describeDueDate('2026-11-23', 'released', now)).toMatchObject({
      relative: '1 day overdue',
      tone: 'overdue',
    });
    expect(describeDueDate('2026-11-14', 'released', now)).toMatchObject({
      relative: '10 days overdue',
      tone: 'overdue',
    });
  });

  it('never calls a completed or cancelled order overdue', () => {
    expect(describeDueDate('2026-10-01', 'completed', now)).toEqual({
      date: '1 Oct 2026',
      relative: '',
      tone: 'closed',
    });
    expect(describeDueDate('2026-10-01', 'cancelled', now).tone).toBe('closed');
  });

  it('shows an unparseable value as it came', () => {
    expect(describeDueDate('soon', 'released', now)).toEqual({ date: 'soon', relative: '', tone: 'later' });
  });
});
