import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { clsx } from 'clsx';
import { visibleText } from '../lib/text/hidden-chars';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90 border-transparent',
  secondary: 'bg-surface text-fg border-line hover:bg-raised',
  danger: 'bg-danger text-white dark:text-black hover:opacity-90 border-transparent',
  ghost: 'bg-transparent text-fg border-transparent hover:bg-raised',
};

/** A button's look, for <Button> and for links that look like one (ButtonLink). */
export function buttonClass(variant: ButtonVariant, size: 'sm' | 'md'): string {
  return clsx(
    'inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap transition-colors',
    size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-3.5 py-2 text-sm',
    VARIANTS[variant],
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  busy?: boolean;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', busy = false, className, disabled, children, type = 'button', ...rest },
  ref,
) {
  // Labels often carry a name ("Delete RTL-\u202Egnp.exe"): spoken and shown with its hidden characters marked.
  const label = rest['aria-label'];
  const title = rest.title;
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      className={clsx(buttonClass(variant, size), 'disabled:cursor-not-allowed disabled:opacity-50', className)}
      {...rest}
      {...(label === undefined ? {} : { 'aria-label': visibleText(label) })}
      {...(title === undefined ? {} : { title: visibleText(title) })}
    >
      {busy && <Spinner small />}
      {children}
    </button>
  );
});

export function Spinner({ small = false, label }: { small?: boolean; label?: string }) {
  return (
    <span role={label ? 'status' : undefined} className="inline-flex items-center gap-2">
      <span
        aria-hidden="true"
        className={clsx(
          'inline-block animate-spin rounded-full border-2 border-current border-t-transparent',
          small ? 'size-3.5' : 'size-5',
        )}
      />
      {label && <span>{label}</span>}
    </span>
  );
}
