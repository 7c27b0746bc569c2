import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The server as a user runs it (`pnpm start`): a separate `tsx src/server.ts` process. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything it printed on stdout / stderr so far. */
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code once it has exited and its output is read to the end. */
  readonly exited: Promise<number | null>;
}

/** Options of {@link startServer}. */
export interface StartServerOptions {
  /** The server leads its own process group, so a test can signal it and its workers at once (as a terminal's Ctrl-C does). */
  readonly detached?: boolean;
  /** The command and its arguments, and where it runs; node on the server's entry point in apps/api by default. */
  readonly command?: readonly [string, ...string[]];
  readonly cwd?: string;
}

const apiDir = new URL('../..', import.meta.url).pathname;

/** Every server started here, so none outlives the test file (even when a test fails midway). */
const children = new Set<ChildProcess>();
/** Those leading their own process group: the whole group goes, so a server pnpm left behind does too. */
const groupLeaders = new Set<ChildProcess>();

/** Kills (SIGKILL) every server started by {@link startServer} that is still running, with its process group when it leads one. */
export function killAllServers(): void {
  for (const child of children) {
    if (groupLeaders.has(child)) {
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    } else if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
process.on('exit', killAllServers);

/**
 * Starts `tsx src/server.ts` configured by environment variables only, on 127.0.0.1 and a free
 * port, without the built web app. DATABASE_URL is removed from the child's environment unless
 * `env` sets it, so the embedded database is used and a shared PostgreSQL is never touched.
 */
export function startServer(env: Record<string, string>, options: StartServerOptions = {}): ServerProcess {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    WEB_DIST_DIR: join(tmpdir(), 'atelier-no-dist'),
    HOST: '127.0.0.1',
    PORT: '0',
    ...env,
  };
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  const [command, ...args] = options.command ?? [process.execPath, '--import', 'tsx', 'src/server.ts'];
  const child = spawn(command, args, {
    cwd: options.cwd ?? apiDir,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached === true,
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  children.add(child);
  if (options.detached === true) groupLeaders.add(child);
  // 'close': the process has exited and its output streams are read to the end.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * Generous: a first start (PGlite folder creation, migrations, demo seed) takes seconds alone but
 * much longer when the whole suite loads both cores. Speed itself is measured by measure-start.mjs.
 */
export const READY_WITHIN_MS = 240_000;

/** Waits up to `withinMs` for the "ready" log line and returns the URL it announces. */
export async function readyUrl(server: ServerProcess, withinMs = READY_WITHIN_MS): Promise<string> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const match = /is ready at (http:\/\/[\d.:a-z]+)/.exec(server.stdout());
    if (match?.[1]) return match[1];
    if (server.child.exitCode !== null) throw new Error(`server exited ${server.child.exitCode}: ${server.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready in time: ${server.stderr()}`);
}
