/**
 * The work-item read model shared by `GET /work-items` and `GET /work-items/:id`: one query with the
 * node (name, instructions, skills from the pinned graph), token serial, order code, work center and
 * every operator with their worked time, so a queue page costs one round trip.
 */
import type { WorkItemView } from '@atelier/contracts';
import { WORK_ITEM_FROM } from './work-item-sql.ts';

/** A row of {@link VIEW_SELECT}. */
export interface ViewRow {
  id: string;
  state: WorkItemView['state'];
  version: number;
  visit: number;
  priority: number;
  nodeKey: string;
  node: {
    name?: string;
    type?: string;
    config?: {
      instructions?: string;
      minOperators?: number;
      maxOperators?: number;
      skills?: { code: string; minLevel: number }[];
      qcChecklist?: string[];
    };
  } | null;
  standardMinutes: number | null;
  workCenterId: string | null;
  workCenterCode: string | null;
  workCenterName: string | null;
  tokenId: string;
  tokenSerial: string;
  tokenState: WorkItemView['token']['state'];
  tokenAttributes: WorkItemView['token']['attributes'];
  orderId: string;
  orderProduct: string;
  orderDueDate: Date | null;
  orderCode: string;
  orderKind: WorkItemView['order']['kind'];
  assigneeId: string | null;
  operators: {
    userId: string;
    displayName: string;
    bound: boolean;
    workedSeconds: number;
    closedSeconds: number;
    runningSince: string | null;
  }[];
  claimDeadline: Date | null;
  qcResult: 'pass' | 'fail' | 'rework' | null;
  qcReasonCodes: string[];
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
}

// Everyone who ever worked on the item (holder first), with their labour from the time logs.
/** The read model of work items: add `WHERE …` (aliases as in `WORK_ITEM_FROM`). */
export const VIEW_SELECT = `
  SELECT w.id, w.state::text AS state, w.version, w.visit, w.priority, w.node_key AS "nodeKey", node.body AS node,
         w.standard_minutes AS "standardMinutes", w.work_center_id AS "workCenterId", wc.code AS "workCenterCode", wc.name AS "workCenterName",
         t.id AS "tokenId", t.serial AS "tokenSerial", t.state::text AS "tokenState",
         t.attributes AS "tokenAttributes",
         COALESCE(mo.id, aj.id) AS "orderId", COALESCE(mo.code, aj.code) AS "orderCode",
         COALESCE(mo.product, aj.product) AS "orderProduct", COALESCE(mo.due_date, aj.due_date) AS "orderDueDate",
         CASE WHEN mo.id IS NULL THEN 'atelierJob' ELSE 'manufacturingOrder' END AS "orderKind",
         w.assignee_id AS "assigneeId", w.claim_deadline AS "claimDeadline", w.qc_result::text AS "qcResult",
         w.qc_reason_codes AS "qcReasonCodes", w.created_at AS "createdAt", w.updated_at AS "updatedAt",
         w.started_at AS "startedAt", w.completed_at AS "completedAt",
         COALESCE((
           SELECT json_agg(json_build_object(
                    'userId', o.user_id, 'displayName', u.display_name, 'bound', o.left_at IS NULL,
                    'workedSeconds', COALESCE((SELECT sum(extract(epoch FROM COALESCE(l.ended_at, now()) - l.started_at))
                                                 FROM time_logs l WHERE l.work_item_id = w.id AND l.user_id = o.user_id), 0),
                    'runningSince', (SELECT max(l.started_at) FROM time_logs l
                                      WHERE l.work_item_id = w.id AND l.user_id = o.user_id AND l.ended_at IS NULL),
                    'closedSeconds', COALESCE((SELECT sum(extract(epoch FROM l.ended_at - l.started_at))
                                                 FROM time_logs l WHERE l.work_item_id = w.id AND l.user_id = o.user_id AND l.ended_at IS NOT NULL), 0))
                  ORDER BY o.user_id IS DISTINCT FROM w.assignee_id, o.joined_at)
             FROM work_item_operators o JOIN users u ON u.id = o.user_id WHERE o.work_item_id = w.id), '[]') AS operators
    FROM ${WORK_ITEM_FROM}
    LEFT JOIN work_centers wc ON wc.id = w.work_center_id
    LEFT JOIN manufacturing_orders mo ON mo.id = t.mo_id
    LEFT JOIN atelier_jobs aj ON aj.id = t.atelier_job_id`;

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

/** A {@link ViewRow} as the API shows it. */
export function toView(row: ViewRow): WorkItemView {
  const config = row.node?.config ?? {};
  const minOperators = Math.max(1, config.minOperators ?? 1);
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    visit: row.visit,
    priority: row.priority,
    node: {
      key: row.nodeKey,
      name: row.node?.name ?? null,
      kind: row.node?.type === 'qc' ? 'qc' : 'operation',
      instructions: config.instructions ?? null,
      standardMinutes: row.standardMinutes,
      minOperators,
      maxOperators: Math.max(minOperators, config.maxOperators ?? 1),
      skills: config.skills ?? [],
      qcChecklist: config.qcChecklist ?? [],
    },
    workCenter:
      row.workCenterId === null
        ? null
        : { id: row.workCenterId, code: row.workCenterCode ?? '', name: row.workCenterName ?? '' },
    token: { id: row.tokenId, serial: row.tokenSerial, state: row.tokenState, attributes: row.tokenAttributes },
    order: {
      id: row.orderId,
      code: row.orderCode,
      kind: row.orderKind,
      product: row.orderProduct,
      dueDate: row.orderDueDate === null ? null : row.orderDueDate.toISOString().slice(0, 10),
    },
    assigneeId: row.assigneeId,
    operators: row.operators.map((operator) => ({
      ...operator,
      workedSeconds: Math.round(Number(operator.workedSeconds)),
      closedSeconds: Number(operator.closedSeconds),
      runningSince: operator.runningSince === null ? null : new Date(operator.runningSince).toISOString(),
    })),
    workedSeconds: Math.round(row.operators.reduce((sum, operator) => sum + Number(operator.workedSeconds), 0)),
    claimDeadline: iso(row.claimDeadline),
    qc: row.qcResult === null ? null : { result: row.qcResult, reasonCodes: row.qcReasonCodes },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
  };
}
