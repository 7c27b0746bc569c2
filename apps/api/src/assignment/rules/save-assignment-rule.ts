import type { AssignmentRuleView, CreateAssignmentRule, UpdateAssignmentRule } from '@atelier/contracts';
import { actorRef } from '../../auth/actor.ts';
import { prismaRunner } from '../../db/prisma-runner.ts';
import { runCommand } from '../../events/run-command.ts';
import type { ProductionContext } from '../../production/production-context.ts';
import { forgetReadyDecisions } from '../record-decision.ts';
import { getAssignmentRule } from './assignment-rule-view.ts';
import { checkNodeKey, checkSkills, graphId, teamId, workCenterId } from './resolve-rule-references.ts';

/** The settings columns of a rule from a body (undefined: unchanged), references resolved. */
async function settings(db: ReturnType<typeof prismaRunner>, body: UpdateAssignmentRule) {
  if (body.skills !== undefined) await checkSkills(db, body.skills);
  return {
    team_id: body.team === undefined ? undefined : body.team === null ? null : await teamId(db, body.team),
    skills: body.skills === undefined ? undefined : JSON.stringify(body.skills),
    policy: body.policy,
    claim_timeout_sec: body.claimTimeoutSec,
    offer_timeout_sec: body.offerTimeoutSec,
    max_open_minutes: body.maxOpenMinutes,
    overdue_minutes: body.overdueMinutes,
    weights: body.weights === undefined ? undefined : JSON.stringify(body.weights),
    active: body.active,
  };
}

const CASTS: Record<string, string> = {
  team_id: 'uuid',
  skills: 'jsonb',
  policy: 'assignment_policy',
  claim_timeout_sec: 'int',
  offer_timeout_sec: 'int',
  max_open_minutes: 'int',
  overdue_minutes: 'int',
  weights: 'jsonb',
  active: 'boolean',
  graph_id: 'uuid',
  node_key: 'text',
  work_center_id: 'uuid',
};

const ruleEvent = (context: ProductionContext, type: string, rule: AssignmentRuleView) => ({
  type,
  at: context.now,
  actor: actorRef(context.actor),
  nodeKey: rule.nodeKey,
  data: { ...rule },
});

/**
 * Creates an assignment rule for a node of a routing or for a work center, with an
 * `assignment_rule.created` event; every reference is checked first (422 naming the field). Any
 * change of the rules makes the engine decide every ready item again.
 */
export async function createAssignmentRule(
  context: ProductionContext,
  body: CreateAssignmentRule,
): Promise<AssignmentRuleView> {
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const graph = body.graph === undefined ? null : await graphId(tx, body.graph);
    if (graph !== null && body.nodeKey !== undefined) await checkNodeKey(tx, graph, body.nodeKey);
    const center = body.workCenter === undefined ? null : await workCenterId(tx, body.workCenter);
    const columns = Object.entries({
      ...(await settings(tx, body)),
      graph_id: graph,
      node_key: body.nodeKey ?? null,
      work_center_id: center,
    }).filter(([, value]) => value !== undefined);
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO assignment_rules (${columns.map(([name]) => name).join(', ')})
       VALUES (${columns.map(([name], i) => `$${i + 1}::${CASTS[name]}`).join(', ')}) RETURNING id`,
      columns.map(([, value]) => value),
    );
    await forgetReadyDecisions(tx);
    const rule = await getAssignmentRule(tx, row?.id ?? '');
    return { result: rule, events: [ruleEvent(context, 'assignment_rule.created', rule)] };
  });
}

/** Changes a rule's settings (what it applies to stays), with an `assignment_rule.updated` event. */
export async function updateAssignmentRule(
  context: ProductionContext,
  id: string,
  body: UpdateAssignmentRule,
): Promise<AssignmentRuleView> {
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    await getAssignmentRule(tx, id);
    const columns = Object.entries(await settings(tx, body)).filter(([, value]) => value !== undefined);
    await tx.query(
      `UPDATE assignment_rules SET ${columns.map(([name], i) => `${name} = $${i + 2}::${CASTS[name]}`).join(', ')},
              updated_at = $${columns.length + 2}::timestamptz
        WHERE id = $1::uuid`,
      [id, ...columns.map(([, value]) => value), context.now],
    );
    await forgetReadyDecisions(tx);
    const rule = await getAssignmentRule(tx, id);
    return { result: rule, events: [ruleEvent(context, 'assignment_rule.updated', rule)] };
  });
}

/** Deletes a rule, with an `assignment_rule.deleted` event; 404 when there is none. */
export async function deleteAssignmentRule(context: ProductionContext, id: string): Promise<void> {
  await runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const rule = await getAssignmentRule(tx, id);
    await tx.query(`DELETE FROM assignment_rules WHERE id = $1::uuid`, [id]);
    await forgetReadyDecisions(tx);
    return { result: undefined, events: [ruleEvent(context, 'assignment_rule.deleted', rule)] };
  });
}
