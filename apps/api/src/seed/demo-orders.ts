/**
 * The demo orders and where each of their pieces stands. A piece's history is given as the work
 * steps it has completed (`done`, node keys in order) and the state of the open work items it has
 * now (`open`, default `ready`); the seed drives the domain's routing engine through exactly these
 * steps, so tokens, work items, time logs and events are what the real engine would produce.
 */

/** State an open work item is left in. */
export type OpenState = 'ready' | 'assigned' | 'in_progress' | 'paused';

/** One piece of an order and how far it got. */
export interface PiecePlan {
  readonly done: readonly string[];
  readonly open?: Readonly<Record<string, OpenState>>;
  /** Outcomes of the piece's QC visits in order; `pass` when not listed. */
  readonly qc?: readonly ('pass' | 'rework')[];
  /** A manager cancelled the piece with a replacement (QC_FAIL): the replacement starts over. */
  readonly cancelled?: { readonly reason: string; readonly replacement: PiecePlan };
  readonly attributes?: Readonly<Record<string, string>>;
}

/** A demo manufacturing order or atelier job. Days are relative to the seed's `now`. */
export interface DemoOrder {
  readonly kind: 'manufacturingOrder' | 'atelierJob';
  readonly code: string;
  readonly product: string;
  /** Brand client of an MO, or customer of an atelier job. */
  readonly party: string | null;
  readonly quantity: number;
  readonly routing: 'TOTE-01' | 'WALLET-01' | 'BELT-01' | 'EDGE-01';
  readonly status: 'draft' | 'released' | 'in_progress' | 'completed';
  readonly createdDaysAgo: number;
  readonly releasedDaysAgo?: number;
  readonly dueInDays: number;
  readonly priority?: number;
  /** Code of the MO a hybrid atelier job finishes pieces of. */
  readonly mo?: string;
  /** Attributes of every piece (a piece's own attributes add to them). */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly pieces: readonly PiecePlan[];
}

const TOTE_STEPS = ['cut', 'skive', 'stitch-body', 'edge-paint-strap', 'assemble', 'qc', 'pack'] as const;

/** A tote piece that completed its first `steps` work steps, with its open items in the given states. */
function tote(steps: number, open: Record<string, OpenState> = {}): PiecePlan {
  return { done: TOTE_STEPS.slice(0, steps), open };
}

const TOTE_DONE = tote(TOTE_STEPS.length);
/** A tote sent back from QC to assembly once (a loose rivet), then passed. */
const TOTE_DONE_AFTER_REWORK: PiecePlan = {
  done: ['cut', 'skive', 'stitch-body', 'edge-paint-strap', 'assemble', 'qc', 'assemble', 'qc', 'pack'],
  qc: ['rework', 'pass'],
};

function repeat(count: number, plan: PiecePlan): PiecePlan[] {
  return Array.from({ length: count }, () => plan);
}

const wallet = (done: string[], open: Record<string, OpenState> = {}): PiecePlan => ({ done, open });

export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    kind: 'manufacturingOrder',
    code: 'MO-2026-0009',
    product: 'Signature Tote — Black',
    party: 'Maison Verel',
    quantity: 12,
    routing: 'TOTE-01',
    status: 'completed',
    createdDaysAgo: 16,
    releasedDaysAgo: 12,
    dueInDays: -5,
    attributes: { leather: 'calf', colour: 'Black' },
    pieces: [...repeat(3, TOTE_DONE), TOTE_DONE_AFTER_REWORK, ...repeat(8, TOTE_DONE)],
  },
  {
    kind: 'manufacturingOrder',
    code: 'MO-2026-0012',
    product: 'Signature Tote — Cognac',
    party: 'Maison Verel',
    quantity: 24,
    routing: 'TOTE-01',
    status: 'in_progress',
    createdDaysAgo: 5,
    releasedDaysAgo: 3,
    dueInDays: 6,
    priority: 1,
    attributes: { leather: 'calf', colour: 'Cognac' },
    pieces: [
      ...repeat(5, TOTE_DONE),
      TOTE_DONE_AFTER_REWORK,
      tote(6, { pack: 'in_progress' }),
      tote(6),
      tote(5, { qc: 'in_progress' }),
      tote(5),
      {
        done: TOTE_STEPS.slice(0, 5),
        open: { qc: 'in_progress' },
        cancelled: {
          reason: 'Scar on the front panel found at inspection; the panel cannot be replaced on an assembled tote.',
          replacement: tote(0, { cut: 'assigned' }),
        },
      },
      tote(4, { assemble: 'in_progress' }),
      tote(4, { assemble: 'assigned' }),
      tote(4),
      { done: ['cut', 'skive', 'stitch-body'], open: { 'edge-paint-strap': 'in_progress' } },
      tote(2, { 'stitch-body': 'in_progress' }),
      tote(2),
      { done: ['cut', 'skive', 'edge-paint-strap'], open: { 'stitch-body': 'paused' } },
      tote(1, { skive: 'in_progress' }),
      tote(1, { skive: 'assigned' }),
      tote(1),
      tote(0, { cut: 'in_progress' }),
      tote(0),
      tote(0),
    ],
  },
  {
    kind: 'manufacturingOrder',
    code: 'MO-2026-0013',
    product: 'Bifold Wallet — Noir',
    party: 'Hallström & Co.',
    quantity: 40,
    routing: 'WALLET-01',
    status: 'in_progress',
    createdDaysAgo: 3,
    releasedDaysAgo: 1,
    dueInDays: 14,
    attributes: { leather: 'calf', colour: 'Noir' },
    pieces: [
      wallet(['cut', 'machine-stitch'], { 'edge-paint': 'in_progress' }),
      ...repeat(5, wallet(['cut', 'machine-stitch'])),
      ...repeat(2, wallet(['cut'], { 'machine-stitch': 'in_progress' })),
      ...repeat(2, wallet(['cut'], { 'machine-stitch': 'assigned' })),
      ...repeat(6, wallet(['cut'])),
      wallet([], { cut: 'in_progress' }),
      ...repeat(2, wallet([], { cut: 'assigned' })),
      ...repeat(21, wallet([])),
    ],
  },
  {
    kind: 'manufacturingOrder',
    code: 'MO-2026-0014',
    product: 'Classic Belt 35 mm — Tan',
    party: 'Maison Verel',
    quantity: 30,
    routing: 'BELT-01',
    status: 'draft',
    createdDaysAgo: 1,
    dueInDays: 28,
    pieces: [],
  },
  {
    kind: 'atelierJob',
    code: 'AJ-2026-0031',
    product: 'Bespoke tote — ostrich, initials K.W.',
    party: 'Kanya W.',
    quantity: 1,
    routing: 'TOTE-01',
    status: 'in_progress',
    createdDaysAgo: 6,
    releasedDaysAgo: 2,
    dueInDays: 10,
    priority: 2,
    pieces: [
      {
        done: ['cut', 'skive', 'edge-paint-strap'],
        open: { 'stitch-body': 'in_progress' },
        attributes: { leather: 'ostrich', colour: 'Natural', initials: 'K.W.' },
      },
    ],
  },
  {
    kind: 'atelierJob',
    code: 'AJ-2026-0032',
    product: 'Hand-finished edges for MO-2026-0012',
    party: null,
    quantity: 6,
    routing: 'EDGE-01',
    status: 'in_progress',
    createdDaysAgo: 2,
    releasedDaysAgo: 1,
    dueInDays: 7,
    mo: 'MO-2026-0012',
    pieces: [
      { done: [], open: { 'hand-edge': 'in_progress' }, attributes: { sourceSerial: 'MO-2026-0012-001' } },
      ...[2, 3, 4, 5, 6].map((n) => ({ done: [], attributes: { sourceSerial: `MO-2026-0012-00${n}` } })),
    ],
  },
  {
    kind: 'atelierJob',
    code: 'AJ-2026-0033',
    product: 'Wallet — exotic python',
    party: 'Arthur L.',
    quantity: 2,
    routing: 'WALLET-01',
    status: 'draft',
    createdDaysAgo: 1,
    dueInDays: 30,
    pieces: [],
  },
];
