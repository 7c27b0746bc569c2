/** What a keyboard-wedge badge scanner has typed so far, and when the last character came. */
export interface ScanBuffer {
  readonly text: string;
  readonly lastAtMs: number;
}

/** An empty buffer. */
export const EMPTY_SCAN: ScanBuffer = { text: '', lastAtMs: 0 };

/** Characters further apart than this start a new scan (a scanner types a badge in well under a second). */
export const SCAN_GAP_MS = 800;

/** Badge ids are short codes such as `B-1101`. */
const BADGE_CHAR = /^[0-9A-Za-z\-_.]$/;
const MIN_BADGE_LENGTH = 3;
const MAX_BADGE_LENGTH = 100;

/**
 * Feeds one key (`KeyboardEvent.key`) of a badge scanner that types the badge id and Enter into
 * whatever has focus, so the station needs no focused field: `badge` is set when Enter ends a
 * plausible id. Other keys are ignored; a pause longer than {@link SCAN_GAP_MS} starts over.
 */
export function feedScanKey(buffer: ScanBuffer, key: string, atMs: number): { buffer: ScanBuffer; badge?: string } {
  const fresh = atMs - buffer.lastAtMs > SCAN_GAP_MS ? EMPTY_SCAN : buffer;
  if (key === 'Enter') {
    const text = fresh.text;
    return text.length >= MIN_BADGE_LENGTH ? { buffer: EMPTY_SCAN, badge: text } : { buffer: EMPTY_SCAN };
  }
  if (!BADGE_CHAR.test(key) || fresh.text.length >= MAX_BADGE_LENGTH) return { buffer: fresh };
  return { buffer: { text: fresh.text + key, lastAtMs: atMs } };
}
