import type { Database } from '../db/database.ts';
import { insertPublishedRouting, normalEdges, type FixtureRoutingJson } from '../testing/routing-fixture.ts';

/**
 * The benchmark's routing: four single-operator work steps in a row, the shape of most OEM steps,
 * so every simulated operator can claim, start and complete without waiting for colleagues.
 */
export const BENCH_GRAPH_JSON: FixtureRoutingJson = {
  format: 'routing-graph/v1',
  code: 'BENCH-01',
  name: 'Benchmark card holder',
  nodes: [
    { key: 'start', type: 'start', name: 'Start' },
    { key: 'cut', type: 'operation', name: 'Cut', config: { workCenter: 'B-CUT', standardMinutes: 6 } },
    { key: 'edge', type: 'operation', name: 'Edge paint', config: { workCenter: 'B-EDG', standardMinutes: 4 } },
    { key: 'stitch', type: 'operation', name: 'Stitch', config: { workCenter: 'B-STI', standardMinutes: 9 } },
    { key: 'pack', type: 'operation', name: 'Pack', config: { workCenter: 'B-PCK', standardMinutes: 2 } },
    { key: 'end', type: 'end', name: 'Done' },
  ],
  edges: normalEdges('start', 'cut', 'edge', 'stitch', 'pack', 'end'),
};

/** The node where pieces enter: simulated operators look for new pieces there. */
export const BENCH_FIRST_NODE = 'cut';

/** Inserts the routing's work centers and graph with version 1 published; returns the graph id. */
export async function insertBenchRouting(db: Database): Promise<string> {
  const workCenters = Object.fromEntries(['B-CUT', 'B-EDG', 'B-STI', 'B-PCK'].map((code) => [code, `Bench ${code}`]));
  return (await insertPublishedRouting(db, BENCH_GRAPH_JSON, { workCenters, capacity: 8 })).graphId;
}
