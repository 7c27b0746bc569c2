import type { WorkItemView } from '@atelier/contracts';

type ClockedOperator = Pick<WorkItemView['operators'][number], 'closedSeconds' | 'runningSince'>;

/**
 * Labour on a work item at `nowMs`, all operators together, from the server's time logs: each
 * operator's finished intervals plus the one running since `runningSince`. Nothing is kept on the
 * client, so a reload (or another tablet) shows the same figure.
 */
export function workedSecondsAt(operators: readonly ClockedOperator[], nowMs: number): number {
  let total = 0;
  for (const operator of operators) {
    total += operator.closedSeconds;
    if (operator.runningSince !== null) total += Math.max(0, (nowMs - Date.parse(operator.runningSince)) / 1000);
  }
  return Math.floor(total);
}

/** Whether any operator's clock runs (the timer ticks). */
export function isClockRunning(operators: readonly ClockedOperator[]): boolean {
  return operators.some((operator) => operator.runningSince !== null);
}

/** Whole seconds as a stopwatch reads: `m:ss` below an hour, `h:mm:ss` from then on. */
export function formatStopwatch(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (value: number) => String(value).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** How far the labour is past the standard minutes (0 when within or unknown), for a late warning. */
export function overStandardSeconds(workedSeconds: number, standardMinutes: number | null): number {
  if (standardMinutes === null || standardMinutes <= 0) return 0;
  return Math.max(0, workedSeconds - standardMinutes * 60);
}
