import cluster from 'node:cluster';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrator.ts';
import { settleOrders } from './production/settle-orders.ts';
import { startSettleSweep } from './production/settle-sweep.ts';
import { openDatabase } from './db/open-database.ts';
import { loadEnv, type Env } from './env.ts';
import { isDatabaseEmpty, seedDemo } from './seed/seed-demo.ts';
import { SHUTDOWN_MESSAGE, superviseWorkers } from './server-workers.ts';

/**
 * Entry point: validate the environment, open and migrate the database, load the demo data on
 * the first start of an empty embedded database, then serve the API and the web app on one port.
 * Any startup failure is printed as one line and exits 1; SIGTERM/SIGINT drain and exit 0. With
 * `WORKERS` > 1 this process only supervises that many worker processes, each of which does all of
 * the above (`server-workers.ts`; migrations take a lock, so they apply once).
 */

/** Turns a startup failure into the one line an operator reads. */
function startupMessage(error: unknown, env: Env | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE' && env)
    return `Port ${env.PORT} is already in use; stop the other server or set PORT to a free port.`;
  if (code === 'EACCES' && env) return `Not allowed to listen on port ${env.PORT}; use a port above 1023.`;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

function fail(error: unknown, env: Env | undefined): never {
  process.stderr.write(`atelier-flow: ${startupMessage(error, env)}\n`);
  process.exit(1);
}

/** The URL to open in a browser: the wildcard host becomes localhost, port 0 the port actually taken. */
function publicUrl(app: FastifyInstance, env: Env): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  return `http://${host}:${port}`;
}

/**
 * The line that says the server is up and where to go; under `pnpm dev` that is the hot-reloading
 * web app, not this server (whose `/` serves the last build, if any).
 */
function readyLine(url: string, details: string, webDevUrl: string | undefined): string {
  if (webDevUrl === undefined) return `Atelier Flow is ready at ${url} (${details})`;
  return `Atelier Flow API is ready at ${url} (${details}); open ${webDevUrl} for the web app with hot reload`;
}

/** Loads the demo data when the embedded database is empty (a first start) and SEED_DEMO allows it. */
async function seedFirstStart(app: FastifyInstance, db: Database, env: Env): Promise<void> {
  if (db.kind !== 'pglite' || !env.SEED_DEMO || !(await isDatabaseEmpty(db))) return;
  const summary = await seedDemo(db, { now: new Date() });
  app.log.info(summary, 'loaded the demo data (first start of an empty database)');
}

/**
 * Drains on SIGTERM/SIGINT (a second signal exits at once), and in a worker on its primary's
 * request or when the primary is gone: stop accepting, finish in-flight requests, close the
 * database, log "stopped" (the one line a clean stop shows), exit 0. (A terminal's Ctrl-C signals the primary and its workers alike: the primary's
 * request that follows is not a second signal.)
 */
function closeOnSignals(app: FastifyInstance, db: Database, timeoutMs: number): void {
  let closing = false;
  let signalled = false;
  const drain = (reason: string): void => {
    if (closing) return;
    closing = true;
    // A clean stop shows one line, "stopped", once it is done; the steps before are debug detail.
    app.log.debug(`${reason} received: finishing in-flight requests, then closing`);
    const timer = setTimeout(() => {
      app.log.error(`requests still running after ${timeoutMs} ms: exiting anyway`);
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    app
      .close()
      .then(() => db.close())
      .then(() => {
        app.log.info({ reason }, 'stopped');
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (signalled) {
      app.log.warn(`${signal} again: exiting without waiting`);
      process.exit(1);
    }
    signalled = true;
    drain(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('message', (message) => (message === SHUTDOWN_MESSAGE ? drain('shutdown request') : undefined));
  process.on('disconnect', () => drain('primary gone'));
}

/** Where this process stands: a lone server, a worker, or the primary of several workers. */
function role(env: Env): 'server' | 'worker' | 'primary' {
  if (env.WORKERS === 1) return 'server';
  return cluster.isPrimary ? 'primary' : 'worker';
}

async function main(): Promise<void> {
  let env: Env | undefined;
  let db: Database | undefined;
  try {
    env = loadEnv();
    if (role(env) === 'primary') {
      superviseWorkers({
        count: env.WORKERS,
        shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
        report: (line) => process.stderr.write(`atelier-flow: ${line}\n`),
      });
      return;
    }
    db = await openLoggedDatabase(env);
    const app = await buildApp({ db, env });
    const { applied, total } = await migrate(db);
    app.log.info(
      { applied, total },
      applied.length > 0 ? `applied ${applied.length} migration(s)` : 'database schema up to date',
    );
    await seedFirstStart(app, db, env);
    // Orders whose last piece finished just before a process stopped, before it settled them.
    const settled = await settleOrders(db, 'all', 'system', new Date());
    if (settled > 0) app.log.info(`closed ${settled} finished order(s)`);
    // And from then on, now and then (another replica's process may stop at that moment too).
    const sweep = startSettleSweep(db, app.log);
    app.addHook('onClose', () => sweep.stop());
    await app.listen({ port: env.PORT, host: env.HOST });
    closeOnSignals(app, db, env.SHUTDOWN_TIMEOUT_MS);
    const worker = role(env) === 'worker' ? `, one of ${env.WORKERS} workers` : '';
    app.log.info(readyLine(publicUrl(app, env), `database: ${db.kind}${worker}`, env.WEB_DEV_URL));
  } catch (error) {
    await db?.close().catch(() => undefined);
    fail(error, env);
  }
}

/** Opens the database, reporting retries and stale locks on stderr before the app logger exists. */
function openLoggedDatabase(env: Env): Promise<Database> {
  const line = (level: string) => (message: string) => process.stderr.write(`atelier-flow: ${level}: ${message}\n`);
  return openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    connectRetryMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    poolSize: env.DATABASE_POOL_SIZE,
    log: { info: line('info'), warn: line('warn') },
  });
}

await main();
