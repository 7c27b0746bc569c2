import { spawn, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { loadEnv } from '../env.ts';
import { runOperatorLoad, type BenchOperator, type OperatorLoadResult, type TakeMode } from './operator-load.ts';

/**
 * `pnpm bench:api`: the work queue's throughput against the machine's ceiling for small
 * transactions. Against the PostgreSQL server in DATABASE_URL: pgbench TPC-B (8 clients, 15 s) on a
 * scratch database, then the API (its own process, on another scratch database) under 32 simulated
 * operators doing claim → start → complete over HTTP for 20 s (after 15 s of the same load to warm
 * up); then the same load on embedded PGlite. Prints ONE JSON line. Targets on PostgreSQL: ratio (commands/s ÷ pgbench tps) ≥ 0.5,
 * p99 ≤ 50 ms.
 *
 * Operators take a new piece with "take next" (`POST /work-items/claim-next`); `--take=list`
 * makes them read the queue and claim from it instead (see `TakeMode`).
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
const TAKE: TakeMode = process.argv.includes('--take=list') ? 'list' : 'next';

const run = promisify(execFile);

function scratchUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a scratch database, runs `work` on its URL, and drops it whatever happens. */
async function withScratchDatabase<T>(serverUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
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
    const { stdout } = await run('pgbench', ['-c', String(PGBENCH_CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), url]);
    const match = /tps = ([\d.]+)/.exec(stdout);
    if (match === null) throw new Error(`pgbench printed no tps:\n${stdout}`);
    return Number(match[1]);
  });
}

/** CPU seconds a process has used so far (Linux `/proc`; user + system clock ticks at 100 Hz). */
function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The load's figures plus the API process's CPU per command: a cost that does not depend on what else the machine runs. */
type ApiLoadResult = OperatorLoadResult & { apiCpuMsPerCommand: number };

/** Starts the API process on the given database (PGlite when `databaseUrl` is undefined), runs the load, stops it. */
async function loadApi(databaseUrl: string | undefined): Promise<ApiLoadResult> {
  const server = fileURLToPath(new URL('./bench-api-server.ts', import.meta.url));
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  if (databaseUrl === undefined) delete env.DATABASE_URL;
  // The parent's loader flags (tsx) let the child run TypeScript as well.
  const samples: NodeJS.Timeout[] = [];
  const child = spawn(process.execPath, [...process.execArgv, server, String(OPERATORS), String(PIECES)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout });
    const ready = await new Promise<{ port: number; operators: BenchOperator[] }>((resolve, reject) => {
      // The app's own log lines (JSON, e.g. "web app not built") share stdout: wait for the ready line.
      lines.on('line', (line) => {
        const parsed = JSON.parse(line) as { port?: number; operators?: BenchOperator[] };
        if (parsed.port !== undefined && parsed.operators !== undefined) resolve({ port: parsed.port, operators: parsed.operators });
      });
      child.once('exit', (code) => reject(new Error(`The benchmark API exited with ${code} before it was ready`)));
    });
    const cpu: number[] = [];
    const sample = (delayMs: number) => setTimeout(() => cpu.push(cpuSeconds(child.pid)), delayMs);
    samples.push(sample(WARMUP_MS), sample(WARMUP_MS + LOAD_MS));
    const result = await runOperatorLoad({ port: ready.port, operators: ready.operators, take: TAKE, warmupMs: WARMUP_MS, durationMs: LOAD_MS });
    if (result.ranOutOfWork) throw new Error(`The operators ran out of work before the window ended: release more than ${PIECES} pieces`);
    const [start = 0, end = 0] = cpu;
    const commands = result.commandsPerSec * (LOAD_MS / 1000);
    return { ...result, apiCpuMsPerCommand: commands === 0 ? 0 : Math.round(((end - start) * 1000 * 100) / commands) / 100 };
  } finally {
    for (const timer of samples) clearTimeout(timer);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
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
  const tps = await pgbenchTps(serverUrl);
  progress(`pgbench: ${Math.round(tps)} tps`);
  const postgres = await withScratchDatabase(serverUrl, 'af_bench_api', (url) => loadApi(url));
  progress(`postgresql: ${postgres.commandsPerSec} commands/s, p99 ${postgres.p99Ms} ms`);
  const pglite = await loadApi(undefined);
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
      targets: { ratio: 0.5, p99Ms: 50 },
      operators: OPERATORS,
      take: TAKE,
      loadSeconds: LOAD_MS / 1000,
      ...detail,
      pglite,
    })}\n`,
  );
}

await main();
