import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-app.ts';
import { useHookedResource } from '../testing/use-hooked-resource.ts';

describe('security headers', () => {
  const testApp = useHookedResource(buildTestApp, (t) => t.close(), 120_000);
  const get = (url: string) => testApp().app.inject({ method: 'GET', url });

  /** Features the app never asks for; a page injected into it must not get them either. */
  const denied = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'midi', 'display-capture'];

  it.each(['/api/v1/health', '/orders', '/api/v1/no-such-route'])(
    'deny unused browser features (camera, microphone, location, payment, USB …) on %s',
    async (url) => {
      const response = await get(url);
      const policy = String(response.headers['permissions-policy']).split(', ');
      expect(policy).toEqual(expect.arrayContaining(denied.map((feature) => `${feature}=()`)));
    },
  );

  /** The CSP's directives by name: `{ 'style-src': ["'self'"], … }`. */
  const csp = async (url: string) => {
    const header = String((await get(url)).headers['content-security-policy']);
    return Object.fromEntries(
      header
        .split(';')
        .map((directive) => directive.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
  };

  it.each(['/orders', '/api/v1/health'])(
    'lets %s apply no inline <style> element, only style attributes (set by React and React Flow)',
    async (url) => {
      expect(await csp(url)).toMatchObject({
        'style-src': ["'self'"],
        'style-src-attr': ["'unsafe-inline'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
      });
    },
  );

  it('lets the API documentation page (Swagger UI) apply its inline styles, and nothing more', async () => {
    const docs = await csp('/api/docs');
    expect(docs).toMatchObject({
      'style-src': ["'self'", "'unsafe-inline'"],
      'script-src': ["'self'"],
      'connect-src': ["'self'"],
    });
  });

  const inject = (method: 'GET' | 'POST', url: string) => testApp().app.inject({ method, url });

  /** Every header helmet sets, and the Permissions-Policy. */
  const SECURITY_HEADERS = [
    'content-security-policy',
    'cross-origin-opener-policy',
    'cross-origin-resource-policy',
    'origin-agent-cluster',
    'referrer-policy',
    'x-content-type-options',
    'x-dns-prefetch-control',
    'x-download-options',
    'x-frame-options',
    'x-permitted-cross-domain-policies',
    'x-xss-protection',
    'permissions-policy',
  ];
  const securityHeaders = (headers: Record<string, unknown>) =>
    Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers[name]]));

  it.each([
    ['a broken percent-encoding (the router, 400)', 'POST', '/api/v1/api-keys/%ZZ%/revoke', 400, 'INVALID_URL'],
    [
      'an over-long path parameter (the router, 414)',
      'GET',
      `/api/v1/graphs/${'x'.repeat(200)}`,
      414,
      'PATH_PARAMETER_TOO_LONG',
    ],
    ['an unknown route (404)', 'GET', '/api/v1/no-such-route', 404, 'ROUTE_NOT_FOUND'],
    ['an unknown method on a known path (404)', 'POST', '/api/v1/health', 404, 'ROUTE_NOT_FOUND'],
  ] as const)('%s carries the same security headers as any other answer', async (_name, method, url, status, code) => {
    const expected = securityHeaders((await inject('GET', '/api/v1/health')).headers);
    expect(expected['content-security-policy']).toContain("default-src 'self'");
    const response = await inject(method, url);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    expect(securityHeaders(response.headers)).toEqual(expected);
  });
});
