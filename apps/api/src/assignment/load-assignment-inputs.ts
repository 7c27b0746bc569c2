import {
  nodeConfigSchema,
  type AssignableItem,
  type AssignmentRuleRecord,
  type Candidate,
  type NodeConfig,
  type RankingWeights,
} from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';

/** Statuses in which a work item counts towards its holder's open load. */
const OPEN_LOAD = `('assigned', 'in_progress', 'paused')`;

interface CandidateRow {
  id: string;
  active: boolean;
  operator: boolean;
  present: boolean;
  teamId: string | null;
  homeWorkCenterId: string | null;
  skills: Record<string, number>;
  openMinutes: number;
  lastAssignedAt: Date | null;
}

// Every operator with skills, home work center, open load (held items plus open offers) and the
// last time they were given work, in ONE round trip. `$1` an optional list of user ids.
const CANDIDATES_SQL = `
  SELECT u.id, u.active, 'operator' = ANY(u.roles::text[]) AS operator, u.present,
         u.team_id AS "teamId", tm.work_center_id AS "homeWorkCenterId",
         COALESCE((SELECT jsonb_object_agg(s.code, us.level) FROM user_skills us JOIN skills s ON s.id = us.skill_id
                    WHERE us.user_id = u.id), '{}'::jsonb) AS skills,
         (COALESCE((SELECT sum(COALESCE(w.standard_minutes, 0)) FROM work_items w
                     WHERE w.assignee_id = u.id AND w.state IN ${OPEN_LOAD}), 0)
          + COALESCE((SELECT sum(COALESCE(w.standard_minutes, 0)) FROM assignment_offers o
                       JOIN work_items w ON w.id = o.work_item_id WHERE o.user_id = u.id), 0))::int AS "openMinutes",
         u.last_assigned_at AS "lastAssignedAt"
    FROM users u LEFT JOIN teams tm ON tm.id = u.team_id
   WHERE ($1::uuid[] IS NULL AND 'operator' = ANY(u.roles::text[])) OR u.id = ANY($1::uuid[])
   ORDER BY u.id`;

/** The assignment candidates (every operator, or the users `ids`) as the domain sees them. */
export async function loadCandidates(db: SqlRunner, ids: readonly string[] | null = null): Promise<Candidate[]> {
  const rows = await db.query<CandidateRow>(CANDIDATES_SQL, [ids], { name: 'assignment-candidates' });
  return rows.map((row) => ({
    id: row.id,
    active: row.active,
    operator: row.operator,
    present: row.present,
    teamId: row.teamId,
    homeWorkCenterId: row.homeWorkCenterId,
    skillLevels: new Map(Object.entries(row.skills)),
    openMinutes: row.openMinutes,
    lastAssignedAt: row.lastAssignedAt === null ? null : new Date(row.lastAssignedAt),
  }));
}

interface RuleRow extends Omit<AssignmentRuleRecord, 'weights' | 'policy'> {
  policy: AssignmentRuleRecord['policy'];
  weights: Partial<RankingWeights>;
}

/** Every assignment rule (the domain picks the one that applies). */
export async function loadRules(db: SqlRunner): Promise<AssignmentRuleRecord[]> {
  const rows = await db.query<RuleRow>(
    `SELECT id, active, graph_id AS "graphId", node_key AS "nodeKey", work_center_id AS "workCenterId",
            team_id AS "teamId", policy::text AS policy, claim_timeout_sec AS "claimTimeoutSec",
            offer_timeout_sec AS "offerTimeoutSec", max_open_minutes AS "maxOpenMinutes",
            overdue_minutes AS "overdueMinutes", weights, skills, created_at AS "createdAt"
       FROM assignment_rules`,
    [],
    { name: 'assignment-rules' },
  );
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
}

/** A ready item with what the engine needs besides the domain's view: its row version and node config. */
export interface LoadedAssignable {
  readonly item: AssignableItem;
  readonly version: number;
  readonly config: NodeConfig | undefined;
  readonly tokenId: string;
  readonly orderId: string;
}

interface ItemRow {
  id: string;
  version: number;
  tokenId: string;
  orderId: string;
  pieceId: string;
  graphId: string;
  nodeKey: string;
  workCenterId: string | null;
  config: unknown;
  standardMinutes: number;
  atelier: boolean;
  priority: number;
  dueDate: Date | null;
  createdAt: Date;
  previous: string[];
  skipped: string[];
}

/**
 * The columns of an assignable item, aliases as in `work-item-sql.ts` (`w`, `t`, `gv`, `node`).
 * Continuity looks at the piece around the token: itself, its parent and their components (the
 * demo's splits nest one level).
 */
const ITEM_COLUMNS = `
  w.id, w.version, w.token_id AS "tokenId", COALESCE(t.mo_id, t.atelier_job_id) AS "orderId",
  COALESCE(t.parent_id, t.id) AS "pieceId", gv.graph_id AS "graphId", w.node_key AS "nodeKey",
  w.work_center_id AS "workCenterId", node.body->'config' AS config,
  COALESCE(w.standard_minutes, 0) AS "standardMinutes", t.atelier_job_id IS NOT NULL AS atelier, w.priority,
  COALESCE((SELECT mo.due_date FROM manufacturing_orders mo WHERE mo.id = t.mo_id),
           (SELECT aj.due_date FROM atelier_jobs aj WHERE aj.id = t.atelier_job_id)) AS "dueDate",
  w.created_at AS "createdAt",
  ARRAY(SELECT DISTINCT wo.user_id FROM tokens pt
          JOIN work_items pw ON pw.token_id = pt.id AND pw.id <> w.id
          JOIN work_item_operators wo ON wo.work_item_id = pw.id
         WHERE pt.id IN (t.id, t.parent_id) OR pt.parent_id IN (t.id, t.parent_id)
         ORDER BY wo.user_id) AS previous,
  ARRAY(SELECT s.user_id FROM assignment_skips s WHERE s.work_item_id = w.id ORDER BY s.user_id) AS skipped`;

const ITEM_FROM = `
  work_items w
  JOIN tokens t ON t.id = w.token_id
  JOIN graph_versions gv ON gv.id = t.graph_version_id
  LEFT JOIN graph_version_nodes node ON node.graph_version_id = t.graph_version_id AND node.node_key = w.node_key`;

function toAssignable(row: ItemRow): LoadedAssignable {
  const parsed = nodeConfigSchema.safeParse(row.config ?? {});
  const config = parsed.success ? parsed.data : undefined;
  return {
    version: row.version,
    config,
    tokenId: row.tokenId,
    orderId: row.orderId,
    item: {
      id: row.id,
      pieceId: row.pieceId,
      graphId: row.graphId,
      nodeKey: row.nodeKey,
      workCenterId: row.workCenterId,
      skills: config?.skills ?? [],
      standardMinutes: row.standardMinutes,
      productionType: row.atelier ? 'ATELIER' : 'OEM',
      priority: row.priority,
      dueDate: row.dueDate === null ? null : new Date(row.dueDate),
      createdAt: new Date(row.createdAt),
      previousOperatorIds: row.previous,
      skippedOperatorIds: row.skipped,
    },
  };
}

/**
 * Ready items of active pieces due for a decision, queue order, at most `limit`: no open offer, and
 * no decision for the item's current version — except an `unassignable` one older than
 * `retryBefore`, which is tried again (people free up and come back).
 */
export async function loadDueItems(db: SqlRunner, retryBefore: Date, limit: number): Promise<LoadedAssignable[]> {
  const rows = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM}
      WHERE w.state = 'ready' AND t.state = 'active'
        AND NOT EXISTS (SELECT 1 FROM assignment_offers o WHERE o.work_item_id = w.id)
        AND NOT EXISTS (SELECT 1 FROM assignment_decisions d
                         WHERE d.work_item_id = w.id AND d.item_version = w.version
                           AND (d.action <> 'unassignable' OR d.decided_at > $1::timestamptz))
      ORDER BY w.priority DESC, w.created_at, w.id
      LIMIT $2::int`,
    [retryBefore, limit],
    { name: 'assignment-due-items' },
  );
  return rows.map(toAssignable);
}

/** One work item as the engine sees it (any state), or undefined when there is none. */
export async function loadAssignable(db: SqlRunner, workItemId: string): Promise<LoadedAssignable | undefined> {
  const [row] = await db.query<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE w.id = $1::uuid`,
    [workItemId],
    {
      name: 'assignment-item',
    },
  );
  return row === undefined ? undefined : toAssignable(row);
}
