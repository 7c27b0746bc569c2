import { assignedTeam, isQualified, type AssignmentRule, type SkillRequirement } from '@atelier/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { qualifiedSql } from './work-item-sql.ts';

// The claim, `claim-next` and `available=me` decide qualification in SQL (set-based, in the read),
// with `qualifiedSql`. It must say what the domain's `isQualified` says, for every operator and
// step: generated operators (skill levels, team, active, present), assignment rules and steps are
// inserted, the fragment is evaluated for every pair and compared with the domain.

const SKILLS = ['cutting', 'sewing', 'qc'] as const;
const TEAMS = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2'] as const;
const WORK_CENTERS = ['00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000b2'] as const;
const GRAPHS = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2'] as const;
const NODE_KEYS = ['cut', 'sew'] as const;

interface Operator {
  readonly teamId: string | null;
  /** Level per skill; 0 means no `user_skills` row. */
  readonly levels: Record<(typeof SKILLS)[number], number>;
  readonly active: boolean;
  readonly present: boolean;
}

interface Step {
  readonly graphId: string;
  readonly nodeKey: string;
  readonly workCenterId: string | null;
  readonly skills: SkillRequirement[];
}

const maybe = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: null });
const operatorArb: fc.Arbitrary<Operator> = fc.record({
  teamId: maybe(TEAMS),
  levels: fc.record({
    cutting: fc.integer({ min: 0, max: 5 }),
    sewing: fc.integer({ min: 0, max: 5 }),
    qc: fc.integer({ min: 0, max: 5 }),
  }),
  active: fc.boolean(),
  present: fc.boolean(),
});
const ruleArb = fc
  .record({
    active: fc.boolean(),
    graphId: maybe(GRAPHS),
    nodeKey: maybe(NODE_KEYS),
    workCenterId: maybe(WORK_CENTERS),
    teamId: maybe(TEAMS),
    // A rule names a node of a routing or a work center (assignment_rules_target_check).
  })
  .filter((rule) => (rule.graphId !== null && rule.nodeKey !== null) || rule.workCenterId !== null);
const stepArb: fc.Arbitrary<Step> = fc.record({
  graphId: fc.constantFrom(...GRAPHS),
  nodeKey: fc.constantFrom(...NODE_KEYS),
  workCenterId: maybe(WORK_CENTERS),
  skills: fc.array(fc.record({ code: fc.constantFrom(...SKILLS), minLevel: fc.integer({ min: 1, max: 5 }) }), {
    maxLength: 3,
  }),
});

describe('the SQL qualification guard', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.query(`INSERT INTO skills (code, name) SELECT code, code FROM unnest($1::text[]) AS code`, [
      [...SKILLS],
    ]);
    await t.db.query(
      `INSERT INTO work_centers (id, code, name) SELECT id, 'WC-' || n, 'Center ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [[...WORK_CENTERS]],
    );
    await t.db.query(
      `INSERT INTO teams (id, code, name) SELECT id, 'TEAM-' || n, 'Team ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [[...TEAMS]],
    );
    await t.db.query(
      `INSERT INTO routing_graphs (id, code, name) SELECT id, 'GRAPH-' || n, 'Graph ' || n FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [[...GRAPHS]],
    );
  }, 60_000);
  afterAll(() => t.drop());

  /** Inserts the operators and rules, evaluates `qualifiedSql` for every (step, operator) pair, then removes them again. */
  async function sqlVerdicts(
    operators: readonly Operator[],
    rules: readonly AssignmentRule[],
    steps: readonly Step[],
  ): Promise<boolean[][]> {
    return t.db.transaction(async (tx) => {
      await tx.query('DELETE FROM assignment_rules');
      await tx.query(`DELETE FROM users WHERE username LIKE 'op-%'`);
      await tx.query(
        `WITH made AS (
           INSERT INTO users (username, display_name, team_id, active, present)
           SELECT 'op-' || o.n, 'Operator ' || o.n, o."teamId", o.active, o.present
             FROM jsonb_to_recordset($1::jsonb) AS o(n int, "teamId" uuid, active boolean, present boolean)
           RETURNING id, username)
         INSERT INTO user_skills (user_id, skill_id, level)
         SELECT made.id, s.id, l.level::int
           FROM jsonb_to_recordset($1::jsonb) AS o(n int, levels jsonb)
           JOIN made ON made.username = 'op-' || o.n
           CROSS JOIN LATERAL jsonb_each_text(o.levels) AS l(code, level)
           JOIN skills s ON s.code = l.code
          WHERE l.level::int > 0`,
        [JSON.stringify(operators.map((operator, n) => ({ n, ...operator })))],
      );
      await tx.query(
        `INSERT INTO assignment_rules (graph_id, node_key, work_center_id, team_id, active, created_at)
         SELECT r."graphId", r."nodeKey", r."workCenterId", r."teamId", r.active, r."createdAt"
           FROM jsonb_to_recordset($1::jsonb) AS r("graphId" uuid, "nodeKey" text, "workCenterId" uuid, "teamId" uuid, active boolean, "createdAt" timestamptz)`,
        [JSON.stringify(rules)],
      );
      // The fragment reads the aliases of WORK_ITEM_FROM: `w` (node key, work center), `gv` (graph) and `node` (its JSON).
      const rows = await tx.query<{ step: number; operator: number; qualified: boolean }>(
        `SELECT st.n AS step, substr(op.username, 4)::int AS operator, ${qualifiedSql('op.id')} AS qualified
           FROM jsonb_to_recordset($1::jsonb) AS st(n int, "graphId" uuid, "nodeKey" text, "workCenterId" uuid, skills jsonb)
           CROSS JOIN LATERAL (SELECT st."nodeKey" AS node_key, st."workCenterId" AS work_center_id) w
           CROSS JOIN LATERAL (SELECT st."graphId" AS graph_id) gv
           CROSS JOIN LATERAL (SELECT jsonb_build_object('key', st."nodeKey", 'type', 'operation', 'config', jsonb_build_object('skills', st.skills)) AS body) node
           CROSS JOIN users op
          WHERE op.username LIKE 'op-%'`,
        [JSON.stringify(steps.map((step, n) => ({ n, ...step })))],
      );
      const verdicts = steps.map(() => operators.map(() => false));
      for (const row of rows) (verdicts[row.step] as boolean[])[row.operator] = row.qualified;
      expect(rows).toHaveLength(steps.length * operators.length);
      return verdicts;
    });
  }

  it('says what isQualified says for every generated operator and step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operatorArb, { minLength: 1, maxLength: 4 }),
        fc.array(ruleArb, { maxLength: 4 }),
        fc.array(stepArb, { minLength: 1, maxLength: 4 }),
        async (operators, generatedRules, steps) => {
          // Distinct creation times: "the newest rule wins" must have one answer.
          const rules = generatedRules.map((rule, n) => ({ ...rule, createdAt: new Date(Date.UTC(2026, 0, 1, 8, n)) }));
          const verdicts = await sqlVerdicts(operators, rules, steps);
          steps.forEach((step, s) => {
            const teamId = assignedTeam(rules, step);
            operators.forEach((operator, o) => {
              const skillLevels = new Map(Object.entries(operator.levels).filter(([, level]) => level > 0));
              const expected = isQualified({ teamId: operator.teamId, skillLevels }, { skills: step.skills, teamId });
              expect(verdicts[s]?.[o], JSON.stringify({ operator, step, rules })).toBe(expected);
            });
          });
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
