import type { Database } from '../db/database.ts';

/** A node of a plan as `EXPLAIN (FORMAT JSON)` gives it (the fields tests read). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Every node of a plan, the root first. */
export const planNodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(planNodes)];

/**
 * The plan of `sql` as the API runs it: prepared, with the generic plan a named statement keeps
 * (`plan_cache_mode = force_generic_plan`, as on the server), for the given arguments (SQL
 * literals). With `analyze` the statement also runs (in a transaction rolled back after).
 */
export async function explainPrepared(
  db: Database,
  sql: string,
  args: string,
  options: { analyze?: boolean } = {},
): Promise<PlanNode> {
  const rolledBack = new Error('explained');
  let plan: PlanNode | undefined;
  try {
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
      await tx.query(`PREPARE explained AS ${sql}`);
      const [row] = await tx.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }>(
        `EXPLAIN (FORMAT JSON${options.analyze === true ? ', ANALYZE' : ''}) EXECUTE explained(${args})`,
      );
      const json = row?.['QUERY PLAN'];
      plan = (typeof json === 'string' ? (JSON.parse(json) as [{ Plan: PlanNode }]) : json)?.[0].Plan;
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  if (plan === undefined) throw new Error('EXPLAIN gave no plan');
  return plan;
}
