import { progressBreakdown } from '../lib/progress.ts';
import type { PieceCounts } from '../lib/progress.ts';
import './progress-bar.css';

const SEGMENTS = [
  { part: 'completed', label: 'completed' },
  { part: 'inFlight', label: 'in flight' },
  { part: 'notReleased', label: 'not released' },
] as const;

/**
 * An order's quantity as one bar: completed, in flight and not yet released pieces, which add up
 * to it (scrapped and cancelled pieces are outside the quantity: their replacements are in it).
 * `detailed` adds a legend with the counts.
 */
export function ProgressBar({
  counts,
  quantity,
  detailed = false,
}: {
  counts: PieceCounts;
  quantity: number;
  detailed?: boolean;
}) {
  const bar = progressBreakdown(counts, quantity);
  const outside = [
    counts.scrapped > 0 ? `; ${counts.scrapped} scrapped` : '',
    counts.cancelled > 0 ? `; ${counts.cancelled} cancelled` : '',
  ].join('');
  const description = SEGMENTS.map(({ part, label }) => `${counts[part]} ${label}`).join(', ') + outside;
  return (
    <div className={`progress${detailed ? ' progress--detailed' : ''}`}>
      <div className="progress__summary">
        <span className="progress__done">
          {counts.completed}
          <span className="progress__of"> / {quantity}</span>
        </span>
        <span className="progress__percent">{bar.donePercent}%</span>
      </div>
      <div
        className="progress__track"
        role="img"
        aria-label={`${counts.completed} of ${quantity} pieces completed: ${description}`}
      >
        {SEGMENTS.map(({ part }) =>
          bar[part] > 0 ? (
            <span
              key={part}
              className={`progress__segment progress__segment--${part}`}
              style={{ width: `${bar[part]}%` }}
            />
          ) : null,
        )}
      </div>
      {detailed ? (
        <ul className="progress__legend">
          {SEGMENTS.map(({ part, label }) => (
            <li key={part}>
              <span className={`progress__swatch progress__segment--${part}`} />
              {counts[part]} {label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
