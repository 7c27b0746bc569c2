import type { IncomingHttpHeaders } from 'node:http';
import fp from 'fastify-plugin';
import { HttpProblem } from './http-problem.ts';

/** True when the request carries a body: a non-zero length, or a chunked one of unknown length. */
function hasBody(headers: IncomingHttpHeaders): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/** True when every coding listed in `Content-Encoding` is `identity` (or none is listed). */
function isUnencoded(contentEncoding: string): boolean {
  return contentEncoding
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .every((coding) => coding === '' || coding === 'identity');
}

/**
 * The server decodes no content coding, so a body sent gzip- or br-encoded (or labelled so) is
 * refused with 415 `UNSUPPORTED_CONTENT_ENCODING` and `Accept-Encoding: identity` (RFC 9110
 * §15.5.16) before it is read. Otherwise the parser would take the label as noise: compressed
 * bytes fail as bad JSON at best, and a plain body with a wrong label would be taken at face value.
 */
export default fp(
  async function contentEncoding(fastify) {
    fastify.addHook('onRequest', async (request, reply) => {
      const encoding = request.headers['content-encoding'];
      if (encoding === undefined || !hasBody(request.headers) || isUnencoded(encoding)) return;
      reply.header('accept-encoding', 'identity');
      throw new HttpProblem(
        415,
        'UNSUPPORTED_CONTENT_ENCODING',
        `Send the body unencoded: this server does not decode Content-Encoding "${encoding}".`,
      );
    });
  },
  { name: 'content-encoding' },
);
