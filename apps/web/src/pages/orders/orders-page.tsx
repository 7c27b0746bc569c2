import { Link, useSearchParams } from 'react-router';
import { ORDER_KIND_LABELS, isOrderKind } from '../../api/order-summary.ts';
import type { OrderKind } from '../../api/order-summary.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { OrderList } from './order-list.tsx';
import './orders.css';

const KINDS: OrderKind[] = ['manufacturing-orders', 'atelier-jobs'];

/** Orders: OEM manufacturing orders and atelier jobs, one tab each (the tab is in the URL). */
export function OrdersPage() {
  const [params] = useSearchParams();
  const requested = params.get('kind') ?? undefined;
  const kind: OrderKind = isOrderKind(requested) ? requested : 'manufacturing-orders';
  return (
    <>
      <PageHeader
        title="Orders"
        description="OEM batches for brand clients and hand-made atelier jobs, with where every piece stands."
      />
      <div className="tabs" role="tablist" aria-label="Kind of order">
        {KINDS.map((k) => (
          <Link
            key={k}
            to={`?kind=${k}`}
            role="tab"
            aria-selected={k === kind}
            className={`tabs__tab${k === kind ? ' tabs__tab--active' : ''}`}
          >
            {ORDER_KIND_LABELS[k].plural}
          </Link>
        ))}
      </div>
      <div role="tabpanel" aria-label={ORDER_KIND_LABELS[kind].plural}>
        <OrderList key={kind} kind={kind} />
      </div>
    </>
  );
}
