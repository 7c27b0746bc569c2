import { spawn } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { repoRoot } from '../env.ts';
import { pnpmCommand } from '../testing/pnpm-command.ts';

/** Runs `pnpm test <args>` in the repository root, as a user types it. */
async function pnpmTest(args: readonly string[]): Promise<{ code: number | null; output: string }> {
  const { path, cli } = pnpmCommand();
  const env: Record<string, string | undefined> = { ...process.env, PATH: path, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  // pnpm sets it to where the command was typed, unless an outer pnpm (turbo's) already did.
  delete env.INIT_CWD;
  const child = spawn(process.execPath, [cli, 'test', ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // A test that times out leaves nothing running (a runner that ignored the file runs everything).
  onTestFinished(() => {
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // Gone already.
    }
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

describe('pnpm test <file>', () => {
  it('runs just that test file, with its own package`s runner, and none of the other steps', async () => {
    const { code, output } = await pnpmTest(['packages/domain/src/routing/test-graphs.test.ts']);
    expect(code).toBe(0);
    expect(output).toContain('src/routing/test-graphs.test.ts');
    expect(output).toMatch(/Test Files\D+1 passed \(1\)/);
    expect(output).not.toContain('== lint');
  }, 180_000);

  it('says so, exit 2, for a file that does not exist', async () => {
    const { code, output } = await pnpmTest(['packages/domain/src/no-such.test.ts']);
    expect(code).toBe(2);
    expect(output).toContain('pnpm test: no such test file or folder: packages/domain/src/no-such.test.ts');
  }, 180_000);
});
