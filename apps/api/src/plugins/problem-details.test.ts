import { connect } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem } from './http-problem.ts';
import { problemSchema } from '@atelier/contracts';
import problemDetails, { problemServerOptions } from './problem-details.ts';

describe('problem-details plugin', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ logger: false, bodyLimit: 1024, ...problemServerOptions });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(problemDetails);
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.get('/held', { schema: { response: { 409: problemSchema } } }, () => {
      throw new HttpProblem(409, 'WORK_ITEM_HELD', 'Napat Srisuk already holds this work item.', { heldBy: 'napat.s' });
    });
    typed.get('/bug', () => {
      throw new Error('secret connection string postgres://admin:pw@db');
    });
    typed.get('/items/:id', () => ({ ok: true }));
    typed.post(
      '/items',
      { schema: { body: z.object({ name: z.string().min(1), quantity: z.number().int().positive() }) } },
      () => ({ ok: true }),
    );
    await app.ready();
  });
  afterAll(() => app.close());

  it('sends a thrown HttpProblem with its status, code and extensions', async () => {
    const response = await app.inject({ method: 'GET', url: '/held' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'urn:atelier-flow:problem:work-item-held',
      title: 'Conflict',
      status: 409,
      code: 'WORK_ITEM_HELD',
      detail: 'Napat Srisuk already holds this work item.',
      instance: '/held',
      heldBy: 'napat.s',
    });
  });

  it('hides the message of an unexpected error behind a 500 INTERNAL_ERROR', async () => {
    const response = await app.inject({ method: 'GET', url: '/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(response.body).not.toContain('secret');
  });

  it('lists every invalid body field with what to fix', async () => {
    const response = await app.inject({ method: 'POST', url: '/items', payload: { name: '', quantity: -2 } });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((error: { in: string; path: string }) => `${error.in}.${error.path}`)).toEqual([
      'body.name',
      'body.quantity',
    ]);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"name": ', 400, 'INVALID_JSON'],
    ['an empty JSON body', { 'content-type': 'application/json' }, '', 400, 'EMPTY_JSON_BODY'],
    ['an unsupported media type', { 'content-type': 'application/x-unknown' }, 'name=x', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    [
      'a body over the limit',
      { 'content-type': 'application/json' },
      JSON.stringify({ name: 'x'.repeat(2048), quantity: 1 }),
      413,
      'BODY_TOO_LARGE',
    ],
  ])('answers %s with a %i problem, never a 500', async (_case, headers, payload, status, code) => {
    const response = await app.inject({ method: 'POST', url: '/items', headers, payload });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  });

  it.each([
    ['a broken percent-encoding', '/items/%ZZ%', 400, 'INVALID_URL'],
    ['an over-long path parameter', `/items/${'x'.repeat(101)}`, 414, 'PATH_PARAMETER_TOO_LONG'],
  ])('answers %s, which the router refuses, with a problem', async (_case, url, status, code) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code, instance: url });
  });

  it.each([
    ['a malformed request line', 'GET /items HTTP/1.1 junk\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    [
      'headers over the size limit',
      `GET /items HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
  ])('answers %s, which Node refuses before Fastify sees it, with a problem', async (_case, request, status, code) => {
    const answer = await rawExchange(app, request);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/i);
    expect(JSON.parse(body)).toMatchObject({ status, code });
  });
});

/** Sends raw bytes to the app listening on a free port and reads everything it answers. */
async function rawExchange(app: FastifyInstance, request: string): Promise<string> {
  if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as { port: number };
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}
