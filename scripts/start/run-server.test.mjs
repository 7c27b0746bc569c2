import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAME_REQUEST_MS } from './run-server.mjs';

// A stand-in server that reports every signal it gets and exits 0 on the second (or as told).
const server = `
let count = 0;
const onSignal = (signal) => {
  count += 1;
  console.log('got ' + signal + ' ' + count);
  if (count === 2) process.exit(0);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
if (process.argv[2] === 'exit-3') process.exit(3);
if (process.argv[2] === 'die') process.kill(process.pid, 'SIGKILL');
console.log('ready');
setInterval(() => undefined, 1000);
`;

describe('runServer: the start command relays each stop request to the server once', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'atelier-run-server-'));
    writeFileSync(join(dir, 'server.cjs'), server);
    writeFileSync(
      join(dir, 'launcher.mjs'),
      `import { runServer } from ${JSON.stringify(new URL('./run-server.mjs', import.meta.url).href)};
process.exitCode = await runServer({ command: [process.execPath, 'server.cjs', ...process.argv.slice(2)], cwd: ${JSON.stringify(dir)} });`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The launcher leading its own process group, as a terminal's foreground job. */
  function launch(...args) {
    const child = spawn(process.execPath, ['launcher.mjs', ...args], { cwd: dir, detached: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
    const until = async (text) => {
      while (!output.includes(text)) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    return { child, exited, until, output: () => output };
  }
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  it('takes the copies of one Ctrl-C (the terminal’s and npm’s) as one, and a later one as the next', async () => {
    const run = launch();
    await run.until('ready');
    const group = -(/** @type {number} */ (run.child.pid));
    process.kill(group, 'SIGINT');
    process.kill(run.child.pid, 'SIGINT');
    await sleep(SAME_REQUEST_MS / 2);
    assert.equal(run.output(), 'ready\ngot SIGINT 1\n');
    await sleep(SAME_REQUEST_MS);
    process.kill(group, 'SIGINT');
    assert.equal(await run.exited, 0);
    assert.equal(run.output(), 'ready\ngot SIGINT 1\ngot SIGINT 2\n');
  });

  it('passes SIGTERM on, and a hang-up as SIGTERM', async () => {
    const run = launch();
    await run.until('ready');
    run.child.kill('SIGTERM');
    await run.until('got SIGTERM 1');
    await sleep(SAME_REQUEST_MS + 100);
    run.child.kill('SIGHUP');
    assert.equal(await run.exited, 0);
    assert.equal(run.output(), 'ready\ngot SIGTERM 1\ngot SIGTERM 2\n');
  });

  it('ends with the server’s exit code, or 128 + the signal that killed it', async () => {
    assert.equal(await launch('exit-3').exited, 3);
    assert.equal(await launch('die').exited, 128 + 9);
  });
});
