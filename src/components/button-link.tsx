import { Link, type LinkProps } from 'react-router';
import { clsx } from 'clsx';

type Variant = 'primary' | 'secondary' | 'ghost';

// Same look as <Button>, for actions that are navigations (a link is what a screen reader should announce).
const VARIANTS: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90 border-transparent',
  secondary: 'bg-surface text-fg border-line hover:bg-raised',
  ghost: 'bg-transparent text-fg border-transparent hover:bg-raised',
};

export function ButtonLink({
  variant = 'secondary',
  size = 'md',
  className,
  ...rest
}: LinkProps & { variant?: Variant; size?: 'sm' | 'md' }) {
  return (
    <Link
      className={clsx(
        'inline-flex items-center justify-center gap-1.5 rounded-md border font-medium whitespace-nowrap no-underline transition-colors',
        size === 'sm' ? 'px-2.5 py-1 text-sm' : 'px-3.5 py-2 text-sm',
        VARIANTS[variant],
        className,
      )}
      {...rest}
    />
  );
}
