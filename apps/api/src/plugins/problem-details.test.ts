import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpProblem, problemSchema } from './http-problem.ts';
import problemDetails from './problem-details.ts';

describe('problem-details plugin', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ logger: false, bodyLimit: 1024 });
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
    typed.post('/items', { schema: { body: z.object({ name: z.string().min(1), quantity: z.number().int().positive() }) } }, () => ({ ok: true }));
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
    expect(problem.errors.map((error: { in: string; path: string }) => `${error.in}.${error.path}`)).toEqual(['body.name', 'body.quantity']);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"name": ', 400, 'INVALID_JSON'],
    ['an empty JSON body', { 'content-type': 'application/json' }, '', 400, 'EMPTY_JSON_BODY'],
    ['an unsupported media type', { 'content-type': 'application/x-unknown' }, 'name=x', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a body over the limit', { 'content-type': 'application/json' }, JSON.stringify({ name: 'x'.repeat(2048), quantity: 1 }), 413, 'BODY_TOO_LARGE'],
  ])('answers %s with a %i problem, never a 500', async (_case, headers, payload, status, code) => {
    const response = await app.inject({ method: 'POST', url: '/items', headers, payload });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  });
});
