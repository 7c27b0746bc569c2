import { describe, expect, it } from 'vitest';
import { EMPTY_SCAN, feedScanKey, SCAN_GAP_MS, type ScanBuffer } from './badge-scan.ts';

/** Types `keys` `gapMs` apart starting at `startMs`; returns the badges read. */
function type(keys: string[], gapMs = 20, startMs = 10_000, buffer: ScanBuffer = EMPTY_SCAN) {
  const badges: string[] = [];
  let current = buffer;
  keys.forEach((key, index) => {
    const fed = feedScanKey(current, key, startMs + index * gapMs);
    current = fed.buffer;
    if (fed.badge !== undefined) badges.push(fed.badge);
  });
  return { badges, buffer: current };
}

describe('feedScanKey', () => {
  it('reads a badge typed by a scanner and ended with Enter', () => {
    expect(type([...'B-1104', 'Enter']).badges).toEqual(['B-1104']);
  });

  it('starts over after a pause, so stray taps never prefix a badge', () => {
    const stray = type(['7']);
    const later = type([...'B-1101', 'Enter'], 20, 10_000 + SCAN_GAP_MS + 1, stray.buffer);
    expect(later.badges).toEqual(['B-1101']);
  });

  it('ignores Enter alone, too-short input and keys that are not badge characters', () => {
    expect(type(['Enter']).badges).toEqual([]);
    expect(type(['1', '2', 'Enter']).badges).toEqual([]);
    expect(type(['Shift', ...'B-11', 'Tab', ...'05', 'Enter']).badges).toEqual(['B-1105']);
  });
});
