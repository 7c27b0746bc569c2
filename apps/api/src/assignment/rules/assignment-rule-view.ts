import type { AssignmentRuleView } from '@atelier/contracts';
import type { SqlRunner } from '../../db/database.ts';
import { HttpProblem } from '../../plugins/http-problem.ts';

/** The columns of a rule as the API shows it (codes, not ids), alias `r`. */
export const RULE_VIEW_SQL = `
  SELECT r.id, g.code AS graph, r.node_key AS "nodeKey", wc.code AS "workCenter", tm.code AS team, r.skills,
         r.policy::text AS policy, r.claim_timeout_sec AS "claimTimeoutSec", r.offer_timeout_sec AS "offerTimeoutSec",
         r.max_open_minutes AS "maxOpenMinutes", r.overdue_minutes AS "overdueMinutes", r.weights, r.active,
         r.created_at AS "createdAt", r.updated_at AS "updatedAt"
    FROM assignment_rules r
    LEFT JOIN routing_graphs g ON g.id = r.graph_id
    LEFT JOIN work_centers wc ON wc.id = r.work_center_id
    LEFT JOIN teams tm ON tm.id = r.team_id`;

type RuleRow = Omit<AssignmentRuleView, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

/** A rule row as the API shows it. */
export function toRuleView(row: RuleRow): AssignmentRuleView {
  return { ...row, createdAt: new Date(row.createdAt).toISOString(), updatedAt: new Date(row.updatedAt).toISOString() };
}

/** Reads one rule; 404 `ASSIGNMENT_RULE_NOT_FOUND` when there is none. */
export async function getAssignmentRule(db: SqlRunner, id: string): Promise<AssignmentRuleView> {
  const [row] = await db.query<RuleRow>(`${RULE_VIEW_SQL} WHERE r.id = $1::uuid`, [id]);
  if (row === undefined)
    throw new HttpProblem(404, 'ASSIGNMENT_RULE_NOT_FOUND', `No assignment rule has the id "${id}".`);
  return toRuleView(row);
}

/** Every rule, newest first. */
export async function listAssignmentRules(db: SqlRunner): Promise<{ items: AssignmentRuleView[] }> {
  const rows = await db.query<RuleRow>(`${RULE_VIEW_SQL} ORDER BY r.created_at DESC, r.id`);
  return { items: rows.map(toRuleView) };
}
