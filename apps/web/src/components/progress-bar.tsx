import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';
import { progressBreakdown } from '../lib/progress.ts';
import type { PieceCounts } from '../lib/progress.ts';
import './progress-bar.css';

const SEGMENTS = ['completed', 'inFlight', 'notReleased'] as const;

/** "6 completed", "18 in flight", "0 not released" (explicit keys, so the catalog check sees each). */
function segmentLabel(t: TFunction<'common'>, part: (typeof SEGMENTS)[number], count: number): string {
  switch (part) {
    case 'completed':
      return t('progress.completed', { count });
    case 'inFlight':
      return t('progress.inFlight', { count });
    case 'notReleased':
      return t('progress.notReleased', { count });
  }
}

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
  const { t } = useTranslation();
  const { locale } = useFormat();
  const bar = progressBreakdown(counts, quantity);
  const parts = [
    ...SEGMENTS.map((part) => segmentLabel(t, part, counts[part])),
    ...(counts.scrapped > 0 ? [t('progress.scrapped', { count: counts.scrapped })] : []),
    ...(counts.cancelled > 0 ? [t('progress.cancelled', { count: counts.cancelled })] : []),
  ];
  const description = new Intl.ListFormat(locale, { type: 'unit' }).format(parts);
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
        aria-label={t('progress.summary', { completed: counts.completed, quantity, parts: description })}
      >
        {SEGMENTS.map((part) =>
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
          {SEGMENTS.map((part) => (
            <li key={part}>
              <span className={`progress__swatch progress__segment--${part}`} />
              {segmentLabel(t, part, counts[part])}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
