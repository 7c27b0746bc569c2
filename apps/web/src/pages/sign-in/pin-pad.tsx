import { useTranslation } from 'react-i18next';
import type { PinKey } from '../../lib/pin-entry.ts';
import { PIN_MIN_LENGTH } from '../../lib/pin-entry.ts';

const CLEAR: PinKey = 'clear';
const BACKSPACE: PinKey = 'backspace';
const BACKSPACE_SYMBOL = '⌫';

const DIGIT_ROWS: PinKey[][] = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

/**
 * The station's numeric PIN pad: big keys for gloved or dusty fingers, the PIN shown as dots
 * only. The parent owns the PIN (see `pressPinKey`), so a hardware keypad can drive it too.
 */
export function PinPad({ pin, disabled, onKey }: { pin: string; disabled: boolean; onKey: (key: PinKey) => void }) {
  const { t } = useTranslation('signIn');
  const dots = Math.max(pin.length, PIN_MIN_LENGTH);
  const key = (value: PinKey, label: string, action = false, name?: string) => (
    <button
      key={value}
      type="button"
      className={action ? 'pin-pad__key pin-pad__key--action' : 'pin-pad__key'}
      disabled={disabled}
      aria-label={name}
      onClick={() => onKey(value)}
    >
      {label}
    </button>
  );
  const clear = key(CLEAR, t('pin.clear'), true, t('pin.clearLabel'));
  const backspace = key(BACKSPACE, BACKSPACE_SYMBOL, true, t('pin.deleteLabel'));
  return (
    <div className="pin-pad">
      <div className="pin-pad__display" aria-live="polite" aria-label={t('pin.entered', { count: pin.length })}>
        {Array.from({ length: dots }, (_, index) => (
          <span key={index} className={`pin-pad__dot${index < pin.length ? ' pin-pad__dot--filled' : ''}`} />
        ))}
      </div>
      <div className="pin-pad__keys">
        {DIGIT_ROWS.flat().map((digit) => key(digit, digit))}
        {clear}
        {key('0', '0')}
        {backspace}
      </div>
    </div>
  );
}
