import { randomInt } from 'node:crypto';
import { hashSecret } from '../auth/secret-token.ts';

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
function generatePairingCode(): string {
  const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** The stored form of a code as typed: the SHA-256 of it in upper case, without spaces or dashes. */
export function pairingCodeHash(typed: string): string {
  return hashSecret(typed.toUpperCase().replace(/[\s-]/g, ''));
}

/** A new pairing code as a station stores it (hash, expiry) and as the admin is shown it (code). */
export interface OpenedPairingCode {
  readonly code: string;
  readonly hash: string;
  readonly expiresAt: Date;
}

/** Opens a pairing code valid for {@link PAIRING_CODE_TTL_MS} from `now`. */
export function openPairingCode(now: Date): OpenedPairingCode {
  const code = generatePairingCode();
  return { code, hash: pairingCodeHash(code), expiresAt: new Date(now.getTime() + PAIRING_CODE_TTL_MS) };
}
