import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './authenticate.ts';
import type { NewSession } from './create-session.ts';

/**
 * The session cookie: httpOnly (scripts cannot read it), SameSite=Lax (other sites cannot make a
 * browser send it with their POSTs), `Secure` when the request came over HTTPS (directly or, with
 * TRUST_PROXY, through a load balancer), so a shop-floor LAN on plain HTTP still works.
 */
function cookieOptions(request: FastifyRequest) {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' } as const;
}

/** Sets the cookie of a new session, expiring with it. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions(request), expires: session.expiresAt });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** The session cookie the request carries, if any. */
export function sessionCookieOf(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE] || undefined;
}
