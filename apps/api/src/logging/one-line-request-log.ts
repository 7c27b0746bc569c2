import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * The access log as one record per request, written when it is answered:
 * `GET /api/v1/health 200 3 ms` (Fastify's default writes "incoming request" and "request
 * completed", two records that only the request id ties together). Used with pretty logs.
 */
export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {
    // Said once the request is answered, in requestCompleted.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`;
    if (error) reply.log.error({ err: error }, line);
    else reply.log.info(line);
  }
}
