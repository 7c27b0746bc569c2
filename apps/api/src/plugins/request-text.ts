import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpProblem, validationFailed } from './http-problem.ts';
import type { FieldError } from '@atelier/contracts';

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** Dotted paths (`nodes.1.name`, `(root)` for the value itself) of every string or key holding a NUL. */
function nulPaths(value: unknown, path: readonly string[] = []): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path.join('.') || '(root)'] : [];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const here = [...path, key];
    return [...(key.includes(NUL) ? [here.join('.')] : []), ...nulPaths(item, here)];
  });
}

function nulErrors(where: string, value: unknown): FieldError[] {
  return nulPaths(value).map((path) => ({ in: where, path, message: NUL_MESSAGE }));
}

function refuseNul(request: FastifyRequest): void {
  const errors = [...nulErrors('params', request.params), ...nulErrors('querystring', request.query)];
  if (errors.length > 0) throw validationFailed(errors);
}

/**
 * Every text a request carries is text the database can store, checked once here for every route
 * rather than in each string schema (a schema left out, a `z.record` key or a free-form graph JSON
 * value would slip past that):
 * - a JSON body must be UTF-8 (RFC 8259 §8.1): bytes that are not give 400 `INVALID_JSON`, where
 *   a lenient decode would store U+FFFD in their place;
 * - no string or object key of the body, path parameter or query parameter may hold U+0000,
 *   which PostgreSQL refuses in `text` and `jsonb`: 400 `VALIDATION_FAILED` naming each place
 *   (`body.nodes.1.name`, `params.id`, `querystring.order`), before a handler reads the database.
 * Credentials need no check: session tokens are hashed and API keys parsed by pattern before any lookup.
 */
export default fp(
  async function requestText(fastify) {
    const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
    const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
    const utf8 = new TextDecoder('utf-8', { fatal: true });

    fastify.removeContentTypeParser('application/json');
    fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
      let text: string;
      try {
        text = utf8.decode(body);
      } catch {
        done(
          new HttpProblem(
            400,
            'INVALID_JSON',
            'The body is not valid UTF-8; JSON must be sent as UTF-8 (RFC 8259 §8.1).',
          ),
          undefined,
        );
        return;
      }
      parseJson(request, text, (error, value) => {
        // JSON can only carry a NUL as the escape `\u0000` (a raw one is invalid): most bodies skip the walk.
        const errors = error || !text.includes('\\u0000') ? [] : nulErrors('body', value);
        done(error ?? (errors.length > 0 ? validationFailed(errors) : null), value);
      });
    });

    // preValidation: after authentication (so the order of answers stays 401/403 before 400, as
    // for schema errors), which reads only hashed credentials, and before any handler.
    fastify.addHook('preValidation', async (request) => refuseNul(request));
  },
  { name: 'request-text' },
);
