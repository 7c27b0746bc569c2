import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect } from 'node:net';

/** The environment `pnpm dev` runs in (PORT is the API server's, as for `pnpm start`). */
export type DevEnv = Readonly<Record<string, string | undefined>>;

/** The API server the dev server forwards `/api` to: the one `pnpm dev` starts, on PORT (default 3000). */
export function apiProxyTarget(env: DevEnv): string {
  const port = env.PORT === undefined || env.PORT === '' ? '3000' : env.PORT;
  // IPv4: the API listens on 0.0.0.0 by default, and `localhost` may resolve to ::1 first.
  return `http://127.0.0.1:${port}`;
}

/** Whether something accepts connections on host:port (one TCP connect, closed at once). */
function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** What the proxy needs of Vite's options: `bypass` is asked first for every `/api` request. */
export interface ApiProxyOptions {
  readonly target: string;
  readonly ws: true;
  readonly bypass: (
    request: IncomingMessage,
    response: ServerResponse | undefined,
  ) => Promise<string | false | undefined>;
}

/**
 * Vite's `/api` proxy for `pnpm dev`. While the API server is not up yet (or restarting after an
 * edit) the browser gets a 503 problem+json with `Retry-After: 1`, which the app already waits
 * out, and the terminal one line, instead of Vite's `ECONNREFUSED` stack trace per request.
 */
export function apiProxy(env: DevEnv, log: (line: string) => void = console.warn): ApiProxyOptions {
  const target = apiProxyTarget(env);
  const { hostname, port } = new URL(target);
  let waiting = false;
  return {
    target,
    ws: true,
    async bypass(request, response) {
      if (await listening(hostname, Number(port))) {
        waiting = false;
        return undefined;
      }
      if (!waiting) log(`waiting for the API server at ${target} (it starts with \`pnpm dev\`; PORT sets its port)`);
      waiting = true;
      // A WebSocket upgrade: refused; the app reconnects on its own.
      if (response === undefined) return false;
      response.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '1' });
      response.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'The API server is starting',
          status: 503,
          code: 'API_STARTING',
          detail: `No API server answers at ${target} yet.`,
        }),
      );
      // Answered here: Vite sees the response ended and stops.
      return request.url ?? '/';
    },
  };
}
