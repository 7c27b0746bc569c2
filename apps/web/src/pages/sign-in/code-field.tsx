/**
 * A large text field for a code read off a card or a screen (a badge number, a pairing code):
 * focused at once, no autocomplete or spell checking, capitals on touch keyboards.
 */
export function CodeField({
  label,
  name,
  value,
  onChange,
  placeholder,
  className = '',
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  className?: string;
}) {
  return (
    <label className="field field--large">
      <span className="field__label">{label}</span>
      <input
        className={`field__input ${className}`.trim()}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        autoFocus
        required
      />
    </label>
  );
}
