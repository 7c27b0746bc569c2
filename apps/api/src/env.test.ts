import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, envVariables, loadEnv, repoRoot } from './env.ts';

function errorOf(source: Record<string, string>): EnvError {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error;
    throw error;
  }
  throw new Error('expected loadEnv to refuse the configuration');
}

describe('loadEnv', () => {
  it('uses the documented defaults when nothing is set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_URL: undefined,
      DATA_DIR: `${repoRoot}/data`,
      SEED_DEMO: true,
      WEB_DIST_DIR: `${repoRoot}/apps/web/dist`,
      LOG_LEVEL: 'info',
    });
  });

  it('resolves the default folders from the repository, not from the working directory', () => {
    expect(repoRoot).toMatch(/\/[^/]+$/);
    expect(loadEnv({}).DATA_DIR.startsWith(repoRoot)).toBe(true);
    expect(`${repoRoot}/apps/api/src/env.ts`).toBe(new URL('./env.ts', import.meta.url).pathname);
  });

  it('parses numbers, booleans and URLs', () => {
    const env = loadEnv({
      PORT: '8080',
      SEED_DEMO: 'false',
      TRUST_PROXY: 'yes',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      DATABASE_CONNECT_TIMEOUT_MS: '1500',
      DATABASE_POOL_SIZE: '4',
    });
    expect(env.DATABASE_POOL_SIZE).toBe(4);
    expect(env.PORT).toBe(8080);
    expect(env.SEED_DEMO).toBe(false);
    expect(env.TRUST_PROXY).toBe(true);
    expect(env.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/test');
    expect(env.DATABASE_CONNECT_TIMEOUT_MS).toBe(1500);
  });

  it('treats an empty value as unset', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'Invalid environment variable PORT="abc": must be a whole number from 0 to 65535.'],
    [{ PORT: '70000' }, 'PORT', 'Invalid environment variable PORT="70000": must be a whole number from 0 to 65535.'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO', 'Invalid environment variable SEED_DEMO="maybe": must be true or false.'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL',
      'Invalid environment variable LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent.',
    ],
  ])('refuses %o with one line naming the variable', (source, variable, message) => {
    const error = errorOf(source);
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it('takes several workers on PostgreSQL only', () => {
    expect(loadEnv({}).WORKERS).toBe(1);
    expect(loadEnv({ WORKERS: '4', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' }).WORKERS).toBe(4);
    const error = errorOf({ WORKERS: '2' });
    expect(error.variable).toBe('WORKERS');
    expect(error.message).toBe(
      'Invalid environment variable WORKERS="2": more than 1 needs DATABASE_URL (the embedded database lives in one process).',
    );
    expect(errorOf({ WORKERS: '0', DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test' }).variable).toBe(
      'WORKERS',
    );
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without echoing it (it may hold a password)', () => {
    const error = errorOf({ DATABASE_URL: 'mysql://root:hunter2@db/prod' });
    expect(error.variable).toBe('DATABASE_URL');
    expect(error.message).toBe(
      'Invalid environment variable DATABASE_URL: must be a PostgreSQL URL like postgresql://user@host:5432/dbname.',
    );
    expect(error.message).not.toContain('hunter2');
  });

  it('documents every variable it reads', () => {
    const names = envVariables.map((variable) => variable.name);
    expect(names.sort()).toEqual(Object.keys(loadEnv({})).sort());
    for (const variable of envVariables) expect(variable.description.length).toBeGreaterThan(10);
  });

  it('are each in .env.example, commented out, and it names no other', () => {
    const listed = [...readFileSync(join(repoRoot, '.env.example'), 'utf8').matchAll(/^# ([A-Z_]+)=/gm)].map(
      (match) => match[1],
    );
    expect(listed).toEqual(envVariables.map((variable) => variable.name));
  });
});
