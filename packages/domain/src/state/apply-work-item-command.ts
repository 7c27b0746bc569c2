import { nextState } from './transition-table.ts';
import { workItemTable } from './work-item-transitions.ts';
import type { WorkItemCommand } from './work-item-transitions.ts';
import type { Decision, DomainEvent, QcOutcome, TimeLogEntry, TimeLogKind, WorkItem, WorkItemState } from './types.ts';

/**
 * Why a work-item command was refused. Stable strings; suggested HTTP mapping:
 * `NOT_CLAIMABLE`, `WORK_ITEM_CLOSED`, `INVALID_TRANSITION`, `ALREADY_BOUND`, `OPERATOR_LIMIT`,
 * `LAST_OPERATOR`, `NOT_ENOUGH_OPERATORS` → 409; `NOT_HOLDER` → 403; `QC_RESULT_REQUIRED`, `QC_REASON_REQUIRED`,
 * `QC_RESULT_NOT_ALLOWED` → 422.
 */
export type WorkItemRefusal =
  | 'NOT_CLAIMABLE'
  | 'WORK_ITEM_CLOSED'
  | 'INVALID_TRANSITION'
  | 'NOT_HOLDER'
  | 'ALREADY_BOUND'
  | 'OPERATOR_LIMIT'
  | 'LAST_OPERATOR'
  | 'NOT_ENOUGH_OPERATORS'
  | 'QC_RESULT_REQUIRED'
  | 'QC_REASON_REQUIRED'
  | 'QC_RESULT_NOT_ALLOWED';

type Result = Decision<WorkItem, WorkItemRefusal>;

function refuse(code: WorkItemRefusal): Result {
  return { ok: false, code };
}

function logs(operators: readonly string[], kind: TimeLogKind, at: Date): TimeLogEntry[] {
  return operators.map((operatorId) => ({ operatorId, kind, at }));
}

function tableRefusal(item: WorkItem, command: WorkItemCommand): WorkItemRefusal {
  if (item.state === 'completed' || item.state === 'cancelled') return 'WORK_ITEM_CLOSED';
  return command.type === 'claim' ? 'NOT_CLAIMABLE' : 'INVALID_TRANSITION';
}

/** Guards beyond the table: who may act and with what input. `undefined` means allowed. */
function guard(item: WorkItem, command: WorkItemCommand): WorkItemRefusal | undefined {
  switch (command.type) {
    case 'start':
      if (item.operators[0] !== command.operatorId) return 'NOT_HOLDER';
      return item.operators.length >= item.minOperators ? undefined : 'NOT_ENOUGH_OPERATORS';
    case 'pause':
    case 'resume':
    case 'leave':
    case 'handoff':
    case 'complete': {
      if (!item.operators.includes(command.operatorId)) return 'NOT_HOLDER';
      if (command.type === 'handoff' && item.operators.includes(command.toOperatorId)) return 'ALREADY_BOUND';
      if (command.type === 'leave' && item.operators.length === 1) return 'LAST_OPERATOR';
      if (command.type === 'complete') return qcGuard(item, command.qc);
      return undefined;
    }
    case 'join':
      if (item.operators.includes(command.operatorId)) return 'ALREADY_BOUND';
      return item.operators.length < item.maxOperators ? undefined : 'OPERATOR_LIMIT';
    default:
      return undefined;
  }
}

function qcGuard(item: WorkItem, qc: QcOutcome | undefined): WorkItemRefusal | undefined {
  if (item.kind === 'operation') return qc === undefined ? undefined : 'QC_RESULT_NOT_ALLOWED';
  if (qc === undefined) return 'QC_RESULT_REQUIRED';
  return qc.result !== 'pass' && qc.reasonCodes.length === 0 ? 'QC_REASON_REQUIRED' : undefined;
}

interface Change {
  type: DomainEvent['type'];
  operators: string[];
  timeLogs: TimeLogEntry[];
  data: Record<string, unknown>;
  qc?: WorkItem['qc'];
}

/** What each allowed command does to the bound operators and their time logs. */
function change(item: WorkItem, command: WorkItemCommand): Change {
  const at = command.now;
  const ops = item.operators;
  switch (command.type) {
    case 'claim':
      return {
        type: 'work_item.claimed',
        operators: [command.operatorId],
        timeLogs: [],
        data: { operatorId: command.operatorId },
      };
    case 'start':
      return {
        type: 'work_item.started',
        operators: ops,
        timeLogs: logs(ops, 'start', at),
        data: { operatorId: command.operatorId },
      };
    case 'pause':
      return {
        type: 'work_item.paused',
        operators: ops,
        timeLogs: logs(ops, 'pause', at),
        data: { operatorId: command.operatorId, reason: command.reason ?? null },
      };
    case 'resume':
      return {
        type: 'work_item.resumed',
        operators: ops,
        timeLogs: logs(ops, 'resume', at),
        data: { operatorId: command.operatorId },
      };
    case 'handoff': {
      const operators = ops.map((op) => (op === command.operatorId ? command.toOperatorId : op));
      // The receiver starts the clock at once only if the item is being worked on.
      const received = item.state === 'in_progress' ? logs([command.toOperatorId], 'start', at) : [];
      return {
        type: 'work_item.handed_off',
        operators,
        timeLogs: [...logs([command.operatorId], 'handoff', at), ...received],
        data: { operatorId: command.operatorId, toOperatorId: command.toOperatorId },
      };
    }
    case 'requeue':
      return {
        type: 'work_item.requeued',
        operators: [],
        timeLogs: [],
        data: { operatorId: command.operatorId, previous: ops, reason: command.reason ?? null },
      };
    case 'timeout':
      return { type: 'work_item.timed_out', operators: [], timeLogs: [], data: { previous: ops } };
    case 'join': {
      // Joining before the start or during a pause starts no clock: `start` / `resume` will.
      const started = item.state === 'in_progress' ? logs([command.operatorId], 'start', at) : [];
      return {
        type: 'work_item.joined',
        operators: [...ops, command.operatorId],
        timeLogs: started,
        data: { operatorId: command.operatorId },
      };
    }
    case 'leave':
      return {
        type: 'work_item.left',
        operators: ops.filter((op) => op !== command.operatorId),
        timeLogs: logs([command.operatorId], 'leave', at),
        data: { operatorId: command.operatorId },
      };
    case 'complete':
      return {
        type: 'work_item.completed',
        operators: ops,
        timeLogs: logs(ops, 'complete', at),
        data: { operatorId: command.operatorId, qc: command.qc ?? null },
        qc: command.qc ?? null,
      };
    case 'cancel':
      // Close the open intervals so labour minutes stop at the cancellation.
      return {
        type: 'work_item.cancelled',
        operators: ops,
        timeLogs: item.state === 'in_progress' ? logs(ops, 'cancel', at) : [],
        data: { reason: command.reason },
      };
  }
}

/**
 * Applies a command to a work item: the table decides whether the state allows it, the guards
 * whether this operator and input may do it. Pure: returns the next item and its event.
 */
export function applyWorkItemCommand(item: WorkItem, command: WorkItemCommand): Result {
  const state: WorkItemState | undefined = nextState(workItemTable, item.state, command.type);
  if (state === undefined) return refuse(tableRefusal(item, command));
  const refusal = guard(item, command);
  if (refusal !== undefined) return refuse(refusal);
  const c = change(item, command);
  const next: WorkItem = {
    ...item,
    state,
    operators: c.operators,
    timeLogs: c.timeLogs.length === 0 ? item.timeLogs : [...item.timeLogs, ...c.timeLogs],
    qc: c.qc === undefined ? item.qc : c.qc,
    updatedAt: command.now,
  };
  const event: DomainEvent = {
    type: c.type,
    at: command.now,
    tokenId: item.tokenId,
    workItemId: item.id,
    nodeKey: item.nodeKey,
    data: { from: item.state, to: state, ...c.data },
  };
  return { ok: true, next, events: [event] };
}
