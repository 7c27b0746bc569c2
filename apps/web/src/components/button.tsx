import type { ButtonHTMLAttributes, Ref } from 'react';

/** How much a button stands out: one `primary` per view, `danger` for what cannot be undone. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** `large` is the station size (56 px, for gloved fingers); every size is ≥ 44 px on touch screens. */
export type ButtonSize = 'normal' | 'large';

/** Props of {@link Button}: a native button's, plus the kit's look. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Full width of its container. */
  block?: boolean;
  /** A command is on its way: disabled and marked busy, so a second tap does nothing. */
  pending?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/** Builds the class list of a kit button, for links or labels that must look like one. */
export function buttonClassName({
  variant = 'secondary',
  size = 'normal',
  block = false,
  className,
}: Pick<ButtonProps, 'variant' | 'size' | 'block' | 'className'> = {}): string {
  return [
    'button',
    variant === 'secondary' ? null : `button--${variant}`,
    size === 'large' ? 'button--large' : null,
    block ? 'button--block' : null,
    className,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The kit's button; `type` defaults to "button" so it never submits a form by accident. */
export function Button({
  variant,
  size,
  block,
  pending = false,
  className,
  disabled,
  type = 'button',
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={buttonClassName({ variant, size, block, className })}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? <span className="button__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
