import type { NodeCount } from '@atelier/contracts';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state.tsx';
import { nodeCountTable, type HereCount, type NodeCountRow } from '../lib/node-count-rows.ts';

const WORK_ITEM_COLUMNS = ['ready', 'assigned', 'inProgress', 'paused'] as const;

/** Column headings of the work-item states (literal keys, so the catalog check sees them). */
function workItemLabel(t: TFunction<'orders'>, state: (typeof WORK_ITEM_COLUMNS)[number]): string {
  switch (state) {
    case 'ready':
      return t('nodes.ready');
    case 'assigned':
      return t('nodes.assigned');
    case 'inProgress':
      return t('nodes.inProgress');
    case 'paused':
      return t('nodes.paused');
  }
}

const ENDED_PARTS = ['completed', 'scrapped', 'cancelled'] as const;

/** "6 finished", "1 scrapped", "2 cancelled". */
function endedLabel(t: TFunction<'orders'>, part: (typeof ENDED_PARTS)[number], count: number): string {
  switch (part) {
    case 'completed':
      return t('nodes.finished', { count });
    case 'scrapped':
      return t('nodes.scrapped', { count });
    case 'cancelled':
      return t('nodes.cancelled', { count });
  }
}

function Count({ value }: { value: number }) {
  return <td className={value === 0 ? 'num muted' : 'num'}>{value}</td>;
}

/** Pieces that left the routing at a step, by how: "6 finished", "1 scrapped"; a dash when none did. */
function EndedCell({ ended }: { ended: NodeCountRow['ended'] }) {
  const { t } = useTranslation('orders');
  const parts = ENDED_PARTS.filter((part) => ended[part] > 0);
  if (parts.length === 0) return <td className="num muted">—</td>;
  return (
    <td className="num">
      {parts.map((part) => (
        <span key={part} className={`node-table__ended node-table__ended--${part}`}>
          {endedLabel(t, part, ended[part])}
        </span>
      ))}
    </td>
  );
}

/** Pieces or components at a step; those waiting (at a join, for their components or siblings) are said under the number. */
function HereCell({ count }: { count: HereCount }) {
  const { t } = useTranslation('orders');
  return (
    <td className={count.here === 0 ? 'num muted' : 'num'}>
      {count.here}
      {count.waiting > 0 ? (
        <span className="node-table__waiting">{t('nodes.waiting', { count: count.waiting })}</span>
      ) : null}
    </td>
  );
}

function CountCells({ row }: { row: Pick<NodeCountRow, 'pieces' | 'components' | 'workItems' | 'ended'> }) {
  return (
    <>
      <HereCell count={row.pieces} />
      <HereCell count={row.components} />
      {WORK_ITEM_COLUMNS.map((state) => (
        <Count key={state} value={row.workItems[state]} />
      ))}
      <EndedCell ended={row.ended} />
    </>
  );
}

/**
 * Every step of the order's routing, in routing order: pieces and components there now, its open
 * work items by state, the pieces that left the routing there, and a bar comparing the load. The
 * totals row adds up to the order's pieces in flight, finished, scrapped and cancelled.
 */
export function NodeCountsTable({ nodes, released }: { nodes: NodeCount[]; released: boolean }) {
  const { t } = useTranslation('orders');
  if (nodes.length === 0) {
    // Before release an order is pinned to no routing version yet, so there are no steps to count.
    return released ? (
      <EmptyState title={t('nodes.noStepsTitle')}>{t('nodes.noStepsText')}</EmptyState>
    ) : (
      <EmptyState title={t('nodes.notReleasedTitle')}>{t('nodes.notReleasedText')}</EmptyState>
    );
  }
  const { rows, totals } = nodeCountTable(nodes);
  return (
    <div className="table-scroll">
      <table className="node-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              {t('nodes.step')}
            </th>
            <th scope="col" rowSpan={2} className="col-type">
              {t('nodes.type')}
            </th>
            <th scope="colgroup" colSpan={2} className="node-table__group">
              {t('nodes.hereNow')}
            </th>
            <th scope="colgroup" colSpan={WORK_ITEM_COLUMNS.length} className="node-table__group">
              {t('nodes.workItems')}
            </th>
            <th scope="col" rowSpan={2} className="num" title={t('nodes.endedTitle')}>
              {t('nodes.endedHere')}
            </th>
            <th scope="col" rowSpan={2} className="node-table__heat-col">
              <span className="visually-hidden">{t('nodes.heat')}</span>
            </th>
          </tr>
          <tr>
            <th scope="col" className="num" title={t('nodes.piecesTitle')}>
              {t('nodes.pieces')}
            </th>
            <th scope="col" className="num" title={t('nodes.componentsTitle')}>
              {t('nodes.components')}
            </th>
            {WORK_ITEM_COLUMNS.map((state) => (
              <th key={state} scope="col" className="num">
                {workItemLabel(t, state)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nodeKey} className={row.idle ? 'node-table__row--idle' : undefined}>
              <th scope="row">
                <span className="node-table__name">{row.name}</span>
                <span className="node-table__key">{row.nodeKey}</span>
              </th>
              <td className="col-type">
                <span className="node-type">{row.type}</span>
              </td>
              <CountCells row={row} />
              <td className="node-table__heat-col">
                <span className="heat">
                  <span className="heat__fill" style={{ width: `${row.load * 100}%` }} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('nodes.allSteps')}</th>
            <td className="col-type" />
            <CountCells row={totals} />
            <td className="node-table__heat-col" />
          </tr>
        </tfoot>
      </table>
      <p className="node-table__note">
        <Trans t={t} i18nKey="nodes.note" components={{ strong: <strong /> }} />
      </p>
      {released ? null : <p className="node-table__note">{t('nodes.notReleasedNote')}</p>}
    </div>
  );
}
