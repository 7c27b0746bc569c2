import { describe, expect, it } from 'vitest';
import type { LoadedWorkItem } from './load-work-item.ts';
import { rememberedWorkItems } from './remembered-work-items.ts';

const copyOf = (id: string, version: number) => ({ item: { id }, version }) as unknown as LoadedWorkItem;

describe('remembered work items', () => {
  it('gives a copy to one command only', () => {
    const memory = rememberedWorkItems();
    memory.remember(copyOf('a', 1));
    expect(memory.take('a')?.version).toBe(1);
    expect(memory.take('a')).toBeUndefined();
  });

  it('keeps the latest write of an item, and forgets the oldest items beyond its capacity', () => {
    const memory = rememberedWorkItems(2);
    memory.remember(copyOf('a', 1));
    memory.remember(copyOf('b', 1));
    memory.remember(copyOf('a', 2));
    memory.remember(copyOf('c', 1));
    expect(memory.take('b')).toBeUndefined();
    expect(memory.take('a')?.version).toBe(2);
    expect(memory.take('c')?.version).toBe(1);
  });
});
