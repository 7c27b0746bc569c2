import type { TimeLogEntry, TimeLogKind, WorkItem } from '@atelier/domain';
import type { TimeLogEndReason } from '../generated/prisma/enums.ts';

/**
 * The domain keeps an operator's time on a work item as an append-only list of entries
 * (`start`, `pause`, `resume`, …); the database keeps intervals (`time_logs`: started, ended, why).
 * These two functions translate between them, so a piece loaded, stepped and saved again keeps
 * exactly the same labour minutes.
 */

/** One working interval of one operator, as a `time_logs` row holds it. */
export interface TimeLogInterval {
  userId: string;
  startedAt: Date;
  endedAt: Date | null;
  endReason: TimeLogEndReason | null;
}

type ClosingKind = Exclude<TimeLogKind, 'start' | 'resume'>;

const END_REASON: Record<ClosingKind, TimeLogEndReason> = {
  pause: 'paused',
  handoff: 'handed_off',
  leave: 'left',
  complete: 'completed',
  cancel: 'cancelled',
};

// `requeued` closes no interval the domain opens (a requeue happens before the start); read it as a leave.
const CLOSING_KIND: Record<TimeLogEndReason, ClosingKind> = {
  paused: 'pause',
  handed_off: 'handoff',
  left: 'leave',
  completed: 'complete',
  requeued: 'leave',
  cancelled: 'cancel',
};

function opens(kind: TimeLogKind): boolean {
  return kind === 'start' || kind === 'resume';
}

/** Intervals from domain entries: a start or resume opens one, any other entry closes the operator's open one. */
export function toIntervals(entries: readonly TimeLogEntry[]): TimeLogInterval[] {
  const open = new Map<string, TimeLogInterval>();
  const intervals: TimeLogInterval[] = [];
  for (const entry of entries) {
    if (opens(entry.kind)) {
      if (open.has(entry.operatorId)) continue;
      const interval: TimeLogInterval = {
        userId: entry.operatorId,
        startedAt: entry.at,
        endedAt: null,
        endReason: null,
      };
      open.set(entry.operatorId, interval);
      intervals.push(interval);
      continue;
    }
    const interval = open.get(entry.operatorId);
    if (interval === undefined) continue;
    interval.endedAt = entry.at;
    interval.endReason = END_REASON[entry.kind as ClosingKind];
    open.delete(entry.operatorId);
  }
  return intervals;
}

/**
 * Domain entries from intervals, in time order. At equal instants a closing entry sorts before an
 * opening one, so a pause and a resume in the same millisecond stay a closed and a new interval.
 */
export function toEntries(intervals: readonly TimeLogInterval[]): TimeLogEntry[] {
  const entries: TimeLogEntry[] = [];
  for (const interval of intervals) {
    entries.push({ operatorId: interval.userId, kind: 'start', at: interval.startedAt });
    if (interval.endedAt !== null) {
      entries.push({
        operatorId: interval.userId,
        kind: CLOSING_KIND[interval.endReason ?? 'left'],
        at: interval.endedAt,
      });
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(opens(a.kind)) - Number(opens(b.kind)));
}

/** Time-log rows to insert and open rows to close, matching intervals per operator in time order. */
export function timeLogChanges(
  before: WorkItem | undefined,
  after: WorkItem,
): { opened: TimeLogInterval[]; closed: TimeLogInterval[] } {
  const earlier = before === undefined ? [] : toIntervals(before.timeLogs);
  const seen = new Map<string, number>();
  const opened: TimeLogInterval[] = [];
  const closed: TimeLogInterval[] = [];
  for (const interval of toIntervals(after.timeLogs)) {
    const index = seen.get(interval.userId) ?? 0;
    seen.set(interval.userId, index + 1);
    const stored = earlier.filter((candidate) => candidate.userId === interval.userId)[index];
    if (stored === undefined) opened.push(interval);
    else if (stored.endedAt === null && interval.endedAt !== null) closed.push(interval);
  }
  return { opened, closed };
}
