import { useEffect, useRef } from 'react';
import { EMPTY_SCAN, feedScanKey } from '../lib/badge-scan.ts';

/**
 * Listens for a keyboard-wedge badge scanner anywhere on the page (no field needs focus) and
 * calls `onBadge` with each badge id it types and ends with Enter. Keys typed into a field are
 * left to the field.
 */
export function useBadgeScanner(onBadge: (badgeId: string) => void, enabled = true): void {
  const buffer = useRef(EMPTY_SCAN);
  const latest = useRef(onBadge);
  latest.current = onBadge;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const fed = feedScanKey(buffer.current, event.key, event.timeStamp || performance.now());
      buffer.current = fed.buffer;
      if (fed.badge !== undefined) {
        event.preventDefault();
        latest.current(fed.badge);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
