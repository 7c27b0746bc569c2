/** Where a signed-in station session is on its way to the automatic sign-out. */
export type IdlePhase =
  | { readonly phase: 'active' }
  | { readonly phase: 'warning'; readonly secondsLeft: number }
  | { readonly phase: 'expired' };

/** Idle settings: sign out after `idleSeconds` without a touch, warning for the last `warnSeconds`. */
export interface IdleSettings {
  readonly idleSeconds: number;
  readonly warnSeconds: number;
}

/** The station default: 3 minutes idle, the last 30 seconds counted down on screen. */
export const DEFAULT_IDLE: IdleSettings = { idleSeconds: 180, warnSeconds: 30 };

/** The idle phase at `nowMs` for the last touch at `lastActivityMs`. */
export function idlePhase(lastActivityMs: number, nowMs: number, settings: IdleSettings = DEFAULT_IDLE): IdlePhase {
  const leftMs = lastActivityMs + settings.idleSeconds * 1000 - nowMs;
  if (leftMs <= 0) return { phase: 'expired' };
  if (leftMs <= settings.warnSeconds * 1000) return { phase: 'warning', secondsLeft: Math.ceil(leftMs / 1000) };
  return { phase: 'active' };
}

/**
 * Reads `?idle=<seconds>` (a station's configured idle time, e.g. a kiosk URL), within 15 s and
 * 1 h; the default otherwise. The warning is a sixth of the idle time, at least 5 s, at most 30 s.
 */
export function idleSettingsFrom(search: string): IdleSettings {
  const raw = Number(new URLSearchParams(search).get('idle'));
  if (!Number.isFinite(raw) || raw < 15 || raw > 3600) return DEFAULT_IDLE;
  const idleSeconds = Math.round(raw);
  return { idleSeconds, warnSeconds: Math.min(30, Math.max(5, Math.round(idleSeconds / 6))) };
}
