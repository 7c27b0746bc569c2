import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DueDateLabel } from '../../../components/due-date-label.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import type { OrderKind, OrderSummary } from '../api/order-summary.ts';
import { orderPath } from '../lib/order-path.ts';
import { RoutingLabel } from './routing-label.tsx';
import { useKindText } from './use-kind-text.ts';

function TableHead({ kind }: { kind: OrderKind }) {
  const { t } = useTranslation('orders');
  const kindText = useKindText();
  return (
    <thead>
      <tr>
        <th scope="col">{t('table.order')}</th>
        <th scope="col">{t('table.product')}</th>
        <th scope="col" className="col-party">
          {kindText(kind).party}
        </th>
        <th scope="col">{t('table.due')}</th>
        <th scope="col">{t('table.status')}</th>
        <th scope="col" className="col-routing">
          {t('table.routing')}
        </th>
        <th scope="col" className="col-progress">
          {t('table.pieces')}
        </th>
      </tr>
    </thead>
  );
}

function OrderRow({ order }: { order: OrderSummary }) {
  const { t } = useTranslation('orders');
  const navigate = useNavigate();
  const href = orderPath(order.kind, order.code);
  // The whole row opens the order; links inside it (the code, a linked MO) keep their own target.
  const openOrder = (event: MouseEvent<HTMLTableRowElement>) => {
    if (!(event.target as HTMLElement).closest('a')) void navigate(href);
  };
  return (
    <tr className="orders-table__row" onClick={openOrder}>
      <td className="orders-table__code">
        <Link to={href}>{order.code}</Link>
      </td>
      <td>
        <div className="orders-table__product">{order.product}</div>
        {order.linkedMo ? (
          <Link
            className="hybrid-chip"
            to={orderPath('manufacturing-orders', order.linkedMo.code)}
            title={t('table.hybridTitle')}
          >
            {t('table.hybrid', { code: order.linkedMo.code })}
          </Link>
        ) : null}
        <div className="orders-table__party-inline">{order.party ?? '—'}</div>
      </td>
      <td className="col-party">{order.party ?? <span className="muted">—</span>}</td>
      <td>
        <DueDateLabel dueDate={order.dueDate} status={order.status} />
      </td>
      <td>
        <StatusBadge status={order.status} />
      </td>
      <td className="col-routing">
        <RoutingLabel routing={order.routing} />
      </td>
      <td className="col-progress">
        <ProgressBar counts={order.progress} quantity={order.quantity} />
      </td>
    </tr>
  );
}

/** A list of orders of one kind; a row opens the order's detail. */
export function OrdersTable({ kind, orders }: { kind: OrderKind; orders: OrderSummary[] }) {
  return (
    <div className="table-card">
      <table className="orders-table">
        <TableHead kind={kind} />
        <tbody>
          {orders.map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const SKELETON_ROWS = 5;

/** The table's outline while the first page loads. */
export function OrdersTableSkeleton({ kind }: { kind: OrderKind }) {
  const { t } = useTranslation('orders');
  return (
    <div className="table-card" aria-busy="true" aria-label={t('table.loading')}>
      <table className="orders-table">
        <TableHead kind={kind} />
        <tbody>
          {Array.from({ length: SKELETON_ROWS }, (_, row) => (
            <tr key={row}>
              {Array.from({ length: 7 }, (_, cell) => (
                <td key={cell} className={cell === 2 ? 'col-party' : cell === 5 ? 'col-routing' : undefined}>
                  <span className="skeleton" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
