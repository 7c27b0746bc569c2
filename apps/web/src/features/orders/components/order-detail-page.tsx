import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DueDateLabel } from '../../../components/due-date-label.tsx';
import { Icon } from '../../../components/icon.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { ProblemMessage } from '../../../components/problem-message.tsx';
import { ProgressBar } from '../../../components/progress-bar.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { useFormat } from '../../../i18n/format.ts';
import { NotFoundState } from '../../../components/not-found-state.tsx';
import { useOrderDetail } from '../api/order-queries.ts';
import { isOrderKind } from '../api/order-summary.ts';
import { useLiveOrders } from '../api/use-live-orders.ts';
import type { OrderDetail, OrderKind } from '../api/order-summary.ts';
import { orderPath } from '../lib/order-path.ts';
import { pieceSummary } from '../lib/piece-summary.ts';
import { NodeCountsTable } from './node-counts-table.tsx';
import { RoutingLabel } from './routing-label.tsx';
import { useKindText } from './use-kind-text.ts';
import './order-detail.css';

function BackLink({ kind }: { kind: OrderKind }) {
  const kindText = useKindText();
  return (
    <Link className="back-link" to={`/orders?kind=${kind}`}>
      <Icon name="back" size={16} />
      {kindText(kind).plural}
    </Link>
  );
}

function OrderFacts({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('orders');
  const kindText = useKindText();
  return (
    <dl className="facts">
      <div>
        <dt>{kindText(order.kind).party}</dt>
        <dd>{order.party ?? '—'}</dd>
      </div>
      <div>
        <dt>{t('detail.quantity')}</dt>
        <dd>{t('detail.pieceCount', { count: order.quantity })}</dd>
      </div>
      <div>
        <dt>{t('detail.due')}</dt>
        <dd>
          <DueDateLabel dueDate={order.dueDate} status={order.status} />
        </dd>
      </div>
      <div>
        <dt>{t('detail.routing')}</dt>
        <dd>
          <RoutingLabel routing={order.routing} />
        </dd>
      </div>
      {order.linkedMo ? (
        <div>
          <dt>{t('detail.hybridOf')}</dt>
          <dd>
            <Link to={orderPath('manufacturing-orders', order.linkedMo.code)}>{order.linkedMo.code}</Link>
          </dd>
        </div>
      ) : null}
      {order.hybridJobs.length > 0 ? (
        <div>
          <dt>{t('detail.hybridJobs')}</dt>
          <dd className="facts__links">
            {order.hybridJobs.map((job) => (
              <Link key={job.id} to={orderPath('atelier-jobs', job.code)}>
                {job.code}
              </Link>
            ))}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The order's pieces: the bar, the sum that makes the quantity, and the pieces outside it. */
function PiecesCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('orders');
  const { locale } = useFormat();
  const summary = pieceSummary(t, locale, order.progress, order.quantity, order.nodes);
  return (
    <section className="card">
      <h2 className="card__title">{t('detail.pieces')}</h2>
      <ProgressBar counts={order.progress} quantity={order.quantity} detailed />
      <p className="pieces__equation">{summary.equation}</p>
      {summary.notes.length > 0 ? (
        <ul className="pieces__notes">
          {summary.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function OrderDetailView({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('orders');
  const kindText = useKindText();
  return (
    <>
      <PageHeader
        eyebrow={kindText(order.kind).singular}
        title={
          <span className="detail-title">
            {order.code} <StatusBadge status={order.status} />
          </span>
        }
        description={order.product}
      />
      <OrderFacts order={order} />
      <PiecesCard order={order} />
      <section className="card">
        <h2 className="card__title">{t('detail.steps')}</h2>
        <NodeCountsTable nodes={order.nodes} released={order.status !== 'draft'} />
      </section>
    </>
  );
}

/** One order: its facts, its progress, and how many pieces are at each step of its routing. */
export function OrderDetailPage() {
  const { kind, idOrCode = '' } = useParams();
  if (!isOrderKind(kind)) return <NotFoundState />;
  return <OrderDetailLoader kind={kind} idOrCode={idOrCode} />;
}

function OrderDetailLoader({ kind, idOrCode }: { kind: OrderKind; idOrCode: string }) {
  const { t } = useTranslation('orders');
  const detail = useOrderDetail(kind, idOrCode);
  useLiveOrders();
  return (
    <>
      <BackLink kind={kind} />
      {detail.isPending ? (
        <div className="detail-loading" aria-busy="true" aria-label={t('detail.loading')}>
          <span className="skeleton skeleton--title" />
          <span className="skeleton" />
          <span className="skeleton" />
        </div>
      ) : null}
      {detail.isError ? <ProblemMessage error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? <OrderDetailView order={detail.data} /> : null}
    </>
  );
}
