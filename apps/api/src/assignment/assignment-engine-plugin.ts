import fp from 'fastify-plugin';
import { DEFAULT_PASS_OPTIONS, runAssignmentPass, type PassOptions, type PassSummary } from './run-assignment-pass.ts';

/** The process's assignment engine: its timer, and a pass on demand (tests, the bench). */
export interface AssignmentEngine {
  /** Runs one pass now, or at `now` (an injected clock); concurrent calls share one run. */
  runPass(now?: Date): Promise<PassSummary>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly assignmentEngine: AssignmentEngine;
  }
}

/** Options of the engine plugin. */
export interface AssignmentEngineOptions {
  /** Milliseconds between passes; 0 runs no timer (passes only on demand). */
  readonly tickMs: number;
  readonly pass?: PassOptions;
  /** The timer's clock (default: the system clock). */
  readonly clock?: () => Date;
}

/**
 * Runs the assignment engine's pass every `tickMs` in this process, as every replica does (the
 * pass lock makes them take turns). A pass that fails is logged and tried again at the next tick;
 * closing the app stops the timer and waits for a running pass.
 */
export default fp<AssignmentEngineOptions>(
  async function assignmentEngine(fastify, options) {
    const clock = options.clock ?? (() => new Date());
    let running: Promise<PassSummary> | null = null;
    const runPass = (now: Date = clock()): Promise<PassSummary> => {
      running ??= runAssignmentPass(fastify.db, fastify.eventHub, now, options.pass ?? DEFAULT_PASS_OPTIONS).finally(
        () => {
          running = null;
        },
      );
      return running;
    };
    fastify.decorate('assignmentEngine', { runPass });
    if (options.tickMs <= 0) return;
    let timer: NodeJS.Timeout | null = null;
    const tick = (): void => {
      runPass()
        .catch((error: unknown) => fastify.log.warn({ err: error }, 'assignment pass failed; next tick tries again'))
        .finally(() => {
          if (timer !== null) timer = setTimeout(tick, options.tickMs);
        });
    };
    fastify.addHook('onReady', () => {
      timer = setTimeout(tick, options.tickMs);
    });
    fastify.addHook('onClose', async () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      await running?.catch(() => undefined);
    });
  },
  { name: 'assignment-engine', dependencies: ['database', 'event-hub'] },
);
