import type { SqlRunner } from '../../db/database.ts';
import { HttpProblem } from '../../plugins/http-problem.ts';

/** 422 `UNKNOWN_REFERENCE` naming the body field that points at nothing. */
export function unknownReference(field: string, message: string): HttpProblem {
  return new HttpProblem(422, 'UNKNOWN_REFERENCE', `${field}: ${message}`, {
    errors: [{ in: 'body', path: field, message }],
  });
}

async function idOf(db: SqlRunner, table: string, field: string, code: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE code = $1 OR id::text = $1`, [code]);
  if (row === undefined)
    throw unknownReference(field, `no ${field === 'workCenter' ? 'work center' : field} "${code}"`);
  return row.id;
}

/** The routing graph's id (by code or id); 422 naming `graph` when there is none. */
export const graphId = (db: SqlRunner, code: string): Promise<string> => idOf(db, 'routing_graphs', 'graph', code);
/** The work center's id; 422 naming `workCenter`. */
export const workCenterId = (db: SqlRunner, code: string): Promise<string> =>
  idOf(db, 'work_centers', 'workCenter', code);
/** The team's id; 422 naming `team`. */
export const teamId = (db: SqlRunner, code: string): Promise<string> => idOf(db, 'teams', 'team', code);

/** 422 naming `nodeKey` unless some version of the graph has a work step with that key. */
export async function checkNodeKey(db: SqlRunner, graph: string, nodeKey: string): Promise<void> {
  const [row] = await db.query(
    `SELECT 1 FROM graph_versions gv JOIN graph_version_nodes n ON n.graph_version_id = gv.id
      WHERE gv.graph_id = $1::uuid AND n.node_key = $2 LIMIT 1`,
    [graph, nodeKey],
  );
  if (row === undefined) throw unknownReference('nodeKey', `no node "${nodeKey}" in any version of this routing`);
}

/** 422 naming `skills` unless every skill code exists. */
export async function checkSkills(db: SqlRunner, skills: readonly { code: string }[]): Promise<void> {
  if (skills.length === 0) return;
  const codes = skills.map((skill) => skill.code);
  const found = await db.query<{ code: string }>(`SELECT code FROM skills WHERE code = ANY($1::text[])`, [codes]);
  const missing = codes.filter((code) => !found.some((row) => row.code === code));
  if (missing.length > 0) throw unknownReference('skills', `no skill ${missing.map((code) => `"${code}"`).join(', ')}`);
}
