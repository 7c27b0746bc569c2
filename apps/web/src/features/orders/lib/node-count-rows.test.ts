import { describe, expect, it } from 'vitest';
import { ONE_PIECE_SPLIT_JOB, SCRAPPED_AND_REPLACED_ORDER } from './order-count-fixtures.ts';
import { nodeCountTable } from './node-count-rows.ts';

describe('nodeCountTable', () => {
  it('shows a one-piece job split into body and strap as one piece at the join and two components, not three pieces', () => {
    const table = nodeCountTable(ONE_PIECE_SPLIT_JOB);
    const row = (key: string) => table.rows.find((candidate) => candidate.nodeKey === key);
    expect(row('stitch-body')).toMatchObject({
      pieces: { here: 0, waiting: 0 },
      components: { here: 1, waiting: 0 },
      idle: false,
    });
    expect(row('join')).toMatchObject({ pieces: { here: 1, waiting: 1 }, components: { here: 1, waiting: 1 } });
    expect(table.totals.pieces).toEqual({ here: 1, waiting: 1 });
    expect(table.totals.components).toEqual({ here: 2, waiting: 1 });
  });

  it('totals the pieces that ended at each step, so the scrapped piece shows where it was scrapped', () => {
    const table = nodeCountTable(SCRAPPED_AND_REPLACED_ORDER);
    expect(table.totals.pieces.here).toBe(18);
    expect(table.totals.ended).toEqual({ completed: 6, scrapped: 1, cancelled: 0 });
    expect(table.rows.find((row) => row.nodeKey === 'qc')).toMatchObject({ idle: false, ended: { scrapped: 1 } });
    expect(table.rows.find((row) => row.nodeKey === 'scrap')?.idle).toBe(true);
  });

  it('measures the load bar against the busiest step, pieces and components together', () => {
    const table = nodeCountTable(SCRAPPED_AND_REPLACED_ORDER);
    expect(table.rows.find((row) => row.nodeKey === 'assemble')?.load).toBe(1);
    expect(table.rows.find((row) => row.nodeKey === 'join')?.load).toBeCloseTo(0.7);
  });
});
