// What a start prepares before the server runs, with the inputs that decide each result. The
// server itself needs no build (tsx runs its TypeScript); the web app and the Prisma client do.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** @typedef {import('./prepare.mjs').Step} Step */

/** Where the start command records each step's last run (relative to the root; removed with `node_modules`). */
export const STAMP_FILE = 'node_modules/.cache/atelier-start/stamps.json';

/**
 * pnpm, without needing it installed: the one that runs this script (`pnpm start`), else pnpm 10
 * fetched by the npx beside the npm that runs it (`npm start`), else by the npx on PATH.
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} args
 * @returns {[string, ...string[]]}
 */
export function pnpmCommand(env, ...args) {
  const runner = env.npm_execpath ?? '';
  if (/^pnpm(\.c?js)?$/.test(basename(runner))) return [process.execPath, runner, ...args];
  if (basename(runner) === 'npm-cli.js')
    return [process.execPath, join(dirname(runner), 'npx-cli.js'), '-y', 'pnpm@10', ...args];
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', '-y', 'pnpm@10', ...args];
}

/**
 * True when pnpm's record of what it last installed (`node_modules/.pnpm/lock.yaml`) is the
 * lockfile, so an install a user ran by hand counts as well.
 * @param {string} root
 */
function installedByPnpm(root) {
  try {
    return readFileSync(join(root, 'node_modules/.pnpm/lock.yaml')).equals(readFileSync(join(root, 'pnpm-lock.yaml')));
  } catch {
    return false;
  }
}

/**
 * Environment variables Vite builds into the app.
 * @param {NodeJS.ProcessEnv} env
 */
function viteSettings(env) {
  return Object.keys(env)
    .filter((name) => name.startsWith('VITE_') || name === 'NODE_ENV')
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join('\n');
}

/**
 * The steps of `npm start` / `pnpm start`, in order.
 * @param {NodeJS.ProcessEnv} env
 * @returns {Step[]}
 */
export function startSteps(env) {
  return [
    {
      name: 'install',
      doing: 'installing the dependencies with pnpm',
      inputs: ['pnpm-lock.yaml'],
      outputs: [],
      present: ['node_modules/.modules.yaml', 'apps/api/node_modules', 'apps/web/node_modules'],
      doneElsewhere: installedByPnpm,
      command: pnpmCommand(env, 'install', '--frozen-lockfile'),
      cwd: '.',
    },
    {
      name: 'generate',
      doing: 'generating the Prisma client',
      // The inputs of turbo's `generate` task (turbo.json), and the lockfile for Prisma's version.
      inputs: [
        'prisma/schema.prisma',
        'apps/api/prisma.config.ts',
        'apps/api/scripts/prisma-generate.mjs',
        'apps/api/scripts/dmmf-generator.mjs',
        'pnpm-lock.yaml',
      ],
      outputs: ['apps/api/src/generated'],
      command: [process.execPath, 'scripts/prisma-generate.mjs'],
      cwd: 'apps/api',
    },
    {
      name: 'web',
      doing: 'building the web app',
      // The app and every workspace package it may import, the shared TypeScript settings and the
      // lockfile for the versions of Vite and the libraries.
      inputs: ['apps/web', 'packages', 'tsconfig.base.json', 'pnpm-lock.yaml'],
      extra: viteSettings(env),
      outputs: ['apps/web/dist'],
      command: [process.execPath, 'node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'],
      cwd: 'apps/web',
    },
  ];
}
