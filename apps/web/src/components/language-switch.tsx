import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/languages.ts';
import type { Language } from '../i18n/languages.ts';
import './language-switch.css';

/**
 * English / ไทย as two large toggle buttons, each named in its own language so a person who reads
 * only one of them still finds it. `onChange` decides where the choice is stored.
 */
export function LanguageSwitch({
  value,
  onChange,
  disabled = false,
}: {
  value: Language;
  onChange: (language: Language) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const names: Record<Language, string> = { en: t('language.en'), th: t('language.th') };
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="language-switch__option"
          aria-pressed={language === value}
          disabled={disabled}
          onClick={() => (language === value ? undefined : onChange(language))}
        >
          {names[language]}
        </button>
      ))}
    </div>
  );
}
