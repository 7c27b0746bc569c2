import { assignedTeam, parseGraph, type AssignmentRule } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../../auth/authenticate.ts';
import { createSession } from '../../../../auth/create-session.ts';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';

/**
 * `available=me` and the claim check on the demo factory, whose routings require skill levels:
 * what the API offers each demo operator is exactly what their skill levels allow, computed here
 * independently from the routings' JSON, the operators' levels and teams and the domain's reading of
 * the demo's assignment rules (`assignedTeam`) — and nothing at all to an
 * operator marked absent (attendance holds on every claim path).
 */
describe('work-item qualification on the demo data', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ seed: true });
  }, 120_000);
  afterAll(() => t.close());

  async function readyItems(): Promise<
    { id: string; nodeKey: string; body: unknown; graphId: string; workCenterId: string | null }[]
  > {
    return t.db.query(
      `SELECT w.id, w.node_key AS "nodeKey", gv.body, gv.graph_id AS "graphId", w.work_center_id AS "workCenterId" FROM work_items w
         JOIN tokens t ON t.id = w.token_id JOIN graph_versions gv ON gv.id = t.graph_version_id
        WHERE w.state = 'ready' AND t.state = 'active'`,
    );
  }

  async function levelsOf(userId: string): Promise<Map<string, number>> {
    const rows = await t.db.query<{ code: string; level: number }>(
      'SELECT s.code, us.level FROM user_skills us JOIN skills s ON s.id = us.skill_id WHERE us.user_id = $1::uuid',
      [userId],
    );
    return new Map(rows.map((row) => [row.code, row.level]));
  }

  function requirements(body: unknown, nodeKey: string): { code: string; minLevel: number }[] {
    const parsed = parseGraph(body);
    if (!parsed.ok) throw new Error('demo routing does not parse');
    return parsed.graph.nodes.find((node) => node.key === nodeKey)?.config?.skills ?? [];
  }

  it('offers each operator exactly the ready items whose skill levels they meet, and refuses other claims', async () => {
    const items = await readyItems();
    const withSkills = items.filter((item) => requirements(item.body, item.nodeKey).length > 0);
    expect(withSkills.length).toBeGreaterThan(0);
    const operators = await t.db.query<{ id: string; username: string; present: boolean; teamId: string | null }>(
      `SELECT id, username, present, team_id AS "teamId" FROM users WHERE 'operator' = ANY(roles::text[]) ORDER BY username`,
    );
    const rules = (
      await t.db.query<AssignmentRule>(
        `SELECT active, graph_id AS "graphId", node_key AS "nodeKey", work_center_id AS "workCenterId", team_id AS "teamId",
                created_at AS "createdAt" FROM assignment_rules`,
      )
    ).map((rule) => ({ ...rule, createdAt: new Date(rule.createdAt) }));
    let refusedSomeone = false;
    for (const operator of operators) {
      const levels = await levelsOf(operator.id);
      const expected = items
        .filter(
          (item) =>
            operator.present &&
            requirements(item.body, item.nodeKey).every((skill) => (levels.get(skill.code) ?? 0) >= skill.minLevel) &&
            [null, operator.teamId].includes(assignedTeam(rules, item)),
        )
        .map((item) => item.id)
        .sort();
      const session = await createSession(t.db, operator.id, { station: true });
      const headers = { cookie: `${SESSION_COOKIE}=${session.token}` };
      const page = await t.app.inject({ method: 'GET', url: '/api/v1/work-items?available=me&limit=200', headers });
      expect(page.statusCode).toBe(200);
      expect(
        page
          .json()
          .items.map((item: { id: string }) => item.id)
          .sort(),
        operator.username,
      ).toEqual(expected);

      const unqualified = items.find((item) => !expected.includes(item.id));
      if (unqualified === undefined) continue;
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/v1/work-items/${unqualified.id}/claim`,
        headers,
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe(operator.present ? 'NOT_QUALIFIED' : 'OPERATOR_ABSENT');
      refusedSomeone = true;
    }
    expect(refusedSomeone).toBe(true);
  });
});
