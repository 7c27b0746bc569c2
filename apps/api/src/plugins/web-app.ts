import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sendRouteNotFound } from './problem-details.ts';

/** Options of the web-app plugin. */
export interface WebAppOptions {
  /** The built SPA (`apps/web/dist`). */
  readonly distDir: string;
}

/** What `/` says when the SPA has not been built: how to build it. */
export function missingWebAppMessage(distDir: string): string {
  return [
    'Atelier Flow API is running, but the web app has not been built yet.',
    `Expected it in ${distDir}.`,
    'Build it with:  npx pnpm@10 --filter @atelier/web build   (or start with: npm start)',
    'then restart the server. The API is at /api/v1 and its documentation at /api/docs.',
    '',
  ].join('\n');
}

/** A browser navigation to a client-side route: GET/HEAD, outside /api, not a file name. */
function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path === '/api' || path.startsWith('/api/')) return false;
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.');
}

/**
 * Serves the built SPA on `/`: files from `distDir` (hashed assets cached for a year, `index.html`
 * never cached) and `index.html` for client-side routes such as `/designer/TOTE-01`, so a reload
 * works. Unknown `/api/*` paths and missing files stay 404 problems. Without a build, pages answer
 * with a plain-text note on how to build it.
 */
export default fp<WebAppOptions>(
  async function webApp(fastify, { distDir }) {
    if (!existsSync(join(distDir, 'index.html'))) {
      fastify.log.warn({ distDir }, 'web app not built: / explains how to build it');
      fastify.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
        isPageRequest(request)
          ? reply.code(503).type('text/plain; charset=utf-8').send(missingWebAppMessage(distDir))
          : sendRouteNotFound(request, reply),
      );
      return;
    }

    await fastify.register(fastifyStatic, {
      root: distDir,
      setHeaders(reply, path) {
        const hashedAsset = path.includes(`${sep}assets${sep}`);
        reply.header('cache-control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    fastify.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) =>
      isPageRequest(request) ? reply.sendFile('index.html') : sendRouteNotFound(request, reply),
    );
  },
  { name: 'web-app' },
);
