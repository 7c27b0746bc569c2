import type { Effects } from '@atelier/domain';

/**
 * Several domain steps' effects as one, in step order, for a command that takes many steps in one
 * transaction (releasing every piece of an order) and persists them in one batch.
 */
export function mergeEffects(steps: readonly Effects[]): Effects {
  return {
    tokens: { insert: steps.flatMap((s) => s.tokens.insert), update: steps.flatMap((s) => s.tokens.update) },
    workItems: { insert: steps.flatMap((s) => s.workItems.insert), update: steps.flatMap((s) => s.workItems.update) },
    events: steps.flatMap((s) => s.events),
    inbox: steps.flatMap((s) => s.inbox),
    orders: steps.flatMap((s) => s.orders),
  };
}
