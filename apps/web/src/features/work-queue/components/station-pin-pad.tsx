import { useTranslation } from 'react-i18next';
import { PIN_MIN_LENGTH } from '../../../lib/pin-entry.ts';
import type { PinKey } from '../../../lib/pin-entry.ts';

const CLEAR_KEY = 'clear';
const BACKSPACE_KEY = 'backspace';
const ACTION_KEY_CLASS = ' wq-pin__key--action';

const DIGITS: PinKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * The station's numeric PIN pad: big keys for gloved fingers, the PIN shown as dots only. The
 * parent owns the PIN (`pressPinKey`), so a hardware keypad can drive it too.
 */
export function StationPinPad({
  pin,
  disabled,
  onKey,
}: {
  pin: string;
  disabled: boolean;
  onKey: (key: PinKey) => void;
}) {
  const { t } = useTranslation('station');
  const dots = Math.max(pin.length, PIN_MIN_LENGTH);
  const key = (value: PinKey, label: string, modifier = '', name?: string) => (
    <button
      key={value}
      type="button"
      className={`wq-pin__key${modifier}`}
      disabled={disabled}
      aria-label={name}
      onClick={() => onKey(value)}
    >
      {label}
    </button>
  );
  return (
    <div className="wq-pin">
      <div className="wq-pin__display" aria-live="polite" aria-label={t('pin.entered', { count: pin.length })}>
        {Array.from({ length: dots }, (_, index) => (
          <span key={index} className={`wq-pin__dot${index < pin.length ? ' wq-pin__dot--filled' : ''}`} />
        ))}
      </div>
      <div className="wq-pin__keys">
        {DIGITS.map((digit) => key(digit, digit))}
        {key(CLEAR_KEY, t('pin.clear'), ACTION_KEY_CLASS, t('pin.clearLabel'))}
        {key('0', '0')}
        {key(BACKSPACE_KEY, '⌫', ACTION_KEY_CLASS, t('pin.backspaceLabel'))}
      </div>
    </div>
  );
}
