import type { GraphNode } from '../graph/graph-schema.ts';

/** Minutes an assigned work item may wait for its start when its node sets no `claimTimeoutMinutes`. */
export const DEFAULT_CLAIM_TIMEOUT_MINUTES = 30;

/** When an item claimed at `claimedAt` at `node` must have started (else it times out back to `ready`). */
export function claimDeadline({
  claimedAt,
  node,
}: {
  readonly claimedAt: Date;
  readonly node: GraphNode | undefined;
}): Date {
  const minutes = node?.config?.claimTimeoutMinutes ?? DEFAULT_CLAIM_TIMEOUT_MINUTES;
  return new Date(claimedAt.getTime() + minutes * 60_000);
}

/** What {@link workItemClaimDeadline} needs to know about a work item before and after a step. */
export interface ClaimDeadlineChange {
  /** The item as stored before the step (undefined for a new item). */
  readonly before: { readonly state: string; readonly claimDeadline: Date | null } | undefined;
  /** The item's state after the step and when the step happened. */
  readonly after: { readonly state: string; readonly updatedAt: Date };
  readonly node: GraphNode | undefined;
}

/**
 * The deadline a work item holds after a step: none unless it is `assigned`; an item that stays
 * assigned keeps the deadline it has (a colleague joining does not extend it); one assigned by
 * this step gets {@link claimDeadline} counted from the step.
 */
export function workItemClaimDeadline({ before, after, node }: ClaimDeadlineChange): Date | null {
  if (after.state !== 'assigned') return null;
  if (before?.state === 'assigned' && before.claimDeadline !== null) return before.claimDeadline;
  return claimDeadline({ claimedAt: after.updatedAt, node });
}
