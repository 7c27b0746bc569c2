import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { apiProxy, apiProxyTarget } from './dev-proxy.ts';

describe('apiProxyTarget', () => {
  it('forwards to the API on PORT, as `PORT=… pnpm dev` starts it, else on 3000', () => {
    expect(apiProxyTarget({ PORT: '3161' })).toBe('http://127.0.0.1:3161');
    expect(apiProxyTarget({})).toBe('http://127.0.0.1:3000');
    expect(apiProxyTarget({ PORT: '' })).toBe('http://127.0.0.1:3000');
  });
});

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(server: Server, port = 0): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('apiProxy', () => {
  it('answers 503 problem+json with Retry-After and logs one line while the API is down, then lets requests through', async () => {
    const apiPort = await listen(createServer());
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const logged: string[] = [];
    const proxy = apiProxy({ PORT: String(apiPort) }, (line) => logged.push(line));
    // Stands in for Vite: asks bypass, and "proxies" (answers 200) when it returns nothing.
    const dev = createServer((request, response) => {
      void proxy
        .bypass(request, response)
        .then((result) => (result === undefined ? response.end('proxied') : undefined));
    });
    const devUrl = `http://127.0.0.1:${await listen(dev)}/api/v1/auth/me`;

    for (let n = 0; n < 2; n++) {
      const early = await fetch(devUrl);
      expect(early.status).toBe(503);
      expect(early.headers.get('content-type')).toBe('application/problem+json');
      expect(early.headers.get('retry-after')).toBe('1');
      expect(await early.json()).toMatchObject({ status: 503, code: 'API_STARTING' });
    }
    expect(logged).toEqual([
      `waiting for the API server at http://127.0.0.1:${apiPort} (it starts with \`pnpm dev\`; PORT sets its port)`,
    ]);

    await listen(createServer(), apiPort);
    const later = await fetch(devUrl);
    expect(later.status).toBe(200);
    expect(await later.text()).toBe('proxied');
  });
});
