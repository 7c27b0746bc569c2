/** How a toast reads: a command that worked, one that failed, or news. */
export type ToastTone = 'success' | 'error' | 'info';

/** What to say in a toast; the texts come from the catalogs (`t(...)`) of the caller. */
export interface ToastInput {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** How long it stays; errors stay longer by default, as they need reading. */
  durationMs?: number;
}

/** A toast on screen. */
export interface ToastItem extends Required<Omit<ToastInput, 'description'>> {
  id: number;
  description?: string;
}

const DEFAULT_DURATION_MS: Record<ToastTone, number> = { success: 4000, info: 5000, error: 8000 };
/** More than this and the oldest go: a burst of live events must not bury the screen. */
const MAX_TOASTS = 4;

let toasts: readonly ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly ToastItem[]): void {
  toasts = next;
  for (const listener of listeners) listener();
}

/** Shows a toast (the app's `<Toaster />` renders it); returns its id. */
function show(input: ToastInput): number {
  const tone = input.tone ?? 'info';
  const item: ToastItem = {
    id: nextId++,
    title: input.title,
    description: input.description,
    tone,
    durationMs: input.durationMs ?? DEFAULT_DURATION_MS[tone],
  };
  publish([...toasts, item].slice(-MAX_TOASTS));
  return item.id;
}

/**
 * Toasts for command results, callable from anywhere (a mutation's `onSuccess`, a live event):
 * `toast.success(t('card.completed'))`, `toast.error(title, description)`, `toast({ … })`.
 */
export const toast = Object.assign(show, {
  success: (title: string, description?: string) => show({ title, description, tone: 'success' }),
  error: (title: string, description?: string) => show({ title, description, tone: 'error' }),
  info: (title: string, description?: string) => show({ title, description, tone: 'info' }),
  dismiss: (id: number) => publish(toasts.filter((item) => item.id !== id)),
  /** Removes every toast (sign-out: the next person must not see them). */
  clear: () => publish([]),
});

/** The toasts on screen now. */
export function getToasts(): readonly ToastItem[] {
  return toasts;
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
