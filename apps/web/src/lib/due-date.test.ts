import { describe, expect, it } from 'vitest';
import { dueDateState } from './due-date.ts';

// Local-time constructor: "now" is the viewer's own day whatever the machine's time zone.
const now = new Date(2026, 10, 24, 9, 30);

describe('dueDateState', () => {
  it('counts calendar days to a date-only value or a midnight UTC timestamp alike', () => {
    expect(dueDateState('2026-12-12', 'released', now)).toEqual({ days: 18, tone: 'later' });
    expect(dueDateState('2026-12-12T00:00:00.000Z', 'released', now)).toEqual({ days: 18, tone: 'later' });
  });

  it('marks a due date within a week as soon', () => {
    expect(dueDateState('2026-11-25', 'released', now)).toEqual({ days: 1, tone: 'soon' });
    expect(dueDateState('2026-11-24', 'in_progress', now)).toEqual({ days: 0, tone: 'soon' });
    expect(dueDateState('2026-12-01', 'draft', now)).toEqual({ days: 7, tone: 'soon' });
  });

  it('counts the days an open order is overdue', () => {
    expect(dueDateState('2026-11-23', 'released', now)).toEqual({ days: -1, tone: 'overdue' });
    expect(dueDateState('2026-11-14', 'released', now)).toEqual({ days: -10, tone: 'overdue' });
  });

  it('never calls a completed or cancelled order overdue', () => {
    expect(dueDateState('2026-10-01', 'completed', now)).toEqual({ days: null, tone: 'closed' });
    expect(dueDateState('2026-10-01', 'cancelled', now).tone).toBe('closed');
  });

  it('leaves an unparseable value without a distance', () => {
    expect(dueDateState('soon', 'released', now)).toEqual({ days: null, tone: 'later' });
  });
});
