import { describe, expect, it } from 'vitest';
import { isCompletePin, pinKeyOf, pressPinKey, PIN_MAX_LENGTH } from './pin-entry.ts';
import type { PinKey } from './pin-entry.ts';

const press = (keys: PinKey[], pin = '') => keys.reduce(pressPinKey, pin);

describe('pressPinKey', () => {
  it('appends digits, removes the last one, clears all', () => {
    expect(press(['1', '1', '0', '4'])).toBe('1104');
    expect(press(['backspace'], '1104')).toBe('110');
    expect(press(['clear'], '1104')).toBe('');
    expect(press(['backspace'])).toBe('');
  });

  it('ignores digits beyond the longest PIN', () => {
    const full = '1'.repeat(PIN_MAX_LENGTH);
    expect(press(['9'], full)).toBe(full);
  });
});

describe('isCompletePin', () => {
  it('accepts 4 to 8 digits only', () => {
    expect(isCompletePin('110')).toBe(false);
    expect(isCompletePin('1104')).toBe(true);
    expect(isCompletePin('12345678')).toBe(true);
    expect(isCompletePin('123456789')).toBe(false);
  });
});

describe('pinKeyOf', () => {
  it('maps a hardware keypad to the pad', () => {
    expect(pinKeyOf('7')).toBe('7');
    expect(pinKeyOf('Backspace')).toBe('backspace');
    expect(pinKeyOf('Escape')).toBe('clear');
    expect(pinKeyOf('a')).toBeNull();
    expect(pinKeyOf('Enter')).toBeNull();
  });
});
