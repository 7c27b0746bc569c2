import { PAUSE_REASONS, type PauseReason } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';

/** Asks why the work stops: one big button per reason, a tap pauses. */
export function PauseDialog({
  open,
  onOpenChange,
  onPause,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPause: (reason: PauseReason) => void;
}) {
  const { t } = useTranslation('station');
  const labels: Record<PauseReason, string> = {
    break: t('pause.reasons.break'),
    material: t('pause.reasons.material'),
    tool: t('pause.reasons.tool'),
    question: t('pause.reasons.question'),
    shift_end: t('pause.reasons.shift_end'),
    other: t('pause.reasons.other'),
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('pause.title')}>
      <div className="wq-choices">
        {PAUSE_REASONS.map((reason) => (
          <button key={reason} type="button" className="wq-choice" onClick={() => onPause(reason)}>
            {labels[reason]}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
