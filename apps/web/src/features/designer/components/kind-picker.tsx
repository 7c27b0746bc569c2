import type { EdgeKind } from '@atelier/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { edgeKindLabel } from './edge-kind-label.ts';

/** Asks which kind a new edge out of a QC (pass / fail / rework) or a decision (condition / default) is. */
export function KindPicker({
  x,
  y,
  kinds,
  onPick,
  onCancel,
}: {
  x: number;
  y: number;
  kinds: readonly EdgeKind[];
  onPick: (kind: EdgeKind) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('designer');
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onCancel();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div className="dz-kind-picker" role="menu" aria-label={t('edge.pickKind')} style={{ left: x, top: y }}>
      <div className="dz-kind-picker__title">{t('edge.pickKind')}</div>
      {kinds.map((kind, i) => (
        <button
          key={kind}
          ref={i === 0 ? first : undefined}
          type="button"
          role="menuitem"
          className={`dz-kind-picker__item dz-kind-picker__item--${kind}`}
          onClick={() => onPick(kind)}
        >
          {edgeKindLabel(t, kind)}
        </button>
      ))}
      <button type="button" role="menuitem" className="dz-kind-picker__item" onClick={onCancel}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}
