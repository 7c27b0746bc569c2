import { randomBytes } from 'node:crypto';
import { newSecret } from './secret-token.ts';

/**
 * API keys look like `af_<prefix>_<secret>`: the prefix (8 lower-case hex characters) is stored
 * in clear to find the key and to show it in lists; only a hash of the secret is stored.
 */

const TOKEN_PATTERN = /^af_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/;

/** A freshly generated key: the full token (shown once) and its parts. */
export interface GeneratedApiKey {
  readonly token: string;
  readonly prefix: string;
  readonly secret: string;
}

/** Generates a new API key token. */
export function generateApiKey(): GeneratedApiKey {
  const prefix = randomBytes(4).toString('hex');
  const secret = newSecret();
  return { token: `af_${prefix}_${secret}`, prefix, secret };
}

/** Splits a presented token into prefix and secret; null when it is not shaped like an API key. */
export function parseApiKey(token: string): { prefix: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  return match?.[1] && match[2] ? { prefix: match[1], secret: match[2] } : null;
}
