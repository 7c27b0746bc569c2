// The README's start command, run for real in this checkout: a warm start prepares nothing, and
// every way a user or a service manager stops it ends cleanly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { prepare } from './prepare.mjs';
import { pnpmCommand, STAMP_FILE, startSteps } from './steps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Generous: the suite may share two cores with other work; speed is measured by measure-start-command.mjs.
const TIMEOUT = 240_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const folders = [];
/** @type {import('node:child_process').ChildProcess[]} */
const groups = [];

/**
 * Starts `command` in the repository root on a fresh embedded database, leading its own process
 * group as a terminal's foreground job does; resolves once the server is ready, with its URL.
 * @param {readonly [string, ...string[]]} command
 */
async function start([file, ...args]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-start-command-'));
  folders.push(dataDir);
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SEED_DEMO: 'false',
    LOG_FORMAT: 'json',
  };
  delete env.DATABASE_URL;
  const child = spawn(file, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  groups.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  let url;
  while ((url = /is ready at (http:\/\/\S+)/.exec(output)?.[1]) === undefined) {
    if (child.exitCode !== null) throw new Error(`exited before it was ready:\n${output}`);
    await sleep(50);
  }
  return { pid: /** @type {number} */ (child.pid), url, exited, output: () => output };
}

describe('the start command (npm start, pnpm start)', () => {
  before(
    () =>
      prepare({
        root,
        steps: startSteps(process.env),
        stampFile: join(root, STAMP_FILE),
        log: (line) => process.stdout.write(`# ${line}\n`),
      }),
    { timeout: 10 * 60_000 },
  );
  after(() => {
    for (const child of groups) {
      try {
        process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  const npmStart = /** @type {const} */ (['npm', 'start']);
  const cases = [
    ['npm start', 'Ctrl-C (SIGINT to the process group)', npmStart, 'SIGINT', 'group'],
    ['npm start', 'SIGTERM to npm (a service manager)', npmStart, 'SIGTERM', 'leader'],
    ['npm start', 'SIGTERM to every process (a container or cgroup stop)', npmStart, 'SIGTERM', 'group'],
    ['pnpm start', 'Ctrl-C', pnpmCommand(process.env, 'start'), 'SIGINT', 'group'],
    ['pnpm start', 'SIGTERM to pnpm', pnpmCommand(process.env, 'start'), 'SIGTERM', 'leader'],
  ];
  for (const [name, how, command, signal, target] of cases) {
    it(
      `${name}: warm, it prepares nothing; on ${how} it stops cleanly: exit 0, one "stopped" line, no failure noise`,
      { timeout: TIMEOUT },
      async () => {
        const server = await start(command);
        assert.equal((await fetch(`${server.url}/api/v1/health`)).status, 200);
        assert.doesNotMatch(server.output(), /^atelier-flow: (installing|generating|building)/m);
        process.kill(target === 'group' ? -server.pid : server.pid, signal);
        const exitCode = await Promise.race([server.exited, sleep(60_000).then(() => 'still running after 60 s')]);
        assert.equal(exitCode, 0);
        const output = server.output();
        assert.doesNotMatch(output, /npm (error|ERR)|ELIFECYCLE|ERR_PNPM|Command failed|again: exiting/);
        assert.deepEqual(
          output
            .split('\n')
            .filter((line) => line.includes('stopped'))
            .map((line) => JSON.parse(line).msg),
          ['stopped'],
        );
      },
    );
  }
});
