import type { TFunction } from 'i18next';

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

/** `in_progress` → "In progress": how a status the catalogs do not know yet still reads as words. */
export function humanizeCode(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An order status in the user's language (explicit keys, so the catalog check sees each). */
export function statusLabel(t: TFunction<'common'>, status: string): string {
  switch (status.toLowerCase().replace(/-/g, '_')) {
    case 'draft':
      return t('status.draft');
    case 'planned':
      return t('status.planned');
    case 'released':
      return t('status.released');
    case 'in_progress':
      return t('status.in_progress');
    case 'on_hold':
      return t('status.on_hold');
    case 'paused':
      return t('status.paused');
    case 'completed':
      return t('status.completed');
    case 'cancelled':
      return t('status.cancelled');
    default:
      return humanizeCode(status);
  }
}
