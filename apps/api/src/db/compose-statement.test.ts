import { describe, expect, it } from 'vitest';
import { statementComposer } from './compose-statement.ts';

describe('statementComposer', () => {
  const compose = statementComposer<{ items: number[]; notes: string[] }>(
    'step',
    [
      { name: 'guard', sql: 'SELECT 1 AS ok' },
      { name: 'items', sql: 'SELECT unnest($1::int[])', when: (input) => input.items.length > 0 },
      { name: 'notes', sql: 'SELECT unnest($2::text[])', when: (input) => input.notes.length > 0 },
    ],
    'SELECT ok FROM guard',
  );

  it('holds only the parts the input needs, in their order, before the final query', () => {
    expect(compose({ items: [1], notes: [] }).text).toBe('WITH guard AS (SELECT 1 AS ok),\nitems AS (SELECT unnest($1::int[]))\nSELECT ok FROM guard');
    expect(compose({ items: [], notes: [] }).text).toBe('WITH guard AS (SELECT 1 AS ok)\nSELECT ok FROM guard');
  });

  it('names each combination once: the same text always has the same name, another text another name', () => {
    const both = compose({ items: [1], notes: ['a'] });
    expect(compose({ items: [2, 3], notes: ['b'] })).toBe(both);
    const names = [compose({ items: [], notes: [] }), compose({ items: [1], notes: [] }), compose({ items: [], notes: ['a'] }), both].map((s) => s.name);
    expect(new Set(names).size).toBe(4);
    expect(names.every((name) => name.startsWith('step-'))).toBe(true);
  });
});
