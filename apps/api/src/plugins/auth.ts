import cookie from '@fastify/cookie';
import type { FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { hasAnyRole, type Actor } from '../auth/actor.ts';
import { authenticate, SESSION_COOKIE } from '../auth/authenticate.ts';
import { isCrossSiteRequest } from '../auth/cross-site.ts';
import { AUTH_CHANGED_CHANNEL, createSessionCache } from '../auth/session-cache.ts';
import { ROLES, type Role } from '../auth/roles.ts';
import { HttpProblem } from './http-problem.ts';
import { problemSchema } from '@atelier/contracts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Roles allowed to call the route (any one suffices). Every `/api/v1` route declares this or `public`. */
    roles?: readonly Role[];
    /** The route needs no authentication (health, login, OpenAPI). */
    public?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated caller; reading it on a request without one throws a 401 problem. */
    readonly actor: Actor;
    /** The caller when one authenticated, else null (for public routes such as logout). */
    optionalActor: Actor | null;
  }
}

/** The part of the URL space the auth plugin guards. */
const API_PREFIX = '/api/v1';

function isApiRoute(url: string | undefined): url is string {
  return url !== undefined && (url === API_PREFIX || url.startsWith(`${API_PREFIX}/`));
}

/** What is wrong with a route's access declaration, or null when it is fine. */
function accessDeclarationError(route: RouteOptions): string | null {
  const config = route.config ?? {};
  if (config.public === true) return config.roles === undefined ? null : 'declares both public and roles';
  if (config.roles === undefined) return 'declares neither config.roles nor config.public';
  if (config.roles.length === 0) return 'declares an empty config.roles (nobody could call it)';
  const unknown = config.roles.filter((role) => !ROLES.includes(role));
  return unknown.length === 0 ? null : `declares unknown roles ${unknown.join(', ')}`;
}

/** Lists the 401 and 403 answers of a protected route in its schema (and so in OpenAPI) unless it does. */
function documentAccessProblems(route: RouteOptions): void {
  const schema = (route.schema ??= {});
  const response = (schema.response ??= {}) as Record<string, unknown>;
  response[401] ??= problemSchema;
  response[403] ??= problemSchema;
}

/**
 * Commands of this process that change sessions or users (sign-in ending a tablet's previous
 * session, log-out, user edits, deactivation, attendance, revoking a station). Their NOTIFY reaches this process's
 * listener asynchronously, so the cache is cleared before the answer leaves: the caller's next
 * request is checked against the database.
 */
function changesSessionsOrUsers(request: FastifyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const url = request.routeOptions.url ?? '';
  return (
    url.startsWith(`${API_PREFIX}/auth/`) ||
    url.startsWith(`${API_PREFIX}/users`) ||
    url.startsWith(`${API_PREFIX}/stations`)
  );
}

function credentialsOf(request: FastifyRequest) {
  return { sessionToken: request.cookies[SESSION_COOKIE], authorization: request.headers.authorization };
}

/**
 * Authentication and role checks for `/api/v1`. Each route declares who may call it in its
 * options (`config: { roles: ['manager', 'admin'] }` or `config: { public: true }`); the app
 * refuses to start when an `/api/v1` route declares neither, so no route is open by omission.
 * On each request the session cookie or `Authorization: Bearer <API key>` is resolved to
 * `request.actor`; a protected route answers 401 without one and 403 when no role matches. A
 * write or WebSocket handshake a browser sent from another site is refused first (403 `CROSS_SITE_REQUEST`).
 * Object-level checks (an operator acts only on their own work item) belong to the use cases.
 */
export default fp(
  async function auth(fastify) {
    await fastify.register(cookie);

    fastify.decorateRequest('optionalActor', null);
    fastify.decorateRequest('actor', {
      getter(this: FastifyRequest): Actor {
        if (!this.optionalActor) throw new HttpProblem(401, 'AUTHENTICATION_REQUIRED', 'Sign in or send an API key.');
        return this.optionalActor;
      },
    });

    const badRoutes: string[] = [];
    fastify.addHook('onRoute', (route) => {
      // Fastify's automatic HEAD twin of a GET shares its config: check the GET once.
      if (!isApiRoute(route.url) || route.method === 'HEAD') return;
      const error = accessDeclarationError(route);
      if (error === null && route.config?.public !== true) documentAccessProblems(route);
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      if (error !== null) badRoutes.push(`${methods} ${route.url} ${error}`);
    });
    fastify.addHook('onReady', async () => {
      if (badRoutes.length > 0) {
        throw new Error(`Every /api/v1 route must declare config.roles or config.public:\n  ${badRoutes.join('\n  ')}`);
      }
    });

    // Sessions resolved recently, forgotten on any change to sessions or users on any replica.
    const sessions = createSessionCache();
    const unlisten = await fastify.db.listen(
      AUTH_CHANGED_CHANNEL,
      () => sessions.clear(),
      (listening) => sessions.remember(listening),
    );
    fastify.addHook('onClose', async () => {
      await unlisten();
      sessions.clear();
    });

    // API answers are personal (who may see what): no shared cache may keep them, unless a route says otherwise.
    fastify.addHook('onSend', async (request, reply, payload) => {
      if (isApiRoute(request.routeOptions.url) && !reply.hasHeader('cache-control'))
        reply.header('cache-control', 'no-store');
      if (changesSessionsOrUsers(request)) sessions.clear();
      return payload;
    });

    fastify.addHook('onRequest', async (request) => {
      if (!isApiRoute(request.routeOptions.url)) return;
      if (isCrossSiteRequest(request.method, request.headers)) {
        throw new HttpProblem(
          403,
          'CROSS_SITE_REQUEST',
          'This change came from a page of another site; make it from Atelier Flow itself.',
        );
      }
      const config = request.routeOptions.config;
      if (config.public === true) {
        // A public route works for anyone: stale or foreign credentials must not lock a caller out of login or health.
        request.optionalActor = await authenticate(fastify.db, credentialsOf(request), sessions).catch(() => null);
        return;
      }
      request.optionalActor = await authenticate(fastify.db, credentialsOf(request), sessions);
      const actor = request.actor;
      // The start-up check guarantees roles here; should it ever miss one, nobody gets in.
      const roles = config.roles ?? [];
      if (!hasAnyRole(actor, roles)) {
        throw new HttpProblem(
          403,
          'ROLE_NOT_ALLOWED',
          `This needs the role ${roles.join(' or ')}; you have ${actor.roles.join(', ') || 'no role'}.`,
        );
      }
    });
  },
  { name: 'auth', dependencies: ['database'] },
);
