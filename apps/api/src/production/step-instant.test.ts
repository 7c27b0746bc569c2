import type { PieceSnapshot, WorkItem } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { stepInstant } from './step-instant.ts';

const at = (ms: number) => new Date(Date.UTC(2026, 11, 1, 8, 0, 0, ms));
const pieceWith = (updatedAt: Date, logs: Date[]): { piece: PieceSnapshot } => ({
  piece: {
    tokens: [],
    workItems: [
      {
        updatedAt,
        timeLogs: logs.map((when) => ({ operatorId: 'op', kind: 'start' as const, at: when })),
      } as unknown as WorkItem,
    ],
  },
});

describe('stepInstant', () => {
  it("is the request's clock when nothing on the pieces is later", () => {
    const now = at(500);
    expect(stepInstant(now, [pieceWith(at(100), [at(200)])])).toBe(now);
    expect(stepInstant(now, [])).toBe(now);
  });

  it('is the latest time log or item change when one committed after the clock was read', () => {
    expect(stepInstant(at(500), [pieceWith(at(100), []), pieceWith(at(400), [at(200), at(650)])])).toEqual(at(650));
    expect(stepInstant(at(500), [pieceWith(at(700), [at(600)])])).toEqual(at(700));
  });
});
