import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The production build and the real server on a fresh embedded database (`../start-server.sh`). */
export interface BenchServer {
  readonly baseURL: string;
  stop(): Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Builds the SPA, starts the server on `port` and waits until it answers its health check. */
export async function startBenchServer(port: number): Promise<BenchServer> {
  const child: ChildProcess = spawn('bash', [join(here, '..', 'start-server.sh')], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${baseURL}/api/v1/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('the server did not start within 4 minutes');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    baseURL,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
