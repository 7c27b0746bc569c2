import type { SqlRunner } from '../db/database.ts';
import { settleOrders } from './settle-orders.ts';

/** How often each replica looks for finished orders nobody settled (default). */
const SETTLE_SWEEP_INTERVAL_MS = 60_000;

/** A running sweep; `stop` ends it and waits for a pass in progress. */
export interface SettleSweep {
  stop(): Promise<void>;
}

/**
 * Settles every open order that is finished, every `intervalMs`, on each replica (passes never
 * overlap; two replicas settling one order close it once). A step settles its orders right after
 * its commit; this catches an order whose last piece finished in a process that stopped in
 * between, within one interval rather than at the next start.
 */
export function startSettleSweep(
  db: SqlRunner,
  log: { info(message: string): void; warn(message: string): void },
  intervalMs = SETTLE_SWEEP_INTERVAL_MS,
): SettleSweep {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pass = async (): Promise<void> => {
    try {
      const closed = await settleOrders(db, 'all', 'system', new Date());
      if (closed > 0) log.info(`closed ${closed} finished order(s) nobody had settled`);
    } catch (error) {
      log.warn(
        `settling finished orders failed, trying again in ${intervalMs} ms: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = pass().then(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
