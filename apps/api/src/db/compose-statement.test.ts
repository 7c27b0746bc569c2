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
    expect(compose({ items: [1], notes: [] }).text).toBe(
      'WITH guard AS (SELECT 1 AS ok),\nitems AS (SELECT unnest($1::int[]))\nSELECT ok FROM guard',
    );
    expect(compose({ items: [], notes: [] }).text).toBe('WITH guard AS (SELECT 1 AS ok)\nSELECT ok FROM guard');
  });

  it('names each combination once: the same text always has the same name, another text another name', () => {
    const both = compose({ items: [1], notes: ['a'] });
    expect(compose({ items: [2, 3], notes: ['b'] })).toBe(both);
    const names = [
      compose({ items: [], notes: [] }),
      compose({ items: [1], notes: [] }),
      compose({ items: [], notes: ['a'] }),
      both,
    ].map((s) => s.name);
    expect(new Set(names).size).toBe(4);
    expect(names.every((name) => name.startsWith('step-'))).toBe(true);
  });
});

describe('statementComposer limits', () => {
  const parts = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      name: `p${index}`,
      sql: `SELECT ${index}`,
      when: (on: Set<number>) => on.has(index),
    }));

  it('refuses more than 30 parts, whose combinations its bit set could not tell apart', () => {
    expect(() => statementComposer('wide', parts(31), 'SELECT 1')).toThrow(/at most 30 parts/);
    // Past 32 parts `1 << index` wraps: part 32 would share part 0's bit and be written without being asked for.
    expect(() => statementComposer('wider', parts(33), 'SELECT 1')).toThrow(/at most 30 parts/);
  });

  it('composes 30 parts, each combination apart from the others', () => {
    const compose = statementComposer('thirty', parts(30), 'SELECT 1');
    const last = compose(new Set([29]));
    expect(last.text).toBe('WITH p29 AS (SELECT 29)\nSELECT 1');
    expect(compose(new Set([0])).name).not.toBe(last.name);
  });
});
