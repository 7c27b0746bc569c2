import { describe, expect, it } from 'vitest';
import { nextVisit } from './visit-number.ts';

describe('nextVisit', () => {
  it("numbers a token's visits to a node from 1, counting only that node's earlier work items", () => {
    expect(nextVisit([], 'sew')).toBe(1);
    expect(nextVisit(['cut', 'sew', 'qc'], 'sew')).toBe(2);
    expect(nextVisit(['cut', 'sew', 'qc', 'sew'], 'sew')).toBe(3);
  });
});
