/** Colour family of a status badge. */
export type StatusTone = 'neutral' | 'info' | 'progress' | 'success' | 'warning' | 'danger';

const TONES: Record<string, StatusTone> = {
  draft: 'neutral',
  planned: 'neutral',
  released: 'info',
  in_progress: 'progress',
  on_hold: 'warning',
  paused: 'warning',
  completed: 'success',
  cancelled: 'danger',
};

/** The badge colour of an order status; statuses this screen does not know yet stay neutral. */
export function statusTone(status: string): StatusTone {
  return TONES[status] ?? 'neutral';
}

/** `in_progress` → "In progress". */
export function statusLabel(status: string): string {
  const words = status.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
