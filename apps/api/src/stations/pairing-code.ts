import { randomInt } from 'node:crypto';

/**
 * Pairing codes: 8 characters an admin reads off the Admin page and types on a tablet, from an
 * alphabet without look-alikes (no 0/O, 1/I/L), shown as `ABCD-EFGH`. 31^8 ≈ 8.5 × 10^11 codes,
 * valid 15 minutes, once, and pairing attempts are slowed per address: not guessable.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 8;

/** How long a pairing code stays valid. */
export const PAIRING_CODE_TTL_MS = 15 * 60_000;

/** A fresh pairing code, `XXXX-XXXX`. */
export function generatePairingCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The canonical form of a typed code (upper case, without spaces or dashes), the form that is hashed. */
export function normalizePairingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
