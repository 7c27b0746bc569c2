import type { WorkItemView } from '@atelier/contracts';

/** Operators of the fixtures. */
export const ANA = '00000000-0000-4000-8000-00000000000a';
export const BO = '00000000-0000-4000-8000-00000000000b';
export const CY = '00000000-0000-4000-8000-00000000000c';

const NAMES: Record<string, string> = { [ANA]: 'Ana Srisuk', [BO]: 'Bo Chaiyaporn', [CY]: 'Cy Moreau' };

/** A work item as the API shows it, for component and logic tests; `bound` lists who is on it now. */
export function workItemFixture(
  overrides: Partial<Omit<WorkItemView, 'operators'>> & {
    bound?: string[];
    running?: boolean;
    kind?: 'operation' | 'qc';
    minOperators?: number;
    maxOperators?: number;
    qcChecklist?: string[];
  } = {},
): WorkItemView {
  const {
    bound = [],
    running = false,
    kind = 'operation',
    minOperators = 1,
    maxOperators = 1,
    qcChecklist = [],
  } = overrides;
  const {
    bound: _b,
    running: _r,
    kind: _k,
    minOperators: _min,
    maxOperators: _max,
    qcChecklist: _q,
    ...rest
  } = overrides;
  return {
    id: '11111111-1111-4111-8111-111111111111',
    state: bound.length === 0 ? 'ready' : 'assigned',
    version: 1,
    visit: 1,
    priority: 0,
    node: {
      key: kind === 'qc' ? 'final_qc' : 'stitch',
      name: kind === 'qc' ? 'Final inspection' : 'Stitch body',
      kind,
      instructions: 'Saddle stitch at 8 stitches per inch.',
      standardMinutes: 25,
      minOperators,
      maxOperators,
      skills: [{ code: 'stitching', minLevel: 3 }],
      qcChecklist,
    },
    workCenter: { id: '22222222-2222-4222-8222-222222222222', code: 'STI', name: 'Stitching' },
    token: {
      id: '33333333-3333-4333-8333-333333333333',
      serial: 'MO-2026-0012-007',
      state: 'active',
      attributes: { leather: 'Vachetta', colour: 'Cognac', size: 'M' },
    },
    order: {
      id: '44444444-4444-4444-8444-444444444444',
      code: 'MO-2026-0012',
      kind: 'manufacturingOrder',
      product: 'Signature Tote',
      dueDate: '2026-12-10',
    },
    assigneeId: bound[0] ?? null,
    operators: bound.map((userId) => ({
      userId,
      displayName: NAMES[userId] ?? userId,
      bound: true,
      workedSeconds: 600,
      closedSeconds: 600,
      runningSince: running ? '2026-12-02T08:00:00.000Z' : null,
    })),
    workedSeconds: 600 * bound.length,
    claimDeadline: null,
    qc: null,
    createdAt: '2026-12-01T07:00:00.000Z',
    updatedAt: '2026-12-02T08:00:00.000Z',
    startedAt: null,
    completedAt: null,
    ...rest,
  };
}
