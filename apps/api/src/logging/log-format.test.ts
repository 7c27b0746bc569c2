import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { serverOptions } from '../app.ts';
import { loadEnv } from '../env.ts';
import { resolveLogFormat } from './log-format.ts';

describe('resolveLogFormat', () => {
  it('writes pretty lines to a terminal and JSON anywhere else, unless LOG_FORMAT says which', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});

/** A stdout stand-in that keeps what the server writes. */
function output(isTTY: boolean) {
  const lines: string[] = [];
  return { isTTY, lines, write: (text: string) => lines.push(...text.split('\n').filter((line) => line !== '')) };
}

/** Answers one request with the server's logger writing to `out`. */
async function oneRequest(out: ReturnType<typeof output>, env: Record<string, string> = {}): Promise<void> {
  const app = Fastify(serverOptions(loadEnv({ LOG_LEVEL: 'info', ...env }), out));
  app.get('/api/v1/ping', async () => ({ ok: true }));
  await app.inject({ method: 'GET', url: '/api/v1/ping' });
  await app.close();
}

describe('the server log', () => {
  it('on a terminal: one readable line per request, no JSON', async () => {
    const out = output(true);
    await oneRequest(out);
    expect(out.lines.filter((line) => line.includes('/api/v1/ping'))).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}GET \/api\/v1\/ping 200 \d+ ms$/),
    ]);
    expect(out.lines.some((line) => line.startsWith('{'))).toBe(false);
  });

  it('elsewhere (a pipe, a file): JSON records, the request and its answer as before', async () => {
    const out = output(false);
    await oneRequest(out);
    const records = out.lines.map((line) => JSON.parse(line) as { msg: string });
    expect(records.map((record) => record.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('logs no requests with LOG_REQUESTS=false, pretty or not', async () => {
    for (const isTTY of [true, false]) {
      const out = output(isTTY);
      await oneRequest(out, { LOG_REQUESTS: 'false' });
      expect(out.lines).toEqual([]);
    }
  });
});
