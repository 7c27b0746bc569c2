import type { Database } from '../db/database.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/**
 * The benchmark's routing: four single-operator work steps in a row, the shape of most OEM steps,
 * so every simulated operator can claim, start and complete without waiting for colleagues.
 */
export const BENCH_GRAPH_JSON = {
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
  edges: [
    { from: 'start', to: 'cut', kind: 'normal' },
    { from: 'cut', to: 'edge', kind: 'normal' },
    { from: 'edge', to: 'stitch', kind: 'normal' },
    { from: 'stitch', to: 'pack', kind: 'normal' },
    { from: 'pack', to: 'end', kind: 'normal' },
  ],
};

/** The node where pieces enter: simulated operators look for new pieces there. */
export const BENCH_FIRST_NODE = 'cut';

/** Inserts the routing's work centers and graph with version 1 published; returns the graph id. */
export async function insertBenchRouting(db: Database): Promise<string> {
  for (const code of ['B-CUT', 'B-EDG', 'B-STI', 'B-PCK']) {
    await db.prisma.workCenter.create({ data: { code, name: `Bench ${code}`, capacity: 8 } });
  }
  const graph = await db.prisma.routingGraph.create({ data: { code: BENCH_GRAPH_JSON.code, name: BENCH_GRAPH_JSON.name } });
  await db.prisma.graphVersion.create({
    data: { graphId: graph.id, number: 1, status: 'published', publishedAt: new Date(), body: BENCH_GRAPH_JSON as Prisma.InputJsonObject },
  });
  return graph.id;
}
