import type { NodeCount } from '../../api/types.ts';
import { EmptyState } from '../../components/empty-state.tsx';

const WORK_ITEM_COLUMNS = [
  { state: 'ready', label: 'Ready' },
  { state: 'assigned', label: 'Assigned' },
  { state: 'inProgress', label: 'In progress' },
  { state: 'paused', label: 'Paused' },
] as const;

function Count({ value }: { value: number }) {
  return <td className={value === 0 ? 'num muted' : 'num'}>{value}</td>;
}

/**
 * Every step of the order's routing, in routing order: pieces there now (worked, or waiting at a
 * split/join for their components), its open work items by state, and a bar comparing the load.
 */
export function NodeCountsTable({ nodes, released }: { nodes: NodeCount[]; released: boolean }) {
  if (nodes.length === 0) {
    // Before release an order is pinned to no routing version yet, so there are no steps to count.
    return released ? (
      <EmptyState title="No routing steps">This order’s routing version has no steps to show.</EmptyState>
    ) : (
      <EmptyState title="Not released yet">
        When a manager releases the order, its pieces start on the routing’s published version and each step’s counts show here.
      </EmptyState>
    );
  }
  const busiest = Math.max(1, ...nodes.map((node) => node.active + node.waiting));
  return (
    <div className="table-scroll">
      <table className="node-table">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>Step</th>
            <th scope="col" rowSpan={2} className="col-type">Type</th>
            <th scope="colgroup" colSpan={2} className="node-table__group">Pieces</th>
            <th scope="colgroup" colSpan={WORK_ITEM_COLUMNS.length} className="node-table__group">Work items</th>
            <th scope="col" rowSpan={2} className="node-table__heat-col"><span className="visually-hidden">Pieces at step, relative to the busiest step</span></th>
          </tr>
          <tr>
            <th scope="col" className="num">Here</th>
            <th scope="col" className="num" title="Waiting at a split or join for its components">Waiting</th>
            {WORK_ITEM_COLUMNS.map((column) => <th key={column.state} scope="col" className="num">{column.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const here = node.active + node.waiting;
            return (
              <tr key={node.nodeKey} className={here === 0 ? 'node-table__row--idle' : undefined}>
                <th scope="row">
                  <span className="node-table__name">{node.name}</span>
                  <span className="node-table__key">{node.nodeKey}</span>
                </th>
                <td className="col-type"><span className="node-type">{node.type}</span></td>
                <Count value={node.active} />
                <Count value={node.waiting} />
                {WORK_ITEM_COLUMNS.map((column) => <Count key={column.state} value={node.workItems[column.state]} />)}
                <td className="node-table__heat-col">
                  <span className="heat"><span className="heat__fill" style={{ width: `${(here / busiest) * 100}%` }} /></span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {released ? null : <p className="node-table__note">Not released yet: pieces start at the first step once a manager releases the order.</p>}
    </div>
  );
}
