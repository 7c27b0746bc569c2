import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/button.tsx';
import { EmptyState } from '../../../components/empty-state.tsx';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { useOrderList } from '../api/order-queries.ts';
import type { OrderKind } from '../api/order-summary.ts';
import { OrdersTable, OrdersTableSkeleton } from './orders-table.tsx';

/** One kind of order: loading, error, empty, or the table with a "load more" for the next page. */
export function OrderList({ kind }: { kind: OrderKind }) {
  const { t } = useTranslation(['orders', 'common']);
  const list = useOrderList(kind);
  if (list.isPending) return <OrdersTableSkeleton kind={kind} />;
  if (!list.data) return <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />;
  const orders = list.data.pages.flatMap((page) => page.items);
  if (orders.length === 0) {
    return kind === 'manufacturing-orders' ? (
      <EmptyState title={t('empty.moTitle')}>{t('empty.moHint')}</EmptyState>
    ) : (
      <EmptyState title={t('empty.ajTitle')}>{t('empty.ajHint')}</EmptyState>
    );
  }
  const count = { count: orders.length };
  return (
    <>
      {/* A failed refresh or next page keeps the rows already shown, with the reason above them. */}
      {list.isError ? (
        <ProblemMessage
          error={list.error}
          onRetry={() => void (list.isFetchNextPageError ? list.fetchNextPage() : list.refetch())}
        />
      ) : null}
      <OrdersTable kind={kind} orders={orders} />
      <div className="list-footer">
        <span>{list.hasNextPage ? t('list.countMore', count) : t('list.count', count)}</span>
        {list.hasNextPage ? (
          <Button pending={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {list.isFetchingNextPage ? t('list.loadingMore') : t('common:actions.loadMore')}
          </Button>
        ) : null}
      </div>
    </>
  );
}
