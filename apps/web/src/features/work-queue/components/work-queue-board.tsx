import type { Me, WorkItemView } from '@atelier/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/problem.ts';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { LoadingState } from '../../../components/loading-state.tsx';
import { toast } from '../../../components/toast.ts';
import { useTakeNext, useWorkCommand, type WorkCommand } from '../api/work-commands.ts';
import { useAvailableWork, useMyWork } from '../api/work-queue-queries.ts';
import { useCommandOutcome } from '../hooks/use-command-outcome.ts';
import { useQueueLiveUpdates } from '../hooks/use-queue-live-updates.ts';
import type { CardAction } from '../lib/card-actions.ts';
import { HandOffDialog } from './hand-off-dialog.tsx';
import { PauseDialog } from './pause-dialog.tsx';
import { QcDialog } from './qc-dialog.tsx';
import { WorkCard } from './work-card.tsx';
import { WorkItemDetailDialog } from './work-item-detail-dialog.tsx';

type Asking = { kind: 'pause' | 'inspect' | 'handOff' | 'details'; item: WorkItemView } | null;

/** A list of cards with its heading, count and empty state. */
function CardList({
  id,
  title,
  query,
  empty,
  emptyHint,
  children,
}: {
  id: string;
  title: string;
  query: { data?: WorkItemView[]; isPending: boolean; error: unknown; refetch: () => unknown };
  empty: string;
  emptyHint: string;
  children: (item: WorkItemView) => React.ReactNode;
}) {
  const { t } = useTranslation('station');
  return (
    <section className="wq-list" aria-labelledby={id}>
      <h2 id={id} className="wq-list__title">
        {title}
        {query.data ? <span className="wq-list__count">{t('board.count', { count: query.data.length })}</span> : null}
      </h2>
      {query.isPending ? (
        <LoadingState />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data && query.data.length > 0 ? (
        <div className="wq-list__cards">{query.data.map(children)}</div>
      ) : (
        <EmptyState title={empty}>{emptyHint}</EmptyState>
      )}
    </section>
  );
}

/**
 * The operator's queue: My work and Available side by side (stacked on a portrait tablet), "take
 * the next piece", and every card's commands with their dialogs (pause reason, QC inspection,
 * hand-off to a colleague, details).
 */
export function WorkQueueBoard({ me }: { me: Me }) {
  const { t } = useTranslation('station');
  const mine = useMyWork();
  const available = useAvailableWork();
  const command = useWorkCommand();
  const takeNext = useTakeNext();
  const outcome = useCommandOutcome();
  const [asking, setAsking] = useState<Asking>(null);
  useQueueLiveUpdates(me.id);
  const busyId = command.isPending ? command.variables.item.id : null;

  const send = (item: WorkItemView, work: WorkCommand, extra: { name?: string } = {}) =>
    command.mutate(
      { item, command: work },
      {
        onSuccess: () => {
          setAsking(null);
          outcome.succeeded(item, work, extra);
        },
        onError: (error) => {
          setAsking(null);
          outcome.failed(item, error);
        },
      },
    );

  const onAction = (action: CardAction, item: WorkItemView) => {
    if (action === 'pause' || action === 'inspect' || action === 'handOff') setAsking({ kind: action, item });
    else send(item, { type: action });
  };

  const onTakeNext = () =>
    takeNext.mutate(undefined, {
      onSuccess: async () => {
        const next = (await mine.refetch()).data?.[0];
        if (next) toast.success(t('toast.nextTaken', { serial: next.token.serial }));
      },
      onError: (error) => {
        if (error instanceof ApiError && error.problem.code === 'NO_WORK_AVAILABLE') toast.info(t('board.nothingNext'));
        else toast.error(t('toast.failed'), error instanceof ApiError ? error.problem.detail : undefined);
      },
    });

  const card = (item: WorkItemView) => (
    <WorkCard
      key={item.id}
      item={item}
      me={me.id}
      busy={busyId === item.id}
      onAction={onAction}
      onDetails={(details) => setAsking({ kind: 'details', item: details })}
    />
  );
  const close = (open: boolean) => {
    if (!open) setAsking(null);
  };

  return (
    <div className="wq-board">
      <div className="wq-board__bar">
        <Button variant="primary" size="large" pending={takeNext.isPending} onClick={onTakeNext}>
          {t('board.takeNext')}
        </Button>
      </div>
      <div className="wq-board__lists">
        <CardList
          id="wq-mine"
          title={t('board.myWork')}
          query={mine}
          empty={t('board.noneMine')}
          emptyHint={t('board.noneMineHint')}
        >
          {card}
        </CardList>
        <CardList
          id="wq-available"
          title={t('board.available')}
          query={available}
          empty={t('board.noneAvailable')}
          emptyHint={t('board.noneAvailableHint')}
        >
          {card}
        </CardList>
      </div>
      {asking?.kind === 'pause' ? (
        <PauseDialog open onOpenChange={close} onPause={(reason) => send(asking.item, { type: 'pause', reason })} />
      ) : null}
      {asking?.kind === 'inspect' ? (
        <QcDialog
          open
          item={asking.item}
          onOpenChange={close}
          pending={command.isPending}
          onSubmit={(qc) => send(asking.item, { type: 'inspect', qc })}
        />
      ) : null}
      {asking?.kind === 'handOff' ? (
        <HandOffDialog
          open
          item={asking.item}
          onOpenChange={close}
          pending={command.isPending}
          onHandOff={(toUserId, name) => send(asking.item, { type: 'handOff', toUserId }, { name })}
        />
      ) : null}
      {asking?.kind === 'details' ? <WorkItemDetailDialog open item={asking.item} onOpenChange={close} /> : null}
    </div>
  );
}
