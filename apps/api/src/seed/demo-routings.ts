import { readFileSync } from 'node:fs';
import { parseGraph, type RoutingGraph } from '@atelier/domain';
import { repoRoot } from '../env.ts';

/**
 * The demo routings: the tote bag, wallet and belt of `examples/routings/` (the files integrators
 * copy) and the atelier's hand edge finishing, used by the hybrid job. Each is published as
 * version 1; the tote also has a draft version 2 a designer is working on.
 */

function readRouting(path: string): RoutingGraph {
  const parsed = parseGraph(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new Error(`Demo routing ${path} does not parse: ${first?.path ?? '$'} ${first?.message ?? ''}`);
  }
  return parsed.graph;
}

/** The published demo routings, keyed by code. */
export function loadDemoRoutings(): Record<'TOTE-01' | 'WALLET-01' | 'BELT-01' | 'EDGE-01', RoutingGraph> {
  return {
    'TOTE-01': readRouting(`${repoRoot}/examples/routings/tote-bag.json`),
    'WALLET-01': readRouting(`${repoRoot}/examples/routings/wallet.json`),
    'BELT-01': readRouting(`${repoRoot}/examples/routings/belt.json`),
    'EDGE-01': readRouting(new URL('./routings/hand-edge-finishing.json', import.meta.url).pathname),
  };
}

/** The tote's draft v2: a trial of a finer stitch pitch on the body, not published yet. */
export function toteDraftV2(tote: RoutingGraph): RoutingGraph {
  return {
    ...tote,
    nodes: tote.nodes.map((node) =>
      node.key === 'stitch-body' && node.config
        ? {
            ...node,
            config: {
              ...node.config,
              standardMinutes: 38,
              instructions:
                'Trial for the autumn collection: stitch body panels and gussets at 3.0 mm pitch with bonded nylon thread. A second artisan may join to hold the gussets.',
            },
          }
        : node,
    ),
  };
}
