import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/queries.ts';
import { useUpdateMe } from '../api/session-queries.ts';
import type { Me } from '@atelier/contracts';
import { toast } from '../components/toast.ts';
import type { Language } from '../i18n/languages.ts';
import { setSessionLanguage, updatePreferences } from '../i18n/preferences.ts';

/**
 * Switches the app's language. Signed in, the choice is stored on the person's user (it follows
 * them to any device) and, on their own desktop, becomes the device's too; a station keeps its own
 * for the next operator. Signed out (the sign-in screen), it is the device's language.
 */
export function useChangeLanguage(): { change: (language: Language) => void; pending: boolean } {
  const client = useQueryClient();
  const updateMe = useUpdateMe();
  const { t } = useTranslation();
  const change = (language: Language) => {
    const me = client.getQueryData<Me | null>(queryKeys.me);
    if (!me || me.kind !== 'user') {
      updatePreferences({ language });
      return;
    }
    const before = me.locale;
    setSessionLanguage(language);
    if (!me.station) updatePreferences({ language });
    updateMe.mutate(
      { locale: language },
      {
        onError: () => {
          setSessionLanguage(before);
          toast.error(t('language.notSaved'));
        },
      },
    );
  };
  return { change, pending: updateMe.isPending };
}
