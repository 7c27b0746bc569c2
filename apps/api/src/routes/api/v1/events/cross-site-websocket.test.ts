import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { buildTestApp, type TestApp } from '../../../../test-app.ts';
import { createTestApiKey, loginAs } from '../../../../testing/auth-for-tests.ts';

/** How a real client's upgrade ended: opened (101), or refused with an HTTP answer. */
type Handshake = { status: 101 } | { status: number; contentType: string | undefined; code: unknown };

/** Opens a real WebSocket to the listening app with these headers and reports the handshake's outcome. */
function handshake(url: string, headers: Record<string, string>): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => {
      socket.terminate();
      resolve({ status: 101 });
    });
    socket.once('unexpected-response', (_request, response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        socket.terminate();
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'],
          code: JSON.parse(body).code,
        });
      });
    });
    socket.once('error', reject);
  });
}

describe('the /api/v1/events WebSocket against cross-site pages', () => {
  let t: TestApp;
  let url: string;
  let host: string;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening on a port');
    host = `127.0.0.1:${address.port}`;
    url = `ws://${host}/api/v1/events`;
    cookie = (await loginAs(t.db, 'manager')).headers.cookie;
  }, 120_000);
  afterAll(() => t.close());

  const refused = {
    status: 403,
    contentType: expect.stringMatching(/^application\/problem\+json/),
    code: 'CROSS_SITE_REQUEST',
  };

  it('refuses the session cookie sent by a page of another site (403 CROSS_SITE_REQUEST)', async () => {
    expect(await handshake(url, { cookie, origin: 'https://evil.example' })).toEqual(refused);
    expect(await handshake(url, { cookie, origin: 'null' })).toEqual(refused);
    expect(await handshake(url, { cookie, 'sec-fetch-site': 'cross-site' })).toEqual(refused);
  });

  it("opens for the app's own pages", async () => {
    expect(await handshake(url, { cookie, origin: `http://${host}` })).toEqual({ status: 101 });
    expect(await handshake(url, { cookie, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' })).toEqual({
      status: 101,
    });
  });

  it('opens for an integrator with an API key and no Origin', async () => {
    const key = await createTestApiKey(t.db);
    expect(await handshake(url, { authorization: `Bearer ${key.token}` })).toEqual({ status: 101 });
  });
});
