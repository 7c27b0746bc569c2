import { describe, expect, it } from 'vitest';
import { benchRoutingGraph } from '../bench/routing-bench.ts';
import { validateGraph } from '../graph/validate-graph.ts';
import * as fixtures from './test-graphs.ts';

// The routing engine is only ever given published graphs, so its fixtures must pass validation.
describe('routing fixtures', () => {
  it.each(Object.entries({ ...fixtures, benchRoutingGraph }))('%s has no validation errors', (_, graph) => {
    expect(validateGraph(graph).filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
