import { AlertDialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';
import './dialog.css';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What will happen, in a sentence the user can check before saying yes. */
  description: ReactNode;
  confirmLabel: ReactNode;
  /** "Cancel" unless given. */
  cancelLabel?: ReactNode;
  /** `danger` for what cannot be undone (cancel pieces, revoke a key). */
  tone?: 'primary' | 'danger';
  /** The command is on its way: the dialog stays open, its buttons disabled, until the caller closes it. */
  pending?: boolean;
  onConfirm: () => void;
  /** Extra content between the description and the buttons (a reason field, a list of what is affected). */
  children?: ReactNode;
}

/**
 * Asks before a consequential command (Radix AlertDialog: a tap beside it does not dismiss it).
 * Confirming calls `onConfirm` and leaves closing to the caller, so the dialog can show the
 * command pending and stay open if it fails. Like {@link Dialog}, it has no Radix `Overlay` (CSP).
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  pending = false,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <AlertDialog.Root open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <AlertDialog.Portal>
        <div className="dialog__backdrop" aria-hidden="true" />
        <AlertDialog.Content className="dialog dialog--normal">
          <header className="dialog__header">
            <AlertDialog.Title className="dialog__title">{title}</AlertDialog.Title>
          </header>
          <AlertDialog.Description className="dialog__description">{description}</AlertDialog.Description>
          {children ? <div className="dialog__body">{children}</div> : null}
          <footer className="dialog__footer">
            <AlertDialog.Cancel asChild>
              <Button disabled={pending}>{cancelLabel ?? t('actions.cancel')}</Button>
            </AlertDialog.Cancel>
            <Button variant={tone} pending={pending} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          </footer>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
