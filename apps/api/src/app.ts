import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import assignmentEngine from './assignment/assignment-engine-plugin.ts';
import type { Database } from './db/database.ts';
import type { Env } from './env.ts';
import { resolveLogFormat } from './logging/log-format.ts';
import { OneLineRequestLog } from './logging/one-line-request-log.ts';
import { prettyLogStream, type LineSink } from './logging/pretty-log-line.ts';
import auth from './plugins/auth.ts';
import contentEncoding from './plugins/content-encoding.ts';
import database from './plugins/database.ts';
import eventHub from './plugins/event-hub.ts';
import gracefulClose from './plugins/graceful-close.ts';
import idempotency from './plugins/idempotency.ts';
import openapi from './plugins/openapi.ts';
import problemDetails, { problemServerOptions } from './plugins/problem-details.ts';
import rememberedWorkItems from './plugins/remembered-work-items.ts';
import requestText from './plugins/request-text.ts';
import securityHeaders from './plugins/security-headers.ts';
import webApp from './plugins/web-app.ts';
import apiV1 from './routes/api/v1/index.ts';

/** The settings the app reads from the environment. */
export type AppEnv = Pick<
  Env,
  | 'WEB_DIST_DIR'
  | 'LOG_LEVEL'
  | 'LOG_FORMAT'
  | 'LOG_REQUESTS'
  | 'BODY_LIMIT_BYTES'
  | 'TRUST_PROXY'
  | 'STATION_AUTO_PAIR'
  | 'ASSIGNMENT_TICK_MS'
>;

/** What the app needs from its host: an open database and the configuration. */
export interface AppOptions {
  readonly db: Database;
  readonly env: AppEnv;
}

/**
 * The whole application as one Fastify plugin: zod schemas for validation, serialisation and
 * OpenAPI, prompt graceful close, problem-details errors, security headers, refusal of encoded bodies, the database, the `/api/v1` routes and the
 * built web app on `/`. The host (server.ts or a test) owns the database and closes it.
 */
export async function app(fastify: FastifyInstance, options: AppOptions): Promise<void> {
  fastify.setValidatorCompiler(validatorCompiler);
  fastify.setSerializerCompiler(serializerCompiler);

  await fastify.register(gracefulClose);
  await fastify.register(problemDetails);
  await fastify.register(requestText);
  await fastify.register(securityHeaders);
  await fastify.register(contentEncoding);
  await fastify.register(openapi);
  await fastify.register(database, { db: options.db });
  await fastify.register(eventHub);
  await fastify.register(rememberedWorkItems);
  await fastify.register(auth);
  await fastify.register(idempotency);
  await fastify.register(assignmentEngine, { tickMs: options.env.ASSIGNMENT_TICK_MS });
  await fastify.register(apiV1, { prefix: '/api/v1', stationAutoPair: options.env.STATION_AUTO_PAIR });
  await fastify.register(webApp, { distDir: options.env.WEB_DIST_DIR });
}

/** Where the log goes: a stream that may be a terminal. */
export interface LogOutput extends LineSink {
  readonly isTTY?: boolean;
}

/**
 * Fastify's server options from the configuration (logger, access log, body limit, proxy trust),
 * with the router's and Node's own refusals shaped as problems too. The log is written to `stdout`, pretty or as JSON lines as LOG_FORMAT and the terminal decide.
 */
export function serverOptions(env: AppEnv, stdout: LogOutput = process.stdout): FastifyServerOptions {
  const pretty = resolveLogFormat(env.LOG_FORMAT, stdout.isTTY === true) === 'pretty';
  const requestLog = { disableRequestLogging: !env.LOG_REQUESTS };
  // JSON to the real stdout: pino's own destination (faster than a stream, and synchronous).
  const stream = pretty ? prettyLogStream(stdout) : stdout === process.stdout ? undefined : stdout;
  return {
    ...problemServerOptions,
    logger: stream === undefined ? { level: env.LOG_LEVEL } : { level: env.LOG_LEVEL, stream },
    logController: pretty ? new OneLineRequestLog(requestLog) : new LogController(requestLog),
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    // Routes are declared without a trailing slash (as OpenAPI lists them); `/health/` works too.
    routerOptions: { ignoreTrailingSlash: true },
  };
}

/**
 * Creates a Fastify instance running the app; call `listen` or `inject`, and `close` when done.
 * `logOutput` is where the log goes (stdout unless a test collects it).
 */
export async function buildApp(options: AppOptions, logOutput?: LogOutput): Promise<FastifyInstance> {
  const fastify = Fastify(serverOptions(options.env, logOutput)).withTypeProvider<ZodTypeProvider>();
  await fastify.register(fp(app), options);
  return fastify;
}
