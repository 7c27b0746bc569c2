import { describe, expect, it } from 'vitest';
import { ONE_PIECE_SPLIT_JOB, SCRAPPED_AND_REPLACED_ORDER, nodeCount } from './order-count-fixtures.ts';
import { pieceSummary } from './piece-summary.ts';

const none = { completed: 0, inFlight: 0, notReleased: 0, scrapped: 0, cancelled: 0, replacements: 0 };

describe('pieceSummary', () => {
  it('counts a one-piece job split into components as one piece in flight', () => {
    const summary = pieceSummary({ ...none, inFlight: 1 }, 1, ONE_PIECE_SPLIT_JOB);
    expect(summary).toEqual({ equation: '0 completed + 1 in flight + 0 not released = 1 ordered', notes: [] });
  });

  it('adds up to the quantity, says where the piece was scrapped and that its replacement is in the count', () => {
    const summary = pieceSummary(
      { ...none, completed: 6, inFlight: 18, scrapped: 1, replacements: 1 },
      24,
      SCRAPPED_AND_REPLACED_ORDER,
    );
    expect(summary.equation).toBe('6 completed + 18 in flight + 0 not released = 24 ordered');
    expect(summary.notes).toEqual([
      '1 piece scrapped at Final inspection, not counted in the 24.',
      '1 of the pieces completed or in flight is a replacement: a piece that is scrapped or redesigned is made again from the first step, and the new piece counts towards the 24.',
    ]);
  });

  it('lists each step where pieces were scrapped or cancelled when there are several', () => {
    const nodes = [
      nodeCount('qc', 'Final inspection', 'qc', { ended: { scrapped: 2, cancelled: 1 } }),
      nodeCount('scrap', 'Scrapped', 'end', { ended: { scrapped: 1 } }),
    ];
    const summary = pieceSummary(
      { ...none, completed: 3, notReleased: 1, scrapped: 3, cancelled: 1, replacements: 2 },
      4,
      nodes,
    );
    expect(summary.notes[0]).toBe('3 pieces scrapped (2 at Final inspection, 1 at Scrapped), not counted in the 4.');
    expect(summary.notes[1]).toBe(
      '1 piece cancelled at Final inspection, not counted in the 4: redesigned (and replaced) or dropped from the order.',
    );
    expect(summary.notes[2]).toMatch(/^2 of the pieces completed or in flight are replacements/);
  });
});
