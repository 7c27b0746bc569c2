import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadEnv } from '../env.ts';
import { processTreeCpuSeconds } from '../testing/process-tree.ts';
import { benchAssignmentDecisions } from './bench-assignment.ts';
import { runOperatorLoad, type BenchOperator, type OperatorLoadResult, type TakeMode } from './operator-load.ts';

/**
 * `pnpm bench:api`: the work queue's throughput against the machine's ceiling for small
 * transactions. Against the PostgreSQL server in DATABASE_URL: pgbench TPC-B (8 clients, 15 s) on a
 * scratch database, then the production server (`src/server.ts`, one worker process per core, on
 * another scratch database) under 32 simulated operators doing claim → start → complete over HTTP
 * for 20 s (after 15 s of the same load to warm up); then the same load on embedded PGlite (one
 * process). Prints ONE JSON line. Targets on PostgreSQL: ratio (commands/s ÷ pgbench tps) ≥ 0.5,
 * p99 ≤ 50 ms. Before all that, in process: one assignment decision (200 operators, 5,000 ready items:
 * `assignmentDecisionP50Ms` / `P99Ms`, target p99 ≤ 5 ms; the servers run without the engine's
 * timer). pgbench runs again after the PostgreSQL load (`pgbenchTpsAfter`), so a drift of the
 * machine's speed during the run shows.
 *
 * Options: `--workers=N` server processes on PostgreSQL instead of one per core; `--take=list`
 * makes operators read the queue and claim from it instead of "take next" (see `TakeMode`).
 */

const OPERATORS = 32;
// Enough for the whole run at well over 1,000 commands/s (12 commands a piece): a run that empties
// the queue is refused rather than reported.
const PIECES = 8000;
// The same load runs this long before the 20 s that count: V8's optimising compiler took a fifth of
// the API's CPU in the first seconds (perf, --perf-basic-prof) and 2 % after 30 s. Measured is the
// steady state a server that runs all day is in.
const WARMUP_MS = 15_000;
const LOAD_MS = 20_000;
const PGBENCH_SECONDS = 15;
const PGBENCH_CLIENTS = 8;
// One server process per core on PostgreSQL, as a deployment on this machine runs (WORKERS); PGlite
// is embedded in its one process.
const WORKERS = Number(
  process.argv.find((arg) => /^--workers=\d+$/.test(arg))?.slice('--workers='.length) ?? availableParallelism(),
);
const TAKE: TakeMode = process.argv.includes('--take=list') ? 'list' : 'next';

const run = promisify(execFile);

function scratchUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a scratch database, runs `work` on its URL, and drops it whatever happens. */
async function withScratchDatabase<T>(
  serverUrl: string,
  prefix: string,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      return await work(scratchUrl(serverUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/** pgbench TPC-B on a scratch database: the server's ceiling for small write transactions. */
async function pgbenchTps(serverUrl: string): Promise<number> {
  return withScratchDatabase(serverUrl, 'af_bench_pgbench', async (url) => {
    await run('pgbench', ['-i', '-q', url]);
    const { stdout } = await run('pgbench', [
      '-c',
      String(PGBENCH_CLIENTS),
      '-j',
      '2',
      '-T',
      String(PGBENCH_SECONDS),
      url,
    ]);
    const match = /tps = ([\d.]+)/.exec(stdout);
    if (match === null) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(match[1]);
  });
}

/** The load's figures plus the server's CPU per command (all its processes): a cost that does not depend on what else the machine runs. */
type ApiLoadResult = OperatorLoadResult & { apiCpuMsPerCommand: number; workers: number };

const PREPARE = fileURLToPath(new URL('./bench-prepare.ts', import.meta.url));
const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));

/** Runs a TypeScript entry point of this package as a child process (the parent's tsx loader flags). */
function spawnScript(script: string, args: string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [...process.execArgv, script, ...args], { env, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Prepares routing, released pieces and signed-in operators on the database of `env`. */
async function prepareWork(env: Record<string, string | undefined>): Promise<BenchOperator[]> {
  const child = spawnScript(PREPARE, [String(OPERATORS), String(PIECES)], env);
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`Preparing the benchmark's work failed (exit ${code})`);
  return (JSON.parse(out.trim().split('\n').at(-1) ?? '') as { operators: BenchOperator[] }).operators;
}

/** Resolves with the port of a starting server (`src/server.ts`) once all its workers are ready. */
async function readyPort(server: ChildProcess, workers: number): Promise<number> {
  const lines = createInterface({ input: server.stdout as NodeJS.ReadableStream });
  let ready = 0;
  return new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      const port = /is ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1];
      if (port !== undefined && ++ready === workers) resolve(Number(port));
    });
    server.once('exit', (code) => reject(new Error(`The benchmark's server exited with ${code} before it was ready`)));
  });
}

/**
 * Prepares the work on the database (PostgreSQL at `databaseUrl`, else a new PGlite folder), starts
 * the server on it as in production (`WORKERS` processes; no access log), runs the load, stops it.
 */
async function loadApi(databaseUrl: string | undefined, workers: number): Promise<ApiLoadResult> {
  const dataDir = databaseUrl === undefined ? mkdtempSync(join(tmpdir(), 'af-bench-')) : undefined;
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir };
  if (databaseUrl === undefined) delete env.DATABASE_URL;
  const samples: NodeJS.Timeout[] = [];
  let server: ChildProcess | undefined;
  try {
    const operators = await prepareWork(env);
    const serverEnv = {
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      WORKERS: String(workers),
      LOG_LEVEL: 'info',
      LOG_REQUESTS: 'false',
      SEED_DEMO: 'false',
      // The figures without the assignment engine (the benched nodes are pool nodes, so it would only record decisions).
      ASSIGNMENT_TICK_MS: '0',
      WEB_DIST_DIR: join(tmpdir(), 'atelier-no-web-dist'),
    };
    server = spawnScript(SERVER, [], serverEnv);
    const port = await readyPort(server, workers);
    const pid = server.pid as number;
    const cpu: number[] = [];
    const sample = (delayMs: number) => setTimeout(() => cpu.push(processTreeCpuSeconds(pid)), delayMs);
    samples.push(sample(WARMUP_MS), sample(WARMUP_MS + LOAD_MS));
    const result = await runOperatorLoad({ port, operators, take: TAKE, warmupMs: WARMUP_MS, durationMs: LOAD_MS });
    if (result.ranOutOfWork)
      throw new Error(`The operators ran out of work before the window ended: release more than ${PIECES} pieces`);
    const [start = 0, end = 0] = cpu;
    const commands = result.commandsPerSec * (LOAD_MS / 1000);
    return {
      ...result,
      workers,
      apiCpuMsPerCommand: commands === 0 ? 0 : Math.round(((end - start) * 1000 * 100) / commands) / 100,
    };
  } finally {
    for (const timer of samples) clearTimeout(timer);
    if (server !== undefined && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Progress on stderr, so stdout stays the one JSON line. */
function progress(line: string): void {
  process.stderr.write(`bench:api: ${line}\n`);
}

async function main(): Promise<void> {
  const serverUrl = loadEnv().DATABASE_URL;
  if (serverUrl === undefined) {
    process.stderr.write('bench:api needs DATABASE_URL (a PostgreSQL server where it may create scratch databases)\n');
    process.exit(1);
  }
  // In-process and first, before the servers load the machine.
  const decisions = benchAssignmentDecisions();
  progress(
    `assignment decision: p50 ${decisions.assignmentDecisionP50Ms} ms, p99 ${decisions.assignmentDecisionP99Ms} ms`,
  );
  const tps = await pgbenchTps(serverUrl);
  progress(`pgbench: ${Math.round(tps)} tps`);
  const postgres = await withScratchDatabase(serverUrl, 'af_bench_api', (url) => loadApi(url, WORKERS));
  progress(`postgresql (${WORKERS} workers): ${postgres.commandsPerSec} commands/s, p99 ${postgres.p99Ms} ms`);
  // Once more after the load: on a shared machine the ceiling itself drifts, and the two show by how much.
  const tpsAfter = await pgbenchTps(serverUrl);
  progress(`pgbench again: ${Math.round(tpsAfter)} tps`);
  const pglite = await loadApi(undefined, 1);
  progress(`pglite: ${pglite.commandsPerSec} commands/s, p99 ${pglite.p99Ms} ms`);
  const { commandsPerSec, completionsPerSec, p50Ms, p99Ms, ...detail } = postgres;
  process.stdout.write(
    `${JSON.stringify({
      commandsPerSec,
      completionsPerSec,
      p50Ms,
      p99Ms,
      pgbenchTps: Math.round(tps),
      ratio: Math.round((commandsPerSec / tps) * 1000) / 1000,
      pgbenchTpsAfter: Math.round(tpsAfter),
      ...decisions,
      targets: { ratio: 0.5, p99Ms: 50, assignmentDecisionP99Ms: 5 },
      operators: OPERATORS,
      take: TAKE,
      loadSeconds: LOAD_MS / 1000,
      ...detail,
      pglite,
    })}\n`,
  );
}

await main();
