import { describe, expect, it } from 'vitest';
import { benchBpmnEngine, benchDomainRouting, benchRoutingGraph } from './routing-bench.ts';

describe('routing benchmark', () => {
  it('the domain run routes every piece through all 12 steps (16 token moves with the split)', () => {
    const run = benchDomainRouting(benchRoutingGraph, 1);
    expect(run.pieces).toBeGreaterThan(0);
    expect(run.workItems).toBe(12 * run.pieces);
    expect(run.moves).toBe(16 * run.pieces);
  });

  it('the bpmn-engine run executes the same 12 user tasks per piece', async () => {
    const run = await benchBpmnEngine(benchRoutingGraph, 1);
    expect(run.pieces).toBeGreaterThan(0);
    expect(run.userTasks).toBe(12 * run.pieces);
  });
});
