import type { TimeLogEntry } from './types.ts';

/**
 * Milliseconds one operator worked on an item, from their time log: `start` and `resume` open an
 * interval; `pause`, `handoff`, `leave`, `complete` and `cancel` close it. An interval still open
 * is counted up to `now` (the injected clock).
 */
export function workedMilliseconds(timeLogs: readonly TimeLogEntry[], operatorId: string, now: Date): number {
  let total = 0;
  let openedAt: number | undefined;
  for (const entry of timeLogs) {
    if (entry.operatorId !== operatorId) continue;
    const at = entry.at.getTime();
    if (entry.kind === 'start' || entry.kind === 'resume') {
      openedAt ??= at;
    } else if (openedAt !== undefined) {
      total += at - openedAt;
      openedAt = undefined;
    }
  }
  return openedAt === undefined ? total : total + (now.getTime() - openedAt);
}
