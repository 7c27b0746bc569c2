import type { NodeCount } from '@atelier/contracts';
import { EmptyState } from '../../components/empty-state.tsx';
import { nodeCountTable, type HereCount, type NodeCountRow } from './node-count-rows.ts';

const WORK_ITEM_COLUMNS = [
  { state: 'ready', label: 'Ready' },
  { state: 'assigned', label: 'Assigned' },
  { state: 'inProgress', label: 'In progress' },
  { state: 'paused', label: 'Paused' },
] as const;

const ENDED_PARTS = [
  { part: 'completed', label: 'finished' },
  { part: 'scrapped', label: 'scrapped' },
  { part: 'cancelled', label: 'cancelled' },
] as const;

const ENDED_TITLE =
  'Pieces that left the routing at this step: finished at an end, scrapped (routed here by a failed inspection, or cancelled QC_FAIL while here) or cancelled (redesign or permanent)';

function Count({ value }: { value: number }) {
  return <td className={value === 0 ? 'num muted' : 'num'}>{value}</td>;
}

/** Pieces that left the routing at a step, by how: "6 finished", "1 scrapped"; a dash when none did. */
function EndedCell({ ended }: { ended: NodeCountRow['ended'] }) {
  const parts = ENDED_PARTS.filter(({ part }) => ended[part] > 0);
  if (parts.length === 0) return <td className="num muted">—</td>;
  return (
    <td className="num">
      {parts.map(({ part, label }) => (
        <span key={part} className={`node-table__ended node-table__ended--${part}`}>
          {ended[part]} {label}
        </span>
      ))}
    </td>
  );
}

/** Pieces or components at a step; those waiting (at a join, for their components or siblings) are said under the number. */
function HereCell({ count }: { count: HereCount }) {
  return (
    <td className={count.here === 0 ? 'num muted' : 'num'}>
      {count.here}
      {count.waiting > 0 ? <span className="node-table__waiting">{count.waiting} waiting</span> : null}
    </td>
  );
}

function CountCells({ row }: { row: Pick<NodeCountRow, 'pieces' | 'components' | 'workItems' | 'ended'> }) {
  return (
    <>
      <HereCell count={row.pieces} />
      <HereCell count={row.components} />
      {WORK_ITEM_COLUMNS.map((column) => (
        <Count key={column.state} value={row.workItems[column.state]} />
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
  if (nodes.length === 0) {
    // Before release an order is pinned to no routing version yet, so there are no steps to count.
    return released ? (
      <EmptyState title="No routing steps">This order’s routing version has no steps to show.</EmptyState>
    ) : (
      <EmptyState title="Not released yet">
        When a manager releases the order, its pieces start on the routing’s published version and each step’s counts
        show here.
      </EmptyState>
    );
  }
  const { rows, totals } = nodeCountTable(nodes);
  return (
    <div className="table-scroll">
      <table className="node-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Step
            </th>
            <th scope="col" rowSpan={2} className="col-type">
              Type
            </th>
            <th scope="colgroup" colSpan={2} className="node-table__group">
              Here now
            </th>
            <th scope="colgroup" colSpan={WORK_ITEM_COLUMNS.length} className="node-table__group">
              Work items
            </th>
            <th scope="col" rowSpan={2} className="num" title={ENDED_TITLE}>
              Ended here
            </th>
            <th scope="col" rowSpan={2} className="node-table__heat-col">
              <span className="visually-hidden">Pieces and components at step, relative to the busiest step</span>
            </th>
          </tr>
          <tr>
            <th
              scope="col"
              className="num"
              title="Pieces at the step; a split piece waits at its join while its components are made"
            >
              Pieces
            </th>
            <th scope="col" className="num" title="Components: the parts a piece is split into at a parallel step">
              Components
            </th>
            {WORK_ITEM_COLUMNS.map((column) => (
              <th key={column.state} scope="col" className="num">
                {column.label}
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
            <th scope="row">All steps</th>
            <td className="col-type" />
            <CountCells row={totals} />
            <td className="node-table__heat-col" />
          </tr>
        </tfoot>
      </table>
      <p className="node-table__note">
        A <strong>piece</strong> is one item of the order. <strong>Components</strong> are the parts a piece is split
        into at a parallel step, e.g. body and strap; they are joined back into the piece. While its components are
        made, the piece waits at the join.
        <strong> Ended here</strong> is where pieces left the routing: finished at an end, or scrapped or cancelled at
        the step they were at — a piece a failed inspection sends on to an end such as “Scrapped” counts there.
      </p>
      {released ? null : (
        <p className="node-table__note">
          Not released yet: pieces start at the first step once a manager releases the order.
        </p>
      )}
    </div>
  );
}
