/**
 * Wraps an async action so it runs at most once; later calls get the first call's promise. Used
 * for `Database.close()`, which a signal handler and a failing start-up may both call.
 */
export function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
