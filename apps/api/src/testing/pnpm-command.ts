import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';

/** Where `pnpm` is on `path`, or undefined. */
function whichPnpm(path: string): string | undefined {
  try {
    return (
      execFileSync('which', ['pnpm'], { encoding: 'utf8', env: { ...process.env, PATH: path } }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

let cached: { path: string; cli: string } | undefined;

/**
 * A PATH on which `pnpm` runs (this process's, or with the folder of the pnpm `npx -y pnpm@10`
 * runs in front when `npx vitest` started the tests), and pnpm's own script on it, which a test
 * runs with node so that it signals pnpm itself rather than npx and its shell.
 */
export function pnpmCommand(): { readonly path: string; readonly cli: string } {
  if (cached !== undefined) return cached;
  const current = process.env.PATH ?? '';
  const found = whichPnpm(current);
  if (found !== undefined) {
    cached = { path: current, cli: realpathSync(found) };
  } else {
    const viaNpx = execFileSync('npx', ['-y', '-p', 'pnpm@10', 'which', 'pnpm'], { encoding: 'utf8' }).trim();
    cached = { path: `${dirname(viaNpx)}${delimiter}${current}`, cli: realpathSync(viaNpx) };
  }
  return cached;
}
