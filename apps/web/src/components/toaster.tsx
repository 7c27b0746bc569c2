import { Toast } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon.tsx';
import type { IconName } from './icon.tsx';
import { getToasts, subscribeToasts, toast } from './toast.ts';
import type { ToastTone } from './toast.ts';
import './toaster.css';

const TONE_ICON: Record<ToastTone, IconName> = { success: 'check', error: 'alert', info: 'info' };

/**
 * Where toasts appear (Radix Toast: announced to screen readers, swipe or tap to dismiss, paused
 * while hovered or focused). Mounted once, at the app's root.
 */
export function Toaster() {
  const { t } = useTranslation();
  const items = useSyncExternalStore(subscribeToasts, getToasts, getToasts);
  return (
    <Toast.Provider label={t('toast.region')} swipeDirection="right">
      {items.map((item) => (
        <Toast.Root
          key={item.id}
          className={`toast toast--${item.tone}`}
          duration={item.durationMs}
          type={item.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => (open ? undefined : toast.dismiss(item.id))}
        >
          <span className="toast__icon">
            <Icon name={TONE_ICON[item.tone]} size={18} />
          </span>
          <div className="toast__text">
            <Toast.Title className="toast__title">{item.title}</Toast.Title>
            {item.description ? (
              <Toast.Description className="toast__description">{item.description}</Toast.Description>
            ) : null}
          </div>
          <Toast.Close className="toast__close" aria-label={t('actions.dismiss')}>
            <Icon name="close" size={16} />
          </Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}

/** The toast helper, for components that prefer a hook: `const toast = useToast(); toast.success(…)`. */
export function useToast(): typeof toast {
  return toast;
}
