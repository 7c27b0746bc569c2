import { describe, expect, it } from 'vitest';
import { describeChanges } from './describe-changes.ts';

const center = { code: 'CUT', name: 'Cutting', capacity: 2, tags: ['a'] as string[], team: null as string | null };

describe('describeChanges', () => {
  it('lists only the fields whose value changed, before and after', () => {
    const after = { ...center, capacity: 3, team: 'T1' };
    expect(describeChanges(center, after, ['name', 'capacity', 'team'])).toEqual([
      { field: 'capacity', before: '2', after: '3' },
      { field: 'team', before: '—', after: 'T1' },
    ]);
  });

  it('compares lists by content, so a re-sent equal list is no change', () => {
    expect(describeChanges(center, { ...center, tags: ['a'] }, ['tags'])).toEqual([]);
    expect(describeChanges(center, { ...center, tags: ['a', 'b'] }, ['tags'])).toEqual([
      { field: 'tags', before: 'a', after: 'a, b' },
    ]);
  });

  it('uses the on-screen form of a field when given one', () => {
    const changes = describeChanges(center, { ...center, capacity: 12 }, ['capacity'], {
      capacity: (value) => `${value} benches`,
    });
    expect(changes).toEqual([{ field: 'capacity', before: '2 benches', after: '12 benches' }]);
  });
});
