import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

describe('password hashing', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const stored = await hashPassword('atelier-manager');
    expect(await verifyPassword('atelier-manager', stored)).toBe(true);
    expect(await verifyPassword('atelier-managerX', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash, so equal PINs do not give equal hashes', async () => {
    const [a, b] = await Promise.all([hashPassword('1234'), hashPassword('1234')]);
    expect(a).not.toBe(b);
    expect(await verifyPassword('1234', a)).toBe(true);
    expect(await verifyPassword('1234', b)).toBe(true);
  });

  it('never stores the secret itself and records its parameters', async () => {
    const stored = await hashPassword('s3cret-pass');
    expect(stored).not.toContain('s3cret-pass');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('treats a malformed stored hash as a mismatch rather than throwing', async () => {
    expect(await verifyPassword('1234', 'plain-text')).toBe(false);
    expect(await verifyPassword('1234', 'bcrypt$x$y')).toBe(false);
  });
});
