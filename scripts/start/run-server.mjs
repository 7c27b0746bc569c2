// Runs the server as the start command's child and is its one relay for stop signals.
//
// The server leads its own process group, so a terminal's Ctrl-C reaches it only through here.
// That matters because a Ctrl-C arrives more than once: the terminal signals this process and
// npm (or pnpm) alike, and npm passes its copy on to us as well; the server takes a second signal
// for "stop now, without waiting", so it must get one per stop request.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Copies of one stop request arrive within this time of each other (the terminal's, npm's, a service manager's). */
export const SAME_REQUEST_MS = 1000;

/**
 * Starts `command` in `cwd` with the terminal's output and this process's environment, relays
 * SIGINT, SIGTERM and SIGHUP (as SIGTERM: the terminal went away) to it, and resolves with the
 * exit code this process should end with: the server's, or 128 + the signal's number if one
 * killed it.
 * @param {{ command: readonly [string, ...string[]], cwd: string, sameRequestMs?: number }} options
 * @returns {Promise<number>}
 */
export function runServer({ command: [file, ...args], cwd, sameRequestMs = SAME_REQUEST_MS }) {
  const server = spawn(file, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  let lastRelayed = Number.NEGATIVE_INFINITY;
  /** @param {NodeJS.Signals} signal */
  const relay = (signal) => {
    const now = performance.now();
    if (now - lastRelayed < sameRequestMs) return;
    lastRelayed = now;
    server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  };
  const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
  for (const signal of signals) process.on(signal, relay);
  // If this process ends by an error of its own, the server must not run on unattended.
  const stopServer = () => server.exitCode === null && server.signalCode === null && server.kill('SIGTERM');
  process.on('exit', stopServer);
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.on('exit', (code, signal) => {
      for (const name of signals) process.off(name, relay);
      process.off('exit', stopServer);
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal]));
    });
  });
}
