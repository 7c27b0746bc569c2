import { z } from 'zod';
import { en, th } from 'zod/locales';
import type { Language } from './languages.ts';

const ZOD_LOCALES: Record<Language, () => { localeError: z.core.$ZodErrorMap }> = { en, th };

/**
 * Makes zod word its messages in `language`: the forms validate with the shared schemas of
 * `@atelier/contracts`, and what they say beside a field must be in the user's language.
 */
export function applyZodLanguage(language: Language): void {
  z.config(ZOD_LOCALES[language]());
}
