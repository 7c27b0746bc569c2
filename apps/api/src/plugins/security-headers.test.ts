import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test-app.ts';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(() => t.close());

  /** Features the app never asks for; a page injected into it must not get them either. */
  const denied = ['camera', 'microphone', 'geolocation', 'payment', 'usb', 'serial', 'hid', 'bluetooth', 'midi', 'display-capture'];

  it.each(['/api/v1/health', '/orders', '/api/v1/no-such-route'])('deny unused browser features (camera, microphone, location, payment, USB …) on %s', async (url) => {
    const response = await t.app.inject({ method: 'GET', url });
    const policy = String(response.headers['permissions-policy']).split(', ');
    expect(policy).toEqual(expect.arrayContaining(denied.map((feature) => `${feature}=()`)));
  });
});
