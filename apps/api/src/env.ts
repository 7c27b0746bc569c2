import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/open-postgres.ts';

/**
 * The server's configuration. This module is the only place that reads `process.env`: every
 * variable is declared once below (name, default, meaning, zod schema), validated at start, and
 * the same table feeds the README.
 */

/** Absolute path of the repository root, from this file's location so it does not depend on cwd. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;

function integer(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.string().regex(/^\d+$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message));
}

function boolean() {
  return z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .transform((value) => value === 'true' || value === '1' || value === 'yes');
}

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgresql:' || url.protocol === 'postgres:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL like postgresql://user@host:5432/dbname')
  .optional();

/** One configuration variable: its meaning, its default (as written in the environment) and its parser. */
interface Variable<T> {
  readonly description: string;
  readonly default?: string;
  /** Never echo the value in error messages (it may hold a password). */
  readonly secret?: boolean;
  readonly schema: z.ZodType<T, string | undefined>;
}

const variables = {
  PORT: {
    description: 'HTTP port for the API and the web app (0: any free port).',
    default: '3000',
    schema: integer(0, 65535),
  },
  HOST: { description: 'Interface to listen on.', default: '0.0.0.0', schema: z.string().min(1) },
  DATABASE_URL: {
    description: 'PostgreSQL connection URL. When unset, the embedded PGlite database in DATA_DIR is used.',
    secret: true,
    schema: postgresUrl,
  },
  DATA_DIR: {
    description: 'Folder of the embedded PGlite database (one server process at a time).',
    default: `${repoRoot}/data`,
    schema: z.string().min(1),
  },
  DATABASE_CONNECT_TIMEOUT_MS: {
    description: 'How long to keep retrying an unreachable PostgreSQL at start before giving up.',
    default: '30000',
    schema: integer(0, 600_000),
  },
  DATABASE_POOL_SIZE: {
    description: 'Connections each server process (each of the WORKERS) opens to PostgreSQL at most.',
    default: String(DEFAULT_POOL_SIZE),
    schema: integer(1, 200),
  },
  SEED_DEMO: {
    description: 'Load the demo data set on the first start of an empty embedded database.',
    default: 'true',
    schema: boolean(),
  },
  WEB_DIST_DIR: {
    description: 'Built web app served on `/` (`pnpm --filter @atelier/web build`).',
    default: `${repoRoot}/apps/web/dist`,
    schema: z.string().min(1),
  },
  WEB_DEV_URL: {
    description:
      'Set by `pnpm dev`: the hot-reloading web app (Vite), announced in the ready line as the address to open.',
    schema: z.url({ error: 'must be a URL like http://localhost:5173' }).optional(),
  },
  LOG_LEVEL: {
    description: `Log level: ${LOG_LEVELS.join(', ')}.`,
    default: 'info',
    schema: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }),
  },
  LOG_FORMAT: {
    description:
      'Log lines: pretty (readable, one line per request) or json (one JSON object per line); auto: pretty when stdout is a terminal, else json.',
    default: 'auto',
    schema: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }),
  },
  LOG_REQUESTS: {
    description:
      'Log every request and its answer at info level (an access log: one line a request when pretty, two JSON lines otherwise).',
    default: 'true',
    schema: boolean(),
  },
  BODY_LIMIT_BYTES: {
    description: 'Largest accepted request body, in bytes.',
    default: String(1024 * 1024),
    schema: integer(1024, 100 * 1024 * 1024),
  },
  SHUTDOWN_TIMEOUT_MS: {
    description: 'On SIGTERM/SIGINT, how long in-flight requests may take before the process exits anyway.',
    default: '10000',
    schema: integer(0, 600_000),
  },
  WORKERS: {
    description:
      'Server processes sharing the port, e.g. one per core (PostgreSQL only: the embedded database lives in one process).',
    default: '1',
    schema: integer(1, 64),
  },
  TRUST_PROXY: {
    description: 'Trust X-Forwarded-* headers (set when running behind a load balancer).',
    default: 'false',
    schema: boolean(),
  },
  ASSIGNMENT_TICK_MS: {
    description:
      'Milliseconds between passes of the assignment engine (auto-assign, offers, claim timeouts, overdue); every replica runs them, taking turns; 0: no timer.',
    default: '2000',
    schema: integer(0, 3_600_000),
  },
  STATION_AUTO_PAIR: {
    description:
      'Demo: pair any unpaired browser to the demo station ("Shop-floor tablet") without a code. Default: true on the embedded database, false with DATABASE_URL.',
    schema: boolean().optional(),
  },
} satisfies Record<string, Variable<unknown>>;

type Variables = typeof variables;

/** The validated configuration, keyed by variable name. */
export type Env = {
  readonly [K in Exclude<keyof Variables, 'STATION_AUTO_PAIR'>]: z.output<Variables[K]['schema']>;
} & {
  /** Resolved: unset means on for the embedded database only. */
  readonly STATION_AUTO_PAIR: boolean;
};

/** A row of the configuration table, for documentation. */
export interface EnvVariableDoc {
  readonly name: string;
  readonly default: string | undefined;
  readonly description: string;
}

/** Every configuration variable with its default and meaning (the README's configuration table). */
export const envVariables: readonly EnvVariableDoc[] = Object.entries(variables).map(([name, variable]) => ({
  name,
  default: 'default' in variable ? variable.default : undefined,
  description: variable.description,
}));

/** A configuration value that failed validation; `message` is one line naming the variable. */
export class EnvError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
    value?: string,
  ) {
    const shown = value === undefined ? '' : `=${JSON.stringify(value)}`;
    super(`Invalid environment variable ${variable}${shown}: ${detail}.`);
    this.name = 'EnvError';
  }
}

/**
 * Reads and validates the configuration. An empty value counts as unset (so `PORT=` means the
 * default). Throws an {@link EnvError} for the first invalid variable.
 */
export function loadEnv(source: Readonly<Record<string, string | undefined>> = process.env): Env {
  const env: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(variables) as [string, Variable<unknown>][]) {
    const raw = source[name] === '' ? undefined : source[name];
    const result = variable.schema.safeParse(raw ?? variable.default);
    if (!result.success) {
      const detail = result.error.issues[0]?.message ?? 'invalid value';
      throw new EnvError(name, detail, variable.secret ? undefined : (raw ?? ''));
    }
    env[name] = result.data;
  }
  if (env.WORKERS !== 1 && env.DATABASE_URL === undefined) {
    throw new EnvError(
      'WORKERS',
      'more than 1 needs DATABASE_URL (the embedded database lives in one process)',
      source.WORKERS,
    );
  }
  // Auto-pairing is for the demo on the embedded database; a real deployment pairs stations with codes.
  env.STATION_AUTO_PAIR ??= env.DATABASE_URL === undefined;
  return env as Env;
}
