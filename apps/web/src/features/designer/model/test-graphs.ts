import { readFileSync } from 'node:fs';
import { parseGraph } from '@atelier/domain';
import type { RoutingGraph } from '@atelier/domain';
import { generateGraph } from '../../../../../../packages/domain/src/testing/generate-graph.ts';

/** The demo tote-bag routing of `examples/routings` (test-only). */
export function demoRouting(file = 'tote-bag.json'): RoutingGraph {
  const url = new URL(`../../../../../../examples/routings/${file}`, import.meta.url);
  const parsed = parseGraph(JSON.parse(readFileSync(url, 'utf8')));
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
