import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens and API-key secrets: long random strings that are stored only as a SHA-256
 * hash. They carry 256 bits of entropy, so a fast hash is enough (unlike passwords and PINs,
 * which need scrypt), and it keeps authenticating each request to one indexed lookup.
 */

/** A fresh random secret, base64url (43 characters for 32 bytes). */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored form of a secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
