/** PINs are 4 to 8 digits (the API refuses anything else with a 400). */
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

/** A key of the station PIN pad. */
export type PinKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'backspace' | 'clear';

/** Narrows a keyboard key (`KeyboardEvent.key`) to a PIN pad key, so a hardware keypad works too. */
export function pinKeyOf(key: string): PinKey | null {
  if (/^[0-9]$/.test(key)) return key as PinKey;
  if (key === 'Backspace') return 'backspace';
  if (key === 'Escape' || key === 'Delete') return 'clear';
  return null;
}

/** The PIN after pressing `key`; digits past the maximum length are ignored rather than shifting the PIN. */
export function pressPinKey(pin: string, key: PinKey): string {
  if (key === 'clear') return '';
  if (key === 'backspace') return pin.slice(0, -1);
  return pin.length >= PIN_MAX_LENGTH ? pin : pin + key;
}

/** Whether the PIN is long enough to send. */
export function isCompletePin(pin: string): boolean {
  return pin.length >= PIN_MIN_LENGTH && pin.length <= PIN_MAX_LENGTH;
}
