import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { isOrderKind } from '../api/order-summary.ts';
import { useLiveOrders } from '../api/use-live-orders.ts';
import type { OrderKind } from '../api/order-summary.ts';
import { OrderList } from './order-list.tsx';
import { useKindText } from './use-kind-text.ts';
import './orders.css';

const KINDS: OrderKind[] = ['manufacturing-orders', 'atelier-jobs'];

/** Orders: OEM manufacturing orders and atelier jobs, one tab each (the tab is in the URL), live. */
export function OrdersPage() {
  const { t } = useTranslation('orders');
  const kindText = useKindText();
  useLiveOrders();
  const [params] = useSearchParams();
  const requested = params.get('kind') ?? undefined;
  const kind: OrderKind = isOrderKind(requested) ? requested : 'manufacturing-orders';
  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} />
      <div className="tabs" role="tablist" aria-label={t('page.kinds')}>
        {KINDS.map((k) => (
          <Link
            key={k}
            to={`?kind=${k}`}
            role="tab"
            aria-selected={k === kind}
            className={`tabs__tab${k === kind ? ' tabs__tab--active' : ''}`}
          >
            {kindText(k).plural}
          </Link>
        ))}
      </div>
      <div role="tabpanel" aria-label={kindText(kind).plural}>
        <OrderList key={kind} kind={kind} />
      </div>
    </>
  );
}
