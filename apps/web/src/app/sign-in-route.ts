/** Desktop sign-in (username + password) or station sign-in (badge + PIN on a shop-floor tablet). */
export type SignInMode = 'office' | 'station';

/** The address of each sign-in screen. */
export const SIGN_IN_PATHS: Record<SignInMode, string> = { office: '/sign-in', station: '/sign-in/station' };

/** The query parameter carrying the page to come back to after sign-in. */
export const NEXT_PARAM = 'next';

/**
 * The page to return to after sign-in, when `raw` is one of this app's own paths. Anything else
 * (another origin, `//evil.example`, `/\evil`, a sign-in page) is refused so a crafted link cannot
 * send a user who just signed in somewhere else, or round in circles.
 */
export function safeNextPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return null;
  const path = raw.split(/[?#]/, 1)[0] ?? '';
  if (Object.values(SIGN_IN_PATHS).includes(path.replace(/\/+$/, ''))) return null;
  return raw;
}

/** The sign-in screen of `mode`, remembering `next` (when safe) to come back to. */
export function signInPath(mode: SignInMode, next?: string | null): string {
  const back = safeNextPath(next);
  return back === null || back === '/'
    ? SIGN_IN_PATHS[mode]
    : `${SIGN_IN_PATHS[mode]}?${new URLSearchParams({ [NEXT_PARAM]: back })}`;
}

const MODE_KEY = 'atelier-flow.sign-in-mode';

/** Remembers how this device signs in, so a station tablet returns to its PIN pad after a session ends. */
export function rememberSignInMode(mode: SignInMode, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(MODE_KEY, mode);
  } catch {
    // Private browsing or a full quota: the device then falls back to the desktop sign-in.
  }
}

/** How this device signed in last; desktop sign-in when it never did. */
export function rememberedSignInMode(storage: Pick<Storage, 'getItem'> = localStorage): SignInMode {
  try {
    return storage.getItem(MODE_KEY) === 'station' ? 'station' : 'office';
  } catch {
    return 'office';
  }
}
