import type { CompleteWorkItemRefusal } from '@atelier/domain';
import { HttpProblem } from '../plugins/http-problem.ts';

/**
 * Domain refusals as HTTP problems: who may act (`NOT_HOLDER`) is 403, input the step cannot
 * accept (the QC outcome) is 422, an unknown item 404, everything else a state conflict (409).
 * The domain's code is the problem's `code`, so clients can act on it.
 */
const STATUS: Partial<Record<CompleteWorkItemRefusal, number>> = {
  NOT_HOLDER: 403,
  QC_RESULT_REQUIRED: 422,
  QC_REASON_REQUIRED: 422,
  QC_RESULT_NOT_ALLOWED: 422,
  WORK_ITEM_NOT_FOUND: 404,
};

const DETAIL: Record<CompleteWorkItemRefusal, string> = {
  NOT_CLAIMABLE: 'The work item is not ready to be claimed.',
  WORK_ITEM_CLOSED: 'The work item is already completed or cancelled.',
  INVALID_TRANSITION: 'The work item cannot do that in its current state.',
  NOT_HOLDER: 'Only an operator bound to the work item may do that.',
  ALREADY_BOUND: 'That operator is already working on this item.',
  OPERATOR_LIMIT: 'The work item already has its maximum number of operators.',
  LAST_OPERATOR: 'The last operator cannot leave; hand the item off or complete it.',
  NOT_ENOUGH_OPERATORS: 'This step needs more operators before it can start; colleagues must join first.',
  QC_RESULT_REQUIRED: 'A QC step needs a result: pass, fail or rework.',
  QC_REASON_REQUIRED: 'A QC fail or rework needs at least one reason code.',
  QC_RESULT_NOT_ALLOWED: 'This is not a QC step: send no QC result.',
  WORK_ITEM_NOT_FOUND: 'No such work item.',
  TOKEN_NOT_ACTIVE: 'The piece is not at this step any more (moved on, waiting, completed or cancelled).',
};

/** The problem for a refusal of the work-item machine or the routing engine. */
export function refusalProblem(
  code: CompleteWorkItemRefusal,
  extensions: Readonly<Record<string, unknown>> = {},
): HttpProblem {
  return new HttpProblem(STATUS[code] ?? 409, code, DETAIL[code], extensions);
}

/** 409 `WORK_ITEM_CHANGED`: the row changed between read and write (optimistic concurrency). */
export function changedProblem(): HttpProblem {
  return new HttpProblem(409, 'WORK_ITEM_CHANGED', 'The work item changed meanwhile; reload it and try again.');
}

/** 403 `NOT_QUALIFIED`: the acting user lacks a skill level or the team the step requires. */
export function notQualifiedProblem(): HttpProblem {
  return new HttpProblem(403, 'NOT_QUALIFIED', 'You lack a skill level or the team this step requires.');
}

/** 403 `OPERATOR_ABSENT`: the acting operator is marked absent; only present people take work. */
export function absentProblem(): HttpProblem {
  return new HttpProblem(403, 'OPERATOR_ABSENT', 'You are marked absent today; a manager marks you present first.');
}
