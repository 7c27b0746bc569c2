import type { FastifyReply, FastifyRequest } from 'fastify';

/** The cookie that makes a browser a registered station. */
export const STATION_COOKIE = 'af_station';

/** The header non-browser station clients send their device token in. */
export const STATION_TOKEN_HEADER = 'x-station-token';

/** Browsers keep a cookie at most 400 days; a station is paired until an admin revokes it. */
const DEVICE_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/**
 * Sets the device cookie: httpOnly (scripts cannot read it), SameSite=Strict (no other site's page
 * can make the browser send it), Secure over HTTPS, long-lived.
 */
export function setStationCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(STATION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}

/** The device token a request carries: the header wins over the cookie. */
export function stationTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers[STATION_TOKEN_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  return request.cookies[STATION_COOKIE] || undefined;
}
