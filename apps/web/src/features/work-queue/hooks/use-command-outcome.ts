import type { WorkItemView } from '@atelier/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { toast } from '../../../components/toast.ts';
import type { WorkCommand } from '../api/work-commands.ts';

/** Who holds a piece, from a 409 `ALREADY_CLAIMED` (the API names the winner). */
function winnerOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.problem.code !== 'ALREADY_CLAIMED') return null;
  const heldBy = error.problem.extensions?.heldBy;
  if (typeof heldBy !== 'object' || heldBy === null || !('displayName' in heldBy)) return null;
  return typeof heldBy.displayName === 'string' ? heldBy.displayName : null;
}

/** States a conflict leaves the piece in: someone else changed it, the list is read again. */
const CHANGED_CODES = new Set([
  'ALREADY_CLAIMED',
  'WORK_ITEM_CHANGED',
  'NOT_CLAIMABLE',
  'TOKEN_NOT_ACTIVE',
  'WORK_ITEM_CLOSED',
  'INVALID_TRANSITION',
  'OPERATOR_LIMIT',
]);

/**
 * Says in words how a command went: a toast per success, a lost claim race naming who took the
 * piece, another change "meanwhile" (the lists refresh either way), and any other problem.
 */
export function useCommandOutcome() {
  const { t } = useTranslation('station');
  return {
    succeeded(item: WorkItemView, command: WorkCommand, extra: { name?: string } = {}) {
      const serial = item.token.serial;
      const messages: Record<WorkCommand['type'], string> = {
        claim: t('toast.claimed', { serial }),
        start: t('toast.started', { serial }),
        pause: t('toast.paused', { serial }),
        resume: t('toast.resumed', { serial }),
        complete: t('toast.completed', { serial }),
        inspect: t('toast.inspected', { serial }),
        handOff: t('toast.handedOff', { serial, name: extra.name ?? '' }),
        requeue: t('toast.requeued', { serial }),
        join: t('toast.joined', { serial }),
        leave: t('toast.left', { serial }),
      };
      toast.success(messages[command.type]);
    },
    failed(item: WorkItemView, error: unknown) {
      const serial = item.token.serial;
      const winner = winnerOf(error);
      if (winner !== null) {
        toast.info(t('toast.lostRace', { name: winner, serial }), t('toast.lostRaceHint'));
        return;
      }
      if (error instanceof ApiError && CHANGED_CODES.has(error.problem.code ?? '')) {
        toast.info(t('toast.changed', { serial }), t('toast.changedHint'));
        return;
      }
      toast.error(t('toast.failed'), error instanceof ApiError ? error.problem.detail : undefined);
    },
  };
}
