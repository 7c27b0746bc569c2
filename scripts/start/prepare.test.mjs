import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { prepare } from './prepare.mjs';

// A step that really runs: it copies src/ into out/ and counts its runs in runs.log.
const copy = `
const fs = require('node:fs');
fs.cpSync('src', 'out', { recursive: true });
fs.appendFileSync('runs.log', 'run\\n');
if (process.env.FAIL_STEP === '1') process.exit(3);
`;

describe('prepare: a step runs only when its inputs or outputs changed since its last run', () => {
  let root = '';
  /** @type {string[]} */
  let lines = [];
  const step = (overrides = {}) => ({
    name: 'copy',
    doing: 'copying',
    inputs: ['src'],
    outputs: ['out'],
    command: /** @type {[string, ...string[]]} */ ([process.execPath, '-e', copy]),
    cwd: '.',
    ...overrides,
  });
  const runs = () => readFileSync(join(root, 'runs.log'), 'utf8').split('\n').filter(Boolean).length;
  const write = (path, content) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const run = (steps = [step()]) =>
    prepare({ root, steps, stampFile: join(root, 'stamps/stamps.json'), log: (line) => lines.push(line) });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'atelier-prepare-'));
    lines = [];
    write('src/a.txt', 'one');
    write('runs.log', '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs the first time, then not again while nothing changed', async () => {
    assert.deepEqual(await run(), { ran: ['copy'] });
    assert.deepEqual(lines, ['copying (out is missing)']);
    assert.equal(readFileSync(join(root, 'out/a.txt'), 'utf8'), 'one');
    assert.deepEqual(await run(), { ran: [] });
    assert.deepEqual(await run(), { ran: [] });
    assert.equal(runs(), 1);
  });

  it('runs again when an input file changes, is added or is removed', async () => {
    await run();
    write('src/a.txt', 'two');
    assert.deepEqual(await run(), { ran: ['copy'] });
    assert.equal(lines.at(-1), 'copying (its sources changed)');
    assert.equal(readFileSync(join(root, 'out/a.txt'), 'utf8'), 'two');
    write('src/deep/b.txt', 'new');
    assert.deepEqual(await run(), { ran: ['copy'] });
    rmSync(join(root, 'src/deep/b.txt'));
    assert.deepEqual(await run(), { ran: ['copy'] });
    assert.deepEqual(await run(), { ran: [] });
    assert.equal(runs(), 4);
  });

  it('ignores installed packages and build outputs inside its inputs', async () => {
    await run();
    write('src/node_modules/pkg/index.js', 'x');
    write('src/dist/bundle.js', 'x');
    assert.deepEqual(await run(), { ran: [] });
  });

  it('runs again when its output is deleted or replaced by another command, not when it is rewritten unchanged', async () => {
    await run();
    rmSync(join(root, 'out'), { recursive: true });
    assert.deepEqual(await run(), { ran: ['copy'] });
    assert.equal(lines.at(-1), 'copying (out is missing)');
    write('out/a.txt', 'something else');
    assert.deepEqual(await run(), { ran: ['copy'] });
    assert.equal(lines.at(-1), 'copying (out changed since its last run)');
    write('out/a.txt', 'one');
    assert.deepEqual(await run(), { ran: [] });
  });

  it('runs again when a setting outside the files changes', async () => {
    await run([step({ extra: 'VITE_X=1' })]);
    assert.deepEqual(await run([step({ extra: 'VITE_X=1' })]), { ran: [] });
    assert.deepEqual(await run([step({ extra: 'VITE_X=2' })]), { ran: ['copy'] });
  });

  it('a step that failed runs again next time, and the steps after it do not run', async () => {
    const later = step({ name: 'later', doing: 'later', outputs: ['out'] });
    process.env.FAIL_STEP = '1';
    try {
      await assert.rejects(run([step(), later]), { message: 'copying failed (exit code 3)' });
    } finally {
      delete process.env.FAIL_STEP;
    }
    assert.equal(runs(), 1);
    assert.deepEqual(await run([step(), later]), { ran: ['copy', 'later'] });
    assert.deepEqual(await run([step(), later]), { ran: [] });
  });

  it('skips a step whose outputs are known to be current by other means, as long as they exist', async () => {
    write('out/a.txt', 'one');
    const installed = step({ outputs: [], present: ['out'], doneElsewhere: () => true });
    assert.deepEqual(await run([installed]), { ran: [] });
    rmSync(join(root, 'out'), { recursive: true });
    assert.deepEqual(await run([installed]), { ran: ['copy'] });
    assert.equal(lines.at(-1), 'copying (out is missing)');
  });
});
