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
});
