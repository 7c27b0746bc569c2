import cluster, { type Worker } from 'node:cluster';

/** What the primary of a multi-process server needs to know. */
export interface WorkerOptions {
  readonly count: number;
  /** How long workers get to drain after SIGTERM/SIGINT before they are killed. */
  readonly shutdownTimeoutMs: number;
  /** One line for the operator (stderr). */
  readonly report: (line: string) => void;
}

/** The message a primary sends a worker to drain and exit (as on its own SIGTERM). */
export const SHUTDOWN_MESSAGE = 'atelier-flow:shutdown';

/** Before a worker that died is started again: a crash loop must not spin the CPU. */
const RESTART_DELAY_MS = 1_000;

/**
 * The primary process of `WORKERS` > 1: forks the workers, which share the port (Node's cluster
 * hands each new connection to one of them) and serve exactly as replicas of one database do. It
 * does no work of its own:
 * - a worker that fails before it listens stops the whole server (exit 1: its one-line reason is
 *   already on stderr), so a configuration error is not retried forever;
 * - a worker that dies later is reported and started again after a second;
 * - SIGTERM/SIGINT ask every worker to drain (over IPC, so a worker that got the terminal's SIGINT
 *   too does not take it as a second, forcing signal); the primary exits once they all have, 0
 *   when every worker drained cleanly, 1 otherwise (a worker still running after the timeout is killed).
 */
export function superviseWorkers(options: WorkerOptions): void {
  let stopping = false;
  let failed = false;
  const listening = new WeakSet<Worker>();

  const exitWhenAllGone = (): void => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  };

  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    options.report(`info: ${reason}: asking ${Object.keys(cluster.workers ?? {}).length} worker(s) to finish`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.send(SHUTDOWN_MESSAGE);
    setTimeout(() => {
      failed = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    }, options.shutdownTimeoutMs + 5_000).unref();
    exitWhenAllGone();
  };

  const fork = (): void => {
    const worker = cluster.fork();
    worker.once('listening', () => {
      listening.add(worker);
      // It was still starting when the others were asked to finish.
      if (stopping) worker.send(SHUTDOWN_MESSAGE);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (code !== 0) failed = true;
      exitWhenAllGone();
    } else if (!listening.has(worker)) {
      // Failed to start: the others would fail the same way.
      failed = true;
      stop('a worker could not start');
    } else {
      options.report(`warn: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another`);
      setTimeout(() => (stopping ? exitWhenAllGone() : fork()), RESTART_DELAY_MS);
    }
  });

  for (let n = 0; n < options.count; n++) fork();
  process.on('SIGTERM', () => stop('SIGTERM received'));
  process.on('SIGINT', () => stop('SIGINT received'));
}
