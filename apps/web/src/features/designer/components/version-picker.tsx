import type { GraphDetail } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format.ts';

/** Every version of the graph (draft / published / retired, and when); picking one opens it. */
export function VersionPicker({
  graph,
  current,
  onPick,
}: {
  graph: GraphDetail;
  current: number;
  onPick: (n: number) => void;
}) {
  const { t } = useTranslation('designer');
  const format = useFormat();
  const status = (s: string) =>
    s === 'draft' ? t('status.draft') : s === 'published' ? t('status.published') : t('status.retired');
  return (
    <select
      className="dz-input dz-version-picker"
      aria-label={t('toolbar.versions')}
      value={current}
      onChange={(event) => onPick(Number(event.target.value))}
    >
      {graph.versions.map((v) => (
        <option key={v.number} value={v.number}>
          {t('toolbar.versionOption', {
            version: v.number,
            status: status(v.status),
            when: format.dateTime(v.publishedAt ?? v.updatedAt),
          })}
        </option>
      ))}
    </select>
  );
}
