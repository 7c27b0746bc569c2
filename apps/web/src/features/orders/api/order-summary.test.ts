import { describe, expect, it } from 'vitest';
import { isOrderKind, summarizeOrder, summarizeOrderDetail } from './order-summary.ts';

const progress = { completed: 0, inFlight: 6, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 };

describe('summarizeOrder', () => {
  it('shows the brand client of a manufacturing order', () => {
    const summary = summarizeOrder('manufacturing-orders', {
      id: 'mo1',
      code: 'MO-2026-0012',
      product: 'Signature Tote — Cognac',
      client: 'Maison Verel',
      quantity: 24,
      dueDate: '2026-12-12',
      status: 'released',
      routing: { code: 'TOTE-01', name: 'Tote bag', version: 1 },
      progress,
    });
    expect(summary).toMatchObject({ kind: 'manufacturing-orders', party: 'Maison Verel', linkedMo: null });
  });

  it('shows the customer and the linked MO of a hybrid atelier job', () => {
    const summary = summarizeOrder('atelier-jobs', {
      id: 'aj2',
      code: 'AJ-2026-0032',
      product: 'Hand-finished edges for MO-2026-0012',
      customer: null,
      quantity: 6,
      dueDate: '2026-12-10',
      status: 'released',
      mo: { id: 'mo1', code: 'MO-2026-0012' },
      routing: null,
      progress,
    });
    expect(summary).toMatchObject({ kind: 'atelier-jobs', party: null, linkedMo: { id: 'mo1', code: 'MO-2026-0012' } });
  });
});

describe('isOrderKind', () => {
  it('accepts only the two order resources', () => {
    expect(isOrderKind('manufacturing-orders')).toBe(true);
    expect(isOrderKind('atelier-jobs')).toBe(true);
    expect(isOrderKind('tokens')).toBe(false);
    expect(isOrderKind(undefined)).toBe(false);
  });
});

describe('summarizeOrderDetail', () => {
  const nodes = [
    {
      nodeKey: 'cut',
      name: 'Cutting',
      type: 'operation',
      active: 3,
      waiting: 0,
      pieces: { active: 3, waiting: 0 },
      components: { active: 0, waiting: 0 },
      ended: { completed: 0, scrapped: 0, cancelled: 0 },
      workItems: { ready: 1, assigned: 0, inProgress: 2, paused: 0 },
    },
  ];
  const order = {
    id: 'mo1',
    code: 'MO-2026-0012',
    product: 'Signature Tote — Cognac',
    client: 'Maison Verel',
    quantity: 24,
    dueDate: null,
    status: 'released' as const,
    routing: null,
    progress,
  };

  it('lists the hybrid jobs working on a manufacturing order', () => {
    const detail = summarizeOrderDetail('manufacturing-orders', {
      ...order,
      nodes,
      atelierJobs: [{ id: 'aj2', code: 'AJ-2026-0032' }],
    });
    expect(detail.hybridJobs).toEqual([{ id: 'aj2', code: 'AJ-2026-0032' }]);
    expect(detail.nodes).toEqual(nodes);
  });

  it('gives an atelier job no hybrid jobs of its own', () => {
    const detail = summarizeOrderDetail('atelier-jobs', {
      id: 'aj2',
      code: 'AJ-2026-0032',
      product: 'Hand-finished edges',
      customer: null,
      quantity: 6,
      dueDate: null,
      status: 'released',
      mo: { id: 'mo1', code: 'MO-2026-0012' },
      routing: null,
      progress,
      nodes,
    });
    expect(detail.hybridJobs).toEqual([]);
    expect(detail.linkedMo).toEqual({ id: 'mo1', code: 'MO-2026-0012' });
  });
});
