import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { actorRef } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import { HttpProblem } from './http-problem.ts';
import { problemSchema } from '@atelier/contracts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * False exempts a POST route from `Idempotency-Key` handling; only for responses that must never
     * be stored, such as a newly created API key's secret.
     */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    /** The idempotency key this request holds while it runs (set by the idempotency plugin). */
    idempotencyClaim: IdempotencyClaim | null;
  }
}

/** A key row this request inserted and must complete (store the response) or release. */
interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  settled: boolean;
}

/** What is stored for replay: the exact bytes and content type of the first response. */
interface StoredResponse {
  readonly contentType: string | null;
  readonly payload: string | null;
}

/** Keys are remembered this long; after it the same key starts afresh (and `auth/prune-expired.ts` deletes it). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The header as OpenAPI shows it on every POST command (other headers pass through). */
const idempotencyHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'Optional, 1-255 visible ASCII characters (e.g. a UUID). A repeat with the same key and body replays the first ' +
        'response (Idempotency-Replayed: true); another body → 422 IDEMPOTENCY_KEY_REUSED; while the first runs → 409 IDEMPOTENCY_KEY_IN_USE; ' +
        'when the first was carried out but the server stopped before answering → 409 IDEMPOTENCY_RESPONSE_LOST (never run twice).',
    ),
});

/** JSON with object keys sorted, so the same body in another key order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`)
    .digest('hex');
}

/**
 * SQL: whether the process that holds a pending key (its `holder`, parameter `self` being this
 * process's name) still runs. Its connections carry the name as `application_name`; when the
 * process dies, the database closes them and ends their transactions, so a command of its that
 * never committed never will, and its key is free. A statement of it still running keeps the key
 * in use until it ends: sent before the death, it may yet commit. On PGlite only this process has
 * the data folder, so a holder of another name belonged to a previous process.
 */
const holderRuns = (self: string) =>
  `(holder = ${self} OR EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = current_database() AND a.application_name = holder))`;

/**
 * Inserts the key row (response pending, held by this process), or takes over one that is expired
 * or whose holder died before its command committed. True when this request now owns the key and
 * should run.
 */
async function claimKey(db: Database, scope: string, key: string, hash: string): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO idempotency_keys (scope, key, request_hash, holder) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING key`,
    [scope, key, hash, db.connectionName],
  );
  if (inserted.length > 0) return true;
  const takenOver = await db.query(
    `UPDATE idempotency_keys SET request_hash = $3, response_status = NULL, response_body = NULL, committed_at = NULL, created_at = now(), holder = $4
      WHERE scope = $1 AND key = $2
        AND (created_at < now() - $5 * interval '1 millisecond'
             OR (response_status IS NULL AND committed_at IS NULL AND NOT COALESCE(${holderRuns('$4')}, false)))
      RETURNING key`,
    [scope, key, hash, db.connectionName, IDEMPOTENCY_RETENTION_MS],
  );
  return takenOver.length > 0;
}

async function replayOrRefuse(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  scope: string,
  key: string,
  hash: string,
) {
  const [row] = await db.query<{
    request_hash: string;
    response_status: number | null;
    response_body: StoredResponse | null;
    lost: boolean;
  }>(
    // Committed, and its holder gone before storing the answer: that answer will never come.
    `SELECT request_hash, response_status, response_body, committed_at IS NOT NULL AND NOT COALESCE(${holderRuns('$3')}, false) AS lost
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
    [scope, key, db.connectionName],
  );
  // Released by a failed first attempt between our insert and this read: the client may simply retry.
  if (!row)
    throw new HttpProblem(
      409,
      'IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key just finished failing; retry it.',
    );
  if (row.request_hash !== hash) {
    throw new HttpProblem(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used for a different request (method, URL or body). Use a new key for a new request.',
    );
  }
  if (row.response_status === null && row.lost) {
    throw new HttpProblem(
      409,
      'IDEMPOTENCY_RESPONSE_LOST',
      'The request with this Idempotency-Key was carried out, but the server stopped before it answered. ' +
        'It is not run again: read the resource to see its result.',
    );
  }
  if (row.response_status === null) {
    throw new HttpProblem(
      409,
      'IDEMPOTENCY_KEY_IN_USE',
      'A request with this Idempotency-Key is still running; retry when it has finished.',
    );
  }
  const stored = row.response_body ?? { contentType: null, payload: null };
  reply.code(row.response_status).header('idempotency-replayed', 'true');
  if (stored.contentType !== null) reply.type(stored.contentType);
  request.log.info({ key }, 'idempotent replay');
  return reply.send(stored.payload ?? undefined);
}

/**
 * `Idempotency-Key` on POST commands under `/api/v1` (docs/api-conventions.md): the first request
 * with a key inserts the key row, scoped to the caller, before its handler runs; its response
 * (status, content type and bytes) is stored after. A repeat with the same method, URL and body
 * gets that response replayed (`Idempotency-Replayed: true`); with another body, 422
 * `IDEMPOTENCY_KEY_REUSED`; while the first still runs, 409 `IDEMPOTENCY_KEY_IN_USE`. A 5xx
 * releases the key so the command can be retried, unless its writes committed: a command's
 * transaction marks the key (`committed_at`, see `idempotency-key.ts`; the key travels in the command context), and a marked key is
 * never taken over. "Still runs" means the key's holder (the process serving it) still has a
 * connection to the database: when it died, a key whose command had not committed is free at
 * once, and a committed one whose answer was never stored gets 409 `IDEMPOTENCY_RESPONSE_LOST`.
 * Public routes (login, PIN) have no caller to scope a key to and are exempt.
 */
export default fp(
  async function idempotency(fastify) {
    fastify.decorateRequest('idempotencyClaim', null);

    fastify.addHook('onRoute', (route) => {
      const config = route.config ?? {};
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      if (
        !methods.includes('POST') ||
        !route.url.startsWith('/api/v1/') ||
        config.public === true ||
        config.idempotency === false
      )
        return;
      const schema = (route.schema ??= {});
      schema.headers ??= idempotencyHeadersSchema;
      const response = (schema.response ??= {}) as Record<string, unknown>;
      response[409] ??= problemSchema;
      response[422] ??= problemSchema;
    });

    fastify.addHook('preHandler', async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const config = request.routeOptions.config;
      if (header === undefined || request.method !== 'POST' || config.public === true || config.idempotency === false)
        return;
      const actor = request.optionalActor;
      if (!actor || !request.routeOptions.url?.startsWith('/api/v1/')) return;
      if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
        throw new HttpProblem(
          400,
          'INVALID_IDEMPOTENCY_KEY',
          'Idempotency-Key must be 1 to 255 visible ASCII characters, e.g. a UUID.',
        );
      }
      const scope = actorRef(actor);
      const hash = requestHash(request);
      if (await claimKey(fastify.db, scope, header, hash)) {
        request.idempotencyClaim = { scope, key: header, settled: false };
        return;
      }
      return replayOrRefuse(fastify.db, request, reply, scope, header, hash);
    });

    fastify.addHook('onSend', async (request, reply, payload) => {
      const claim = request.idempotencyClaim;
      if (!claim || claim.settled) return payload;
      claim.settled = true;
      if (reply.statusCode >= 500) {
        // Unless the command committed before the failure: then a retry must not run it again.
        await fastify.db.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND committed_at IS NULL', [
          claim.scope,
          claim.key,
        ]);
        return payload;
      }
      const contentType = reply.getHeader('content-type');
      const stored: StoredResponse = {
        contentType: typeof contentType === 'string' ? contentType : null,
        payload:
          typeof payload === 'string' ? payload : payload === null || payload === undefined ? null : String(payload),
      };
      await fastify.db.query(
        'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE scope = $1 AND key = $2',
        [claim.scope, claim.key, reply.statusCode, JSON.stringify(stored)],
      );
      return payload;
    });

    // A request that ended without a response being sent (client gone, hook failure) must not hold its key forever.
    fastify.addHook('onResponse', async (request) => {
      const claim = request.idempotencyClaim;
      if (!claim || claim.settled) return;
      claim.settled = true;
      await fastify.db.query(
        'DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND response_status IS NULL AND committed_at IS NULL',
        [claim.scope, claim.key],
      );
    });
  },
  { name: 'idempotency', dependencies: ['database', 'auth'] },
);
