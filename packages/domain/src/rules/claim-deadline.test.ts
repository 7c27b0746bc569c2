import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../graph/graph-schema.ts';
import { claimDeadline, DEFAULT_CLAIM_TIMEOUT_MINUTES, workItemClaimDeadline } from './claim-deadline.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));
const node = (claimTimeoutMinutes?: number): GraphNode => ({
  key: 'cut',
  type: 'operation',
  name: 'Cut',
  config: claimTimeoutMinutes === undefined ? {} : { claimTimeoutMinutes },
});

describe('claimDeadline', () => {
  it("counts the node's claim timeout from the claim, 30 minutes when it sets none or is missing", () => {
    expect(claimDeadline({ claimedAt: at(0), node: node(10) })).toEqual(at(10));
    expect(claimDeadline({ claimedAt: at(0), node: node() })).toEqual(at(DEFAULT_CLAIM_TIMEOUT_MINUTES));
    expect(claimDeadline({ claimedAt: at(0), node: undefined })).toEqual(at(30));
  });
});

describe('workItemClaimDeadline', () => {
  it('gives a newly assigned item a deadline from the step, keeps the one of an item still assigned, and clears it otherwise', () => {
    expect(
      workItemClaimDeadline({
        before: { state: 'ready', claimDeadline: null },
        after: { state: 'assigned', updatedAt: at(5) },
        node: node(10),
      }),
    ).toEqual(at(15));
    expect(
      workItemClaimDeadline({ before: undefined, after: { state: 'assigned', updatedAt: at(5) }, node: node(10) }),
    ).toEqual(at(15));
    expect(
      workItemClaimDeadline({
        before: { state: 'assigned', claimDeadline: at(12) },
        after: { state: 'assigned', updatedAt: at(9) },
        node: node(10),
      }),
    ).toEqual(at(12));
    expect(
      workItemClaimDeadline({
        before: { state: 'assigned', claimDeadline: at(12) },
        after: { state: 'in_progress', updatedAt: at(9) },
        node: node(10),
      }),
    ).toBeNull();
  });
});
