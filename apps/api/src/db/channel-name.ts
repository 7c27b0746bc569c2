/**
 * Refuses a NOTIFY channel name that is not a plain lower-case identifier. Both engines then
 * treat it the same way (PGlite and `pg_notify` would otherwise disagree on case folding), and it
 * can be quoted into LISTEN without escaping.
 */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`Invalid notification channel ${JSON.stringify(channel)}: use lower-case letters, digits and _.`);
  }
}
