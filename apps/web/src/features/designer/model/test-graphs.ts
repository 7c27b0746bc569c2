import { parseGraph } from '@atelier/domain';
import type { RoutingGraph } from '@atelier/domain';
import belt from '../../../../../../examples/routings/belt.json';
import tote from '../../../../../../examples/routings/tote-bag.json';
import wallet from '../../../../../../examples/routings/wallet.json';
import { generateGraph } from '../../../../../../packages/domain/src/testing/generate-graph.ts';

const DEMO: Record<string, unknown> = { 'tote-bag.json': tote, 'wallet.json': wallet, 'belt.json': belt };

/** The demo tote-bag routing of `examples/routings` (test-only). */
export function demoRouting(file = 'tote-bag.json'): RoutingGraph {
  const parsed = parseGraph(structuredClone(DEMO[file]));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.graph;
}

/** The benchmark routings: 300 or 1,000 nodes with splits, decisions, QC and rework (test-only). */
export function benchRouting(nodes: 300 | 1000): RoutingGraph {
  return generatedRouting(nodes, nodes === 300 ? 8 : 20);
}

/** A generated routing of any size (test-only). */
export function generatedRouting(nodes: number, sections: number, seed = 2026): RoutingGraph {
  return generateGraph({ nodes, sections, seed });
}
