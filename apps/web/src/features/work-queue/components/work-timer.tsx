import type { WorkItemView } from '@atelier/contracts';
import { useNow } from '../hooks/use-now.ts';
import { formatStopwatch, isClockRunning, overStandardSeconds, workedSecondsAt } from '../lib/work-timer.ts';

/**
 * The labour on a piece as a stopwatch, from the server's time logs; it ticks while a clock runs
 * and turns to the warning colour past the standard minutes.
 */
export function WorkTimer({ item, label }: { item: WorkItemView; label: string }) {
  const running = isClockRunning(item.operators);
  const now = useNow(1000, running);
  const seconds = workedSecondsAt(item.operators, now);
  const over = overStandardSeconds(seconds, item.node.standardMinutes) > 0;
  return (
    <span
      className={`wq-timer${running ? ' wq-timer--running' : ''}${over ? ' wq-timer--over' : ''}`}
      role="timer"
      aria-label={label}
    >
      <time dateTime={`PT${seconds}S`}>{formatStopwatch(seconds)}</time>
    </span>
  );
}
