import type { WorkItemView } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { useStationOperators } from '../api/work-queue-queries.ts';
import { boundOperators } from '../lib/card-actions.ts';
import { OperatorTileGrid } from './operator-tile-grid.tsx';

/** Hand a piece to a colleague: the present ones qualified for its step, as tiles. */
export function HandOffDialog({
  item,
  open,
  onOpenChange,
  pending,
  onHandOff,
}: {
  item: WorkItemView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  onHandOff: (toUserId: string, displayName: string) => void;
}) {
  const { t } = useTranslation('station');
  const candidates = useStationOperators({ qualifiedFor: item.id }, open);
  const onIt = new Set(boundOperators(item).map((operator) => operator.userId));
  const colleagues = (candidates.data ?? []).filter((operator) => !onIt.has(operator.userId));
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="wide"
      title={t('handOff.title', { serial: item.token.serial })}
      description={t('handOff.lead')}
    >
      {candidates.isPending ? (
        <LoadingState />
      ) : colleagues.length === 0 ? (
        <EmptyState title={t('handOff.none')} />
      ) : (
        <OperatorTileGrid
          operators={colleagues}
          label={t('handOff.title', { serial: item.token.serial })}
          disabled={pending}
          onPick={(operator) => onHandOff(operator.userId, operator.displayName)}
        />
      )}
    </Dialog>
  );
}
