/** A task run at most once at a time, however often it is requested. */
export interface CoalescedTask {
  /** Runs the task soon; requests made while it runs are merged into one more run after it. */
  request(): void;
  /** Resolves when no run is in progress or pending. */
  idle(): Promise<void>;
}

/**
 * Merges requests: one run in flight, at most one queued behind it, and at least `minGapMs`
 * between the end of a run and the start of the next (so a burst of commits costs a few runs,
 * not one per commit). Errors go to `onError`; the next request runs again.
 */
export function coalescedTask(
  run: () => Promise<void>,
  onError: (error: unknown) => void,
  minGapMs = 0,
): CoalescedTask {
  let pending = false;
  let loop: Promise<void> | undefined;

  async function drain(): Promise<void> {
    while (pending) {
      pending = false;
      try {
        await run();
      } catch (error) {
        onError(error);
      }
      if (pending && minGapMs > 0) await new Promise((resolve) => setTimeout(resolve, minGapMs));
    }
    loop = undefined;
  }

  return {
    request() {
      pending = true;
      loop ??= drain();
    },
    async idle() {
      while (loop) await loop;
    },
  };
}
