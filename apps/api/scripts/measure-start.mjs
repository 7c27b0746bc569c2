// Start-up time of the whole server process, as one JSON line: from spawning `src/server.ts` to
// its "ready" log line (listening), on an empty embedded data folder (migrate + demo seed) and then
// on the existing folder, plus how long a SIGTERM drain takes. Targets (issue F1): first start
// <= 30 s, start with an existing database <= 5 s. Run: `node apps/api/scripts/measure-start.mjs`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESTARTS = 3;

/** Starts a server on `dataDir`; resolves with the ms until it announced it is ready, and the child. */
function start(dataDir) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      if (output.includes('is ready at'))
        resolve({
          child,
          ms: Math.round(performance.now() - started),
          seeded: output.includes('loaded the demo data'),
        });
    });
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Sends SIGTERM; resolves with the ms until the process exited, and its exit code. */
function stop(child) {
  const started = performance.now();
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve({ ms: Math.round(performance.now() - started), code }));
    child.kill('SIGTERM');
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dataDir = mkdtempSync(join(tmpdir(), 'atelier-measure-start-'));
try {
  const first = await start(dataDir);
  const firstStop = await stop(first.child);
  const restarts = [];
  const stops = [firstStop.ms];
  for (let i = 0; i < RESTARTS; i += 1) {
    const run = await start(dataDir);
    restarts.push(run.ms);
    const stopped = await stop(run.child);
    stops.push(stopped.ms);
    if (stopped.code !== 0) throw new Error(`server exited with ${stopped.code} on SIGTERM`);
  }
  const restartMedianMs = median(restarts);
  console.log(
    JSON.stringify({
      firstStartMs: first.ms,
      firstStartSeeded: first.seeded,
      restartMs: restarts,
      restartMedianMs,
      shutdownMs: stops,
      targets: { firstStartMs: 30_000, restartMs: 5_000 },
      ok: first.ms <= 30_000 && restartMedianMs <= 5_000 && firstStop.code === 0,
    }),
  );
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
