import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/graph-schema.ts';
import { workItemLimits } from './work-item-limits.ts';

const node = (config: GraphNode['config']): GraphNode => ({ key: 'sew', type: 'operation', name: 'Sew', config });

describe('workItemLimits', () => {
  it("takes the node's limits, one operator by default", () => {
    expect(workItemLimits(node({ minOperators: 2, maxOperators: 3 }))).toEqual({ minOperators: 2, maxOperators: 3 });
    expect(workItemLimits(node({}))).toEqual({ minOperators: 1, maxOperators: 1 });
    expect(workItemLimits(undefined)).toEqual({ minOperators: 1, maxOperators: 1 });
  });

  it('always asks for at least one operator and never caps below the minimum', () => {
    const limit = fc.option(fc.integer({ min: -3, max: 6 }), { nil: undefined });
    fc.assert(
      fc.property(limit, limit, (minOperators, maxOperators) => {
        const limits = workItemLimits(
          node({
            ...(minOperators === undefined ? {} : { minOperators }),
            ...(maxOperators === undefined ? {} : { maxOperators }),
          }),
        );
        expect(limits.minOperators).toBeGreaterThanOrEqual(1);
        expect(limits.maxOperators).toBeGreaterThanOrEqual(limits.minOperators);
      }),
    );
  });
});
