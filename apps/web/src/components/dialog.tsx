import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon.tsx';
import './dialog.css';

/** Props of {@link Dialog}. */
export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  /** The buttons at the bottom (the kit's {@link Button}s); the close cross is always there. */
  footer?: ReactNode;
  /** `wide` for forms and detail views with several columns. */
  size?: 'normal' | 'wide';
  children?: ReactNode;
}

/**
 * A modal dialog (Radix): focus stays inside, Escape and a tap beside it close it, the page behind
 * is inert and does not scroll. Radix's own `Overlay` is not used on purpose: its scroll lock
 * injects a `<style>` element, which the app's CSP (`style-src 'self'`) refuses; the backdrop
 * here is a plain element and `dialog.css` locks the scroll instead.
 */
export function Dialog({ open, onOpenChange, title, description, footer, size = 'normal', children }: DialogProps) {
  const { t } = useTranslation();
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <div className="dialog__backdrop" aria-hidden="true" />
        <RadixDialog.Content
          className={`dialog dialog--${size}`}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <header className="dialog__header">
            <RadixDialog.Title className="dialog__title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="dialog__close" aria-label={t('actions.close')}>
              <Icon name="close" size={18} />
            </RadixDialog.Close>
          </header>
          {description ? (
            <RadixDialog.Description className="dialog__description">{description}</RadixDialog.Description>
          ) : null}
          {children ? <div className="dialog__body">{children}</div> : null}
          {footer ? <footer className="dialog__footer">{footer}</footer> : null}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
