import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../test-app.ts';
import { loginAs } from '../testing/auth-for-tests.ts';
import { useHookedResource } from '../testing/use-hooked-resource.ts';

describe('request bodies in a Content-Encoding the server does not decode', () => {
  const setup = useHookedResource(
    async () => {
      const t = await buildTestApp();
      return { t, admin: (await loginAs(t.db, 'admin')).headers };
    },
    ({ t }) => t.close(),
    120_000,
  );

  const createSkill = (
    code: string,
    encoding: string | undefined,
    payload: string | Buffer = JSON.stringify({ code, name: 'Gilding' }),
  ) =>
    setup().t.app.inject({
      method: 'POST',
      url: '/api/v1/skills',
      headers: {
        ...setup().admin,
        'content-type': 'application/json',
        ...(encoding === undefined ? {} : { 'content-encoding': encoding }),
      },
      payload,
    });
  const skillExists = async (code: string) =>
    (await setup().t.db.query('SELECT 1 FROM skills WHERE code = $1', [code])).length > 0;

  it.each([
    ['gzip', 'gzip-plain'],
    ['br', 'br-plain'],
    ['GZIP, identity', 'listed-plain'],
    ['x-unknown', 'unknown-plain'],
  ])(
    'refuses a body labelled "%s" with 415 UNSUPPORTED_CONTENT_ENCODING and writes nothing',
    async (encoding, code) => {
      const response = await createSkill(code, encoding);
      expect(response.statusCode).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['accept-encoding']).toBe('identity');
      expect(response.json()).toMatchObject({ status: 415, code: 'UNSUPPORTED_CONTENT_ENCODING' });
      expect(await skillExists(code)).toBe(false);
    },
  );

  it('refuses a body that really is gzipped the same way', async () => {
    const response = await createSkill(
      'gzipped',
      'gzip',
      gzipSync(JSON.stringify({ code: 'gzipped', name: 'Gilding' })),
    );
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_CONTENT_ENCODING');
    expect(await skillExists('gzipped')).toBe(false);
  });

  it('takes an unencoded body, labelled identity or not labelled at all', async () => {
    expect((await createSkill('identity-plain', 'identity')).statusCode).toBe(201);
    expect((await createSkill('unlabelled', undefined)).statusCode).toBe(201);
  });

  it('ignores the header on a request without a body', async () => {
    const response = await setup().t.app.inject({
      method: 'GET',
      url: '/api/v1/skills',
      headers: { ...setup().admin, 'content-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
  });
});
