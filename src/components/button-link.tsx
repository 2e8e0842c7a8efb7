import { Link, type LinkProps } from 'react-router';
import { clsx } from 'clsx';
import { buttonClass, type ButtonVariant } from './button';

// Same look as <Button>, for actions that are navigations (a link is what a screen reader should announce).
export function ButtonLink({
  variant = 'secondary',
  size = 'md',
  className,
  ...rest
}: LinkProps & { variant?: Exclude<ButtonVariant, 'danger'>; size?: 'sm' | 'md' }) {
  return <Link className={clsx(buttonClass(variant, size), 'no-underline', className)} {...rest} />;
}
