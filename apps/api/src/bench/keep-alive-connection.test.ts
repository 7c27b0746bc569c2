import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeepAliveConnection } from './keep-alive-connection.ts';

/** The benchmark's lean HTTP client against a real Node HTTP server. */
describe('KeepAliveConnection', () => {
  let server: Server;
  let port: number;
  const seen: {
    method: string;
    url: string;
    cookie: string | undefined;
    type: string | undefined;
    body: string;
    socket: unknown;
  }[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      let sent = '';
      for await (const chunk of request) sent += String(chunk);
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        cookie: request.headers.cookie,
        type: request.headers['content-type'],
        body: sent,
        socket: request.socket,
      });
      if (request.url === '/chunked') {
        response.write('no length');
        response.end();
        return;
      }
      // A body large enough to arrive in several chunks, with multi-byte characters.
      const body = JSON.stringify({ url: request.url, filler: 'é'.repeat(200_000) });
      response.writeHead(request.url === '/missing' ? 404 : 200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends requests one after another on one connection with its headers, and reads whole answers', async () => {
    const connection = new KeepAliveConnection(port, 'cookie: af_session=abc\r\n');
    const first = await connection.request('POST', '/a');
    const second = await connection.request('GET', '/missing');
    connection.close();
    expect([first.status, JSON.parse(first.body).url, JSON.parse(first.body).filler.length]).toEqual([
      200,
      '/a',
      200_000,
    ]);
    expect([second.status, JSON.parse(second.body).url]).toEqual([404, '/missing']);
    expect(seen.map(({ method, url, cookie }) => [method, url, cookie])).toEqual([
      ['POST', '/a', 'af_session=abc'],
      ['GET', '/missing', 'af_session=abc'],
    ]);
    expect(seen[0]?.socket).toBe(seen[1]?.socket);
  });

  it('sends a JSON body with its type and length, and the next request after it intact', async () => {
    seen.length = 0;
    const connection = new KeepAliveConnection(port, '');
    const first = await connection.request('POST', '/with-body', { node: 'coupe', note: 'é' });
    const second = await connection.request('POST', '/after');
    connection.close();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(seen.map(({ url, type, body }) => [url, type, body])).toEqual([
      ['/with-body', 'application/json', '{"node":"coupe","note":"é"}'],
      ['/after', undefined, ''],
    ]);
  });

  it('fails loudly on an answer it cannot frame', async () => {
    const connection = new KeepAliveConnection(port, '');
    await expect(connection.request('GET', '/chunked')).rejects.toThrow(/without Content-Length/);
    connection.close();
  });
});
