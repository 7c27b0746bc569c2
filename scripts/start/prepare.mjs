// Runs the steps a start needs (install, generate, build) only when they are out of date, like a
// one-entry build cache: a step is skipped when the hash of its inputs and the hash of its outputs
// are what they were after its last successful run, recorded in a stamp file.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFiles } from './fingerprint.mjs';

/**
 * One step of a start.
 * @typedef {object} Step
 * @property {string} name Its key in the stamp file.
 * @property {string} doing What the line announcing it says, e.g. "building the web app".
 * @property {readonly string[]} inputs Files and folders (relative to the root) whose content decides the result.
 * @property {string} [extra] Settings outside those files that change the result (e.g. environment variables).
 * @property {readonly string[]} outputs What it writes: content-hashed, so an output that another command replaced or deleted makes it run again.
 * @property {readonly string[]} [present] Paths that must exist, without being hashed (e.g. `node_modules`).
 * @property {(root: string) => boolean} [doneElsewhere] True when the outputs are known to match the inputs without a stamp (e.g. pnpm's own record of what it installed).
 * @property {readonly [string, ...string[]]} command The command that does it.
 * @property {string} cwd Where the command runs, relative to the root.
 */

/**
 * @typedef {{ inputs: string, outputs: string }} StepStamp
 * @typedef {Record<string, StepStamp>} Stamps
 */

/**
 * @param {string} stampFile
 * @returns {Stamps}
 */
function readStamps(stampFile) {
  try {
    const stamps = JSON.parse(readFileSync(stampFile, 'utf8'));
    return typeof stamps === 'object' && stamps !== null ? stamps : {};
  } catch {
    return {};
  }
}

/**
 * Why `step` has to run, or `null` when it is up to date.
 * @param {string} root
 * @param {Step} step
 * @param {StepStamp | undefined} stamp
 * @param {string} inputs The hash of its inputs now.
 * @returns {string | null}
 */
export function staleReason(root, step, stamp, inputs) {
  const missing = [...step.outputs, ...(step.present ?? [])].find((path) => !existsSync(join(root, path)));
  if (missing !== undefined) return `${missing} is missing`;
  if (step.doneElsewhere?.(root) === true) return null;
  if (stamp === undefined) return 'no record of its last run';
  if (stamp.inputs !== inputs) return 'its sources changed';
  if (stamp.outputs !== hashFiles(root, step.outputs, { skip: new Set() }))
    return `${step.outputs.join(', ')} changed since its last run`;
  return null;
}

/**
 * Runs a command with the terminal's output; resolves with its exit code (1 when a signal ended it).
 * @param {readonly [string, ...string[]]} command
 * @param {string} cwd
 * @returns {Promise<number>}
 */
function run([file, ...args], cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

/**
 * Brings every step up to date, in order, announcing each one that runs on `log`. Each success
 * is recorded at once, so a later failure does not make it run again.
 * @param {{ root: string, steps: readonly Step[], stampFile: string, log: (line: string) => void }} options
 * @returns {Promise<{ ran: string[] }>} The names of the steps that ran.
 * @throws {Error} When a step's command fails (its output has said why).
 */
export async function prepare({ root, steps, stampFile, log }) {
  /** @type {string[]} */
  const ran = [];
  for (const step of steps) {
    const stamps = readStamps(stampFile);
    const inputs = hashFiles(root, step.inputs, { extra: step.extra });
    const reason = staleReason(root, step, stamps[step.name], inputs);
    if (reason === null) continue;
    log(`${step.doing} (${reason})`);
    const code = await run(step.command, join(root, step.cwd));
    if (code !== 0) throw new Error(`${step.doing} failed (exit code ${code})`);
    ran.push(step.name);
    const outputs = hashFiles(root, step.outputs, { skip: new Set() });
    // Read again: the step may have recreated the folder the stamps live in (an install).
    const next = { ...readStamps(stampFile), [step.name]: { inputs, outputs } };
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, `${JSON.stringify(next, null, 2)}\n`);
  }
  return { ran };
}
