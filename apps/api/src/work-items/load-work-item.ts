import type { GraphNode, TokenState, WorkItem } from '@atelier/domain';
import { namedStatement, type ComposedStatement } from '../db/compose-statement.ts';
import type { SqlRunner } from '../db/database.ts';
import type { WorkItemState } from '../generated/prisma/enums.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { pinnedGraph } from '../production/pinned-graph.ts';
import type { OrderRef, PinnedVersion } from '../production/piece-store.ts';
import {
  timeLogsOf,
  toDomainWorkItem,
  upToRoots,
  WORK_ITEM_PEOPLE_JSON,
  type WorkItemPeopleJson,
} from '../production/piece-store.ts';
import {
  availableToSql,
  placeConditions,
  presentSql,
  qualifiedSql,
  QUEUE_ORDER,
  WORK_ITEM_FROM,
  type AddParam,
  type QueuePlace,
} from './work-item-sql.ts';

/** A work item read for a command: the domain record plus what the host needs around it (and the version its token is pinned to). */
export interface LoadedWorkItem extends PinnedVersion {
  /** The domain's record (open operators, holder first, and the whole time log). */
  readonly item: WorkItem;
  /** The row's optimistic-concurrency version as read. */
  readonly version: number;
  readonly tokenState: TokenState;
  /** The piece's root token: every command locks it first (README, Lock order), so none interleaves with routing or cancellation. */
  readonly rootTokenId: string;
  /** The item's work center (the event rows' `work-center:` topic). */
  readonly workCenterId: string | null;
  /** The item's order; its status as read (the write re-checks it, so a stale `released` only costs a no-op). */
  readonly order: OrderRef;
  readonly node: GraphNode | undefined;
  /** The row's claim deadline (set while the item is assigned). */
  readonly claimDeadline: Date | null;
  /** Whether the acting user has the node's skills and team (see `qualifiedSql`). */
  readonly actorQualified: boolean;
  /** Whether the acting user is marked present (attendance holds on every claim and join). */
  readonly actorPresent: boolean;
}

interface Row {
  id: string;
  tokenId: string;
  nodeKey: string;
  visit: number;
  state: WorkItemState;
  workCenterId: string | null;
  assigneeId: string | null;
  priority: number;
  standardMinutes: number | null;
  claimDeadline: Date | null;
  qcResult: 'pass' | 'fail' | 'rework' | null;
  qcReasonCodes: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  tokenState: TokenState;
  graphVersionId: string;
  order: OrderRef;
  rootTokenId: string;
  people: WorkItemPeopleJson;
  actorQualified: boolean;
  actorPresent: boolean;
}

/** The root token of the piece of token `t`, walking up from a component (a split nests a level, so the walk is short). */
const ROOT_OF_T = `(WITH RECURSIVE ${upToRoots('id = t.id')} SELECT up.id FROM up WHERE up.parent_id IS NULL)`;

/** The order `o` of kind `kind` as an {@link OrderRef}. */
const orderJson = (kind: OrderRef['kind'], o: string): string =>
  `json_build_object('id', ${o}.id, 'kind', '${kind}', 'code', ${o}.code, 'priority', ${o}.priority, 'status', ${o}.status)`;

// One round trip: the row, its token, the piece root, open operators, time logs and the actor's
// qualification ($1 the actor).
const loadSql = (where: string): string => `
  SELECT w.id, w.token_id AS "tokenId", w.node_key AS "nodeKey", w.visit, w.state::text AS state,
         w.work_center_id AS "workCenterId", w.assignee_id AS "assigneeId", w.priority,
         w.standard_minutes AS "standardMinutes", w.claim_deadline AS "claimDeadline",
         w.qc_result::text AS "qcResult", w.qc_reason_codes AS "qcReasonCodes", w.version,
         w.created_at AS "createdAt", w.updated_at AS "updatedAt", w.started_at AS "startedAt", w.completed_at AS "completedAt",
         t.state::text AS "tokenState", t.graph_version_id AS "graphVersionId",
         COALESCE((SELECT ${orderJson('manufacturingOrder', 'mo')} FROM manufacturing_orders mo WHERE mo.id = t.mo_id),
                  (SELECT ${orderJson('atelierJob', 'aj')} FROM atelier_jobs aj WHERE aj.id = t.atelier_job_id)) AS "order",
         ${ROOT_OF_T} AS "rootTokenId",
         json_build_object(${WORK_ITEM_PEOPLE_JSON}) AS people,
         ${qualifiedSql('$1::uuid')} AS "actorQualified",
         ${presentSql('$1::uuid')} AS "actorPresent"
    FROM ${WORK_ITEM_FROM}
   WHERE ${where}`;

const LOAD_BY_ID = loadSql('w.id = $2::uuid');

// The root token `r` of a candidate's piece, so the queue read can lock it (`FOR UPDATE OF r, w`:
// root first). `= ANY (ARRAY[…])` rather than `=` because the planner cannot hash-join it: with
// `=` it built a hash of every token to find the roots of a few candidates; this way each root is
// one index probe.
const ROOT_JOIN = `JOIN tokens r ON r.id = ANY (ARRAY[CASE WHEN t.parent_id IS NULL THEN t.id ELSE ${ROOT_OF_T} END])`;

/**
 * Reads one work item for a command by `actorUserId` (no lock: commands write it back with a
 * conditional update). 404 `WORK_ITEM_NOT_FOUND` when there is none.
 */
export async function loadWorkItem(
  db: SqlRunner,
  workItemId: string,
  actorUserId: string | null,
): Promise<LoadedWorkItem> {
  const [row] = await db.query<Row>(LOAD_BY_ID, [actorUserId, workItemId], { name: 'load-work-item' });
  if (row === undefined) throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${workItemId}".`);
  return loaded(db, row);
}

/**
 * Reads, and locks until the transaction `tx` ends, the first item of a queue place (queue order)
 * that operator `userId` may claim now; null when there is none. Items other transactions hold
 * locked (being claimed or changed right now) are skipped, so operators taking work at the same
 * moment each get a different item instead of racing for the first.
 *
 * Locks as every command does (work-items/README.md): the piece's root token, then the item
 * (`FOR UPDATE OF r, w` locks in that order, and only the row it returns). Both are skipped when
 * taken, so this read never waits for a lock, and the claim written next finds both already held. Locking the item
 * first deadlocked with a claim by id or a cancellation, which hold the root token and then want the item.
 */
export async function loadNextWorkItem(
  tx: SqlRunner,
  userId: string,
  place: QueuePlace,
): Promise<LoadedWorkItem | null> {
  const { statement, params } = nextWorkItemQuery(userId, place);
  const [row] = await tx.query<Row>(statement.text, params, { name: statement.name });
  return row === undefined ? null : loaded(tx, row);
}

/** The statement {@link loadNextWorkItem} runs for operator `userId` at `place`, and its parameters (for plan tests too). */
export function nextWorkItemQuery(
  userId: string,
  place: QueuePlace,
): { statement: ComposedStatement; params: unknown[] } {
  const params: unknown[] = [userId];
  const param: AddParam = (value, cast) => `$${params.push(value)}::${cast}`;
  const statement = namedStatement(
    'load-next-work-item',
    loadSql(`w.id = (
      SELECT w.id FROM ${WORK_ITEM_FROM} ${ROOT_JOIN}
       WHERE ${[availableToSql('$1::uuid'), ...placeConditions(place, param)].join(' AND ')}
       ORDER BY ${QUEUE_ORDER} LIMIT 1
         FOR UPDATE OF r, w SKIP LOCKED)`),
  );
  return { statement, params };
}

async function loaded(db: SqlRunner, row: Row): Promise<LoadedWorkItem> {
  const graph = await pinnedGraph(db, row.graphVersionId);
  const item = toDomainWorkItem(
    { ...row, operators: row.people.operators, timeLogs: timeLogsOf(row.people.timeLogs) },
    graph,
  );
  return {
    item,
    version: row.version,
    tokenState: row.tokenState,
    rootTokenId: row.rootTokenId,
    order: row.order,
    graphVersionId: row.graphVersionId,
    graph,
    workCenterId: row.workCenterId,
    node: graph.nodes.find((node) => node.key === row.nodeKey),
    claimDeadline: row.claimDeadline,
    actorQualified: row.actorQualified,
    actorPresent: row.actorPresent,
  };
}
