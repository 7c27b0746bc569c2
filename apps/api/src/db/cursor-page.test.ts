import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, encodeCursor, toPage } from './cursor-page.ts';

describe('cursors', () => {
  it.each(['MO-2026-0012', 'Hallström & Co. — 2026', '', 'a/b+c=d'])('round-trip %j as URL-safe text', (key) => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(decodeCursor(cursor)).toBe(key);
  });

  it.each(['not a cursor!', 'e30', encodeCursor('x').slice(0, -3), '////'])(
    'refuse %j with a 400 INVALID_CURSOR',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(HttpProblem);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect(error).toMatchObject({ status: 400, code: 'INVALID_CURSOR' });
      }
    },
  );
});

describe('toPage', () => {
  const rows = ['a', 'b', 'c'].map((code) => ({ code }));

  it('uses the extra row only to tell that another page exists', () => {
    const page = toPage(
      rows,
      2,
      (row) => row.code,
      (row) => row.code.toUpperCase(),
    );
    expect(page.items).toEqual(['A', 'B']);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? '')).toBe('b');
  });

  it('ends with a null cursor on the last page', () => {
    expect(
      toPage(
        rows,
        3,
        (row) => row.code,
        (row) => row.code,
      ),
    ).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
  });
});
