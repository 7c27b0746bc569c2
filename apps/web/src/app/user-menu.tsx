import { DropdownMenu } from 'radix-ui';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session-queries.ts';
import { toast } from '../components/toast.ts';
import { useFormat } from '../i18n/format.ts';
import { useProblemText } from '../i18n/problem-text.ts';
import { isLanguage } from '../i18n/languages.ts';
import { updatePreferences, usePreferences } from '../i18n/preferences.ts';
import { describeRoles, initialsOf } from '../lib/user-label.ts';
import { useCurrentUser } from './session-gate.tsx';
import { SIGN_IN_PATHS } from './sign-in-route.ts';
import { useChangeLanguage } from './use-change-language.ts';
import './user-menu.css';

/**
 * Who is signed in (name, role; "Station" for a PIN session) as a menu in the header: language,
 * the Thai calendar, sign-out. A station session signs out to the PIN pad, ready for the next
 * operator. The menu is not modal (Radix's modal menus inject a `<style>`, which the CSP refuses).
 */
export function UserMenu() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const preferences = usePreferences();
  const language = useChangeLanguage();
  const problemText = useProblemText();
  const signOut = useSignOut(() => navigate(SIGN_IN_PATHS[user.station ? 'station' : 'office'], { replace: true }));
  const role = describeRoles(t, user.roles, locale);
  const doSignOut = () => {
    toast.clear();
    signOut.mutate(undefined, {
      onError: (error) => toast.error(t('userMenu.signOutFailed', { reason: problemText(error).title })),
    });
  };
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className="user-menu" aria-label={t('userMenu.open', { name: user.displayName })}>
        <span className="user-menu__avatar" aria-hidden="true">
          {initialsOf(user.displayName)}
        </span>
        <span className="user-menu__who">
          <span className="user-menu__name">{user.displayName}</span>
          <span className="user-menu__role">{user.station ? t('userMenu.station', { role }) : role}</span>
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={8}>
          <DropdownMenu.Label className="menu__label">{t('language.label')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={preferences.language}
            onValueChange={(value) => (isLanguage(value) ? language.change(value) : undefined)}
          >
            <DropdownMenu.RadioItem className="menu__item" value="en" lang="en">
              {t('language.en')}
            </DropdownMenu.RadioItem>
            <DropdownMenu.RadioItem className="menu__item" value="th" lang="th">
              {t('language.th')}
            </DropdownMenu.RadioItem>
          </DropdownMenu.RadioGroup>
          {preferences.language === 'th' ? (
            <>
              <DropdownMenu.Separator className="menu__separator" />
              <DropdownMenu.Label className="menu__label">{t('language.calendar')}</DropdownMenu.Label>
              <DropdownMenu.RadioGroup
                value={preferences.calendar}
                onValueChange={(value) => updatePreferences({ calendar: value === 'gregory' ? 'gregory' : 'buddhist' })}
              >
                <DropdownMenu.RadioItem className="menu__item" value="buddhist">
                  {t('language.buddhist')}
                </DropdownMenu.RadioItem>
                <DropdownMenu.RadioItem className="menu__item" value="gregory">
                  {t('language.gregory')}
                </DropdownMenu.RadioItem>
              </DropdownMenu.RadioGroup>
            </>
          ) : null}
          <DropdownMenu.Separator className="menu__separator" />
          <DropdownMenu.Item
            className="menu__item menu__item--action"
            disabled={signOut.isPending}
            onSelect={doSignOut}
          >
            {t('userMenu.signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
