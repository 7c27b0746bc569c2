import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';
import type { WorkItemCommandContext } from '../work-items/work-item-command-context.ts';
import { commandWorkItem } from './give-work-item.ts';
import { skipOperator } from './skip-operator.ts';

/**
 * Sends assigned items not started by their claim deadline back to `ready` (the domain's
 * `timeout`, at most `limit`); their holder is skipped for the item, so the engine gives it to the
 * next candidate in the same pass.
 */
export async function timeOutClaims(tx: SqlRunner, context: WorkItemCommandContext, limit: number): Promise<number> {
  const due = await tx.query<{ id: string }>(
    `SELECT id FROM work_items WHERE state = 'assigned' AND claim_deadline <= $1::timestamptz
      ORDER BY claim_deadline LIMIT $2::int`,
    [context.now, limit],
  );
  let timedOut = 0;
  for (const { id } of due) {
    const loaded = await loadWorkItem(tx, id, null);
    const holders = loaded.item.operators;
    try {
      await commandWorkItem(tx, context, loaded, { type: 'timeout', now: context.now });
    } catch (error) {
      // Started or changed since the read: no longer a timeout.
      if (error instanceof HttpProblem) continue;
      throw error;
    }
    for (const holder of holders) await skipOperator(tx, id, holder, 'claim_timeout', context.now);
    timedOut += 1;
  }
  return timedOut;
}
