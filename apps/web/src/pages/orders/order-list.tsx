import type { OrderKind } from '../../api/order-summary.ts';
import { ORDER_KIND_LABELS } from '../../api/order-summary.ts';
import { useOrderList } from '../../api/queries.ts';
import { EmptyState } from '../../components/empty-state.tsx';
import { ProblemMessage } from '../../components/problem-message.tsx';
import { OrdersTable, OrdersTableSkeleton } from './orders-table.tsx';

const EMPTY_HINTS: Record<OrderKind, string> = {
  'manufacturing-orders':
    'Manufacturing orders appear here when a manager creates one or an integrator pushes one in through the API.',
  'atelier-jobs':
    'Atelier jobs appear here when a bespoke or hand-finishing job is created, on its own or linked to a manufacturing order.',
};

/** One kind of order: loading, error, empty, or the table with a "load more" for the next page. */
export function OrderList({ kind }: { kind: OrderKind }) {
  const list = useOrderList(kind);
  const label = ORDER_KIND_LABELS[kind].plural.toLowerCase();
  if (list.isPending) return <OrdersTableSkeleton kind={kind} />;
  if (!list.data) return <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />;
  const orders = list.data.pages.flatMap((page) => page.items);
  if (orders.length === 0) return <EmptyState title={`No ${label} yet`}>{EMPTY_HINTS[kind]}</EmptyState>;
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
        <span>
          {orders.length} {label}
          {list.hasNextPage ? ' shown' : ''}
        </span>
        {list.hasNextPage ? (
          <button
            type="button"
            className="button"
            disabled={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
      </div>
    </>
  );
}
