import type { NodePieceCount } from '../../api/types.ts';
import { EmptyState } from '../../components/empty-state.tsx';

const COLUMNS = [
  { field: 'active', label: 'At step' },
  { field: 'waiting', label: 'Waiting' },
  { field: 'completed', label: 'Passed' },
  { field: 'cancelled', label: 'Cancelled' },
] as const;

/** Per routing step: how many pieces are there now, waiting, through it, or cancelled at it. */
export function NodeCountsTable({ nodes, released }: { nodes: NodePieceCount[]; released: boolean }) {
  if (nodes.length === 0) {
    return (
      <EmptyState title={released ? 'No pieces on the routing' : 'Not released yet'}>
        {released ? 'None of this order’s pieces has reached a step.' : 'Pieces appear at the steps once a manager releases the order.'}
      </EmptyState>
    );
  }
  const busiest = Math.max(1, ...nodes.map((node) => node.active + node.waiting));
  return (
    <div className="table-scroll">
      <table className="node-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Type</th>
            {COLUMNS.map((column) => <th key={column.field} scope="col" className="num">{column.label}</th>)}
            <th scope="col" className="node-table__heat-col"><span className="visually-hidden">Share of pieces at step</span></th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.key}>
              <th scope="row">
                <span className="node-table__name">{node.name}</span>
                <span className="node-table__key">{node.key}</span>
              </th>
              <td><span className="node-type">{node.type}</span></td>
              {COLUMNS.map((column) => (
                <td key={column.field} className={`num${node[column.field] === 0 ? ' muted' : ''}`}>{node[column.field]}</td>
              ))}
              <td className="node-table__heat-col">
                <span className="heat"><span className="heat__fill" style={{ width: `${((node.active + node.waiting) / busiest) * 100}%` }} /></span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
