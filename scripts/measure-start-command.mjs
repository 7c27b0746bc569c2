// Measures the README's start command as a new user meets it, and prints one JSON line: a fresh
// `git clone` of this checkout's HEAD in a temporary folder, its first `npm start` (install,
// Prisma client, web build, migrations, demo data) until `GET /api/v1/health` answers 200, then
// warm starts on the same clone, each stopped like a user does (Ctrl-C to the terminal's process
// group, or SIGTERM to npm as a service manager does) and checked to stop cleanly: exit code 0,
// one "stopped" line, no npm error. Target: a warm start is healthy within 4 s.
//
//   node scripts/measure-start-command.mjs [--port 3305] [--warm 4] [--keep]
//                                          [--commit <rev>] [--command "npx -y pnpm@10 start"]
//                                          [--first "npx -y pnpm@10 install"]
//
// `--commit` and `--command` measure another revision or spelling the same way, for a before/after
// comparison on the same machine at the same time (e.g. the commit before `npm start` existed);
// `--first` is a command a user has to run before the first start (its time counts in the first).
//
// Besides wall time it reports the CPU time the command's processes used until healthy (Linux),
// which a machine busy with other work inflates far less than the wall time, and the server
// started alone (`node --import tsx src/server.ts`, what the command ends with) between the warm
// starts: what the command adds to it is `commandOverheadMedianMs`.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TARGET_WARM_START_MS = 4000;
const HEALTHY_WITHIN_MS = 10 * 60_000;
const STOPPED_WITHIN_MS = 60_000;

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '3305' },
    warm: { type: 'string', default: '4' },
    keep: { type: 'boolean', default: false },
    commit: { type: 'string', default: 'HEAD' },
    command: { type: 'string', default: 'npm start' },
    first: { type: 'string' },
  },
});
const port = Number(options.port);
const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const healthUrl = `http://127.0.0.1:${port}/api/v1/health`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string[]} args */
function git(...args) {
  const result = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** The environment of a user's shell: none of this script's npm/pnpm variables, no database or folder overrides. */
function userEnv() {
  const env = { ...process.env, PORT: String(port) };
  for (const name of Object.keys(env))
    if (/^(npm_|pnpm_|INIT_CWD$|DATABASE_URL$|DATA_DIR$|WEB_DIST_DIR$|WORKERS$)/i.test(name)) delete env[name];
  return env;
}

/** CPU milliseconds used so far by `pid` and its descendants, those still running and those they reaped; `null` off Linux. */
function treeCpuMs(pid) {
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  /** @type {Map<number, { parent: number, ticks: number }>} */
  const processes = new Map();
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …, utime (14), stime, cutime, cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ticks = fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0);
      processes.set(Number(name), { parent: Number(fields[1]), ticks });
    } catch {
      // It exited meanwhile.
    }
  }
  let ticks = 0;
  const visit = (id) => {
    ticks += processes.get(id)?.ticks ?? 0;
    for (const [child, info] of processes) if (info.parent === id) visit(child);
  };
  visit(pid);
  return ticks * 10; // USER_HZ is 100 on Linux.
}

async function healthy() {
  try {
    const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

const START = /** @type {[string, ...string[]]} */ (options.command.split(' ').filter(Boolean));
/** The server alone, as the start command runs it once everything is prepared: the floor of a warm start. */
const SERVER_ALONE = /** @type {const} */ ([process.execPath, '--import', 'tsx', 'src/server.ts']);

/**
 * Runs `command` in `cwd` until healthy, then stops it `how`.
 * @param {string} cwd
 * @param {'Ctrl-C' | 'SIGTERM'} how Ctrl-C: SIGINT to the process group, as a terminal sends; SIGTERM: to the process started only (npm), as a service manager sends.
 * @param {readonly [string, ...string[]]} command
 */
async function startAndStop(cwd, how, [file, ...args] = START) {
  if (await healthy()) throw new Error(`something already answers on ${healthUrl}`);
  const started = performance.now();
  // Its own process group, as a terminal's foreground job, so Ctrl-C can go to all of it.
  const child = spawn(file, args, { cwd, env: userEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const closed = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  let exitedEarly = false;
  void closed.then(() => (exitedEarly = true));
  while (!(await healthy())) {
    if (exitedEarly) throw new Error(`${file} ${args.join(' ')} exited before it was healthy:\n${output}`);
    if (performance.now() - started > HEALTHY_WITHIN_MS) throw new Error(`not healthy after ${HEALTHY_WITHIN_MS} ms`);
    await sleep(25);
  }
  const healthyMs = Math.round(performance.now() - started);
  const cpuMs = treeCpuMs(child.pid ?? 0);
  const stopping = performance.now();
  const pid = /** @type {number} */ (child.pid);
  if (how === 'Ctrl-C') process.kill(-pid, 'SIGINT');
  else process.kill(pid, 'SIGTERM');
  const exitCode = await Promise.race([closed, sleep(STOPPED_WITHIN_MS).then(() => 'still running')]);
  const stopMs = Math.round(performance.now() - stopping);
  const stoppedLines = output.split('\n').filter((line) => /stopped/.test(line)).length;
  const clean = exitCode === 0 && stoppedLines === 1 && !/npm (error|ERR)|ELIFECYCLE|ERR_PNPM/.test(output);
  const steps = [...output.matchAll(/^atelier-flow: ([a-z][^(\n]*?) \(/gm)].map((match) => match[1]);
  return { healthyMs, cpuMs, steps, stop: { how, ms: stopMs, exitCode, clean }, output };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const folder = mkdtempSync(join(tmpdir(), 'atelier-measure-start-'));
const clone = join(folder, 'atelier-flow');
try {
  const commit = git('rev-parse', options.commit);
  const uncommitted = options.commit === 'HEAD' && git('status', '--porcelain', '--untracked-files=no') !== '';
  const loadAtStart = loadavg()[0];
  const cloning = performance.now();
  spawnSync('git', ['clone', '--quiet', repo, clone], { stdio: 'inherit' });
  spawnSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', commit], { stdio: 'inherit' });
  const cloneMs = Math.round(performance.now() - cloning);

  const beforeFirst = performance.now();
  if (options.first !== undefined) {
    const [file, ...args] = options.first.split(' ').filter(Boolean);
    const result = spawnSync(file, args, { cwd: clone, env: userEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`${options.first} failed`);
  }
  const firstCommandMs = Math.round(performance.now() - beforeFirst);
  const first = await startAndStop(clone, 'Ctrl-C');
  const warm = [];
  const serverAlone = [];
  for (let i = 0; i < Number(options.warm); i += 1) {
    warm.push(await startAndStop(clone, i % 2 === 0 ? 'SIGTERM' : 'Ctrl-C'));
    serverAlone.push(await startAndStop(join(clone, 'apps/api'), 'SIGTERM', SERVER_ALONE));
  }
  const runs = [first, ...warm];
  const warmStartMedianMs = median(warm.map((run) => run.healthyMs));
  const serverAloneMedianMs = median(serverAlone.map((run) => run.healthyMs));
  const failed = runs.find((run) => !run.stop.clean);
  if (failed !== undefined) process.stderr.write(`a stop was not clean; its output:\n${failed.output}\n`);
  console.log(
    JSON.stringify({
      command: options.command,
      commit,
      uncommitted,
      node: process.version,
      cloneMs,
      firstStart: {
        healthyMs: firstCommandMs + first.healthyMs,
        ...(options.first === undefined ? {} : { first: options.first, firstCommandMs }),
        cpuMs: first.cpuMs,
        steps: first.steps,
      },
      warmStartMs: warm.map((run) => run.healthyMs),
      warmStartCpuMs: warm.map((run) => run.cpuMs),
      warmStartMedianMs,
      warmStartSteps: [...new Set(warm.flatMap((run) => run.steps))],
      serverAloneMs: serverAlone.map((run) => run.healthyMs),
      serverAloneCpuMs: serverAlone.map((run) => run.cpuMs),
      commandOverheadMedianMs: warmStartMedianMs - serverAloneMedianMs,
      stops: runs.map((run) => run.stop),
      loadAverage1m: { atStart: loadAtStart, atEnd: loadavg()[0] },
      targets: { warmStartMs: TARGET_WARM_START_MS },
      ok: warmStartMedianMs <= TARGET_WARM_START_MS && failed === undefined,
    }),
  );
} finally {
  if (options.keep) process.stderr.write(`kept ${clone}\n`);
  else rmSync(folder, { recursive: true, force: true });
}
