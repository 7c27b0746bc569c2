import type { LoadedWorkItem } from './load-work-item.ts';

/**
 * The work items this process changed last, as its committed writes left them, so the next command
 * on one (the start that follows a claim) can skip reading it back. Safe because every write of a
 * work item bumps its version and a command's write is guarded by the version it was computed
 * from: a copy that is no longer current fails that guard, the item is left as it is (as after any
 * lost race, only the piece's version moves on), and the command reads the item and runs again
 * (`transitionWorkItem`). Bounded: the oldest copies go first.
 */
export interface RememberedWorkItems {
  /** The copy of the item, if any, removed from memory: a copy serves one command at most. */
  take(workItemId: string): LoadedWorkItem | undefined;
  /** Remembers the item as a COMMITTED write left it (never from a transaction still open). */
  remember(written: LoadedWorkItem): void;
}

/** Copies kept at most per process: an operator's claim is usually followed by its start within minutes. */
const CAPACITY = 5_000;

/** A new, empty memory of at most `capacity` copies; the app keeps one (`plugins/remembered-work-items.ts`). */
export function rememberedWorkItems(capacity = CAPACITY): RememberedWorkItems {
  const copies = new Map<string, LoadedWorkItem>();
  return {
    take(workItemId) {
      const copy = copies.get(workItemId);
      copies.delete(workItemId);
      return copy;
    },
    remember(written) {
      copies.delete(written.item.id);
      copies.set(written.item.id, written);
      if (copies.size > capacity) copies.delete(copies.keys().next().value as string);
    },
  };
}
