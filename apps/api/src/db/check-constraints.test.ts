import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres } from '../testing/test-database.ts';
import type { TestDatabase } from '../testing/test-database.ts';
import type { Database } from './database.ts';

/**
 * The rules the migrations enforce beyond what schema.prisma can say: each CHECK refuses a bad
 * row and accepts the good one next to it.
 */
describe(`CHECK constraints on ${usingPostgres() ? 'PostgreSQL' : 'PGlite'}`, () => {
  let testDb: TestDatabase;
  let db: Database;
  let ids: { user: string; skill: string; graph: string; version: string; mo: string; workItem: string };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.db;
    const [user] = await db.query<{ id: string }>(
      `INSERT INTO users (username, display_name) VALUES ('nok', 'Nok S.') RETURNING id`,
    );
    const [skill] = await db.query<{ id: string }>(
      `INSERT INTO skills (code, name) VALUES ('skiving', 'Skiving') RETURNING id`,
    );
    const [graph] = await db.query<{ id: string }>(
      `INSERT INTO routing_graphs (code, name) VALUES ('BELT-01', 'Belt') RETURNING id`,
    );
    const [version] = await db.query<{ id: string }>(
      `INSERT INTO graph_versions (graph_id, number, body) VALUES ($1, 1, '{}') RETURNING id`,
      [graph!.id],
    );
    const [mo] = await db.query<{ id: string }>(
      `INSERT INTO manufacturing_orders (code, product, client, target_quantity, graph_id) VALUES ('MO-2026-0100', 'Belt', 'Maison Ardent', 5, $1) RETURNING id`,
      [graph!.id],
    );
    const [token] = await db.query<{ id: string }>(
      `INSERT INTO tokens (serial, mo_id, graph_version_id, current_node_key) VALUES ('MO-2026-0100-001', $1, $2, 'cut') RETURNING id`,
      [mo!.id, version!.id],
    );
    const [workItem] = await db.query<{ id: string }>(
      `INSERT INTO work_items (token_id, node_key) VALUES ($1, 'cut') RETURNING id`,
      [token!.id],
    );
    ids = {
      user: user!.id,
      skill: skill!.id,
      graph: graph!.id,
      version: version!.id,
      mo: mo!.id,
      workItem: workItem!.id,
    };
  });
  afterAll(() => testDb.drop());

  /** Runs `sql` in a transaction that is always rolled back, so cases do not affect each other. */
  async function attempt(sql: string, params: (keyof typeof ids)[]): Promise<void> {
    const rollback = new Error('rollback');
    await db
      .transaction(async (tx) => {
        await tx.query(
          sql,
          params.map((name) => ids[name]),
        );
        throw rollback;
      })
      .catch((error: unknown) => {
        if (error !== rollback) throw error;
      });
  }

  const cases: { constraint: string; bad: string; good: string; params: (keyof typeof ids)[] }[] = [
    {
      constraint: 'user_skills_level_check',
      bad: `INSERT INTO user_skills (user_id, skill_id, level) VALUES ($1, $2, 6)`,
      good: `INSERT INTO user_skills (user_id, skill_id, level) VALUES ($1, $2, 5)`,
      params: ['user', 'skill'],
    },
    {
      constraint: 'users_locale_check',
      bad: `UPDATE users SET locale = 'fr' WHERE id = $1`,
      good: `UPDATE users SET locale = 'th' WHERE id = $1`,
      params: ['user'],
    },
    {
      constraint: 'work_centers_capacity_check',
      bad: `INSERT INTO work_centers (code, name, capacity) VALUES ('EDGE', 'Edge painting', -1)`,
      good: `INSERT INTO work_centers (code, name, capacity) VALUES ('EDGE', 'Edge painting', 0)`,
      params: [],
    },
    {
      constraint: 'shifts_minutes_check',
      bad: `INSERT INTO shifts (code, name, start_minute, end_minute) VALUES ('NIGHT', 'Night', 1320, 1441)`,
      good: `INSERT INTO shifts (code, name, start_minute, end_minute) VALUES ('NIGHT', 'Night', 1320, 360)`,
      params: [],
    },
    {
      constraint: 'manufacturing_orders_target_quantity_check',
      bad: `UPDATE manufacturing_orders SET target_quantity = -1 WHERE id = $1`,
      good: `UPDATE manufacturing_orders SET target_quantity = 0 WHERE id = $1`,
      params: ['mo'],
    },
    {
      constraint: 'atelier_jobs_quantity_check',
      bad: `INSERT INTO atelier_jobs (code, product, quantity, graph_id) VALUES ('AJ-2026-0100', 'Belt', -2, $1)`,
      good: `INSERT INTO atelier_jobs (code, product, quantity, graph_id) VALUES ('AJ-2026-0100', 'Belt', 1, $1)`,
      params: ['graph'],
    },
    {
      constraint: 'time_logs_interval_check',
      bad: `INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at) VALUES ($1, $2, '2026-11-24T09:00Z', '2026-11-24T08:59Z')`,
      good: `INSERT INTO time_logs (work_item_id, user_id, started_at, ended_at) VALUES ($1, $2, '2026-11-24T09:00Z', '2026-11-24T09:00Z')`,
      params: ['workItem', 'user'],
    },
    {
      constraint: 'assignment_rules_target_check',
      bad: `INSERT INTO assignment_rules (graph_id, policy) VALUES ($1, 'auto')`,
      good: `INSERT INTO assignment_rules (graph_id, node_key, policy) VALUES ($1, 'cut', 'auto')`,
      params: ['graph'],
    },
  ];

  for (const { constraint, bad, good, params } of cases) {
    it(`${constraint} refuses the bad row and accepts the good one`, async () => {
      await expect(attempt(bad, params)).rejects.toThrow(constraint);
      await expect(attempt(good, params)).resolves.toBeUndefined();
    });
  }
});
