// Links to the terms of use and the privacy policy (the operator's own documents when config.json names
// them, Lagoon's pages otherwise), in the login screen's footer and below the main navigation.
import { Link } from 'react-router';
import { clsx } from 'clsx';
import { useSiteConfig } from '../lib/config/site';

export function LegalLinks({ className }: { className?: string }) {
  const site = useSiteConfig();
  const item = (label: string, internal: string, external?: string) =>
    external ? (
      <a href={external} target="_blank" rel="noreferrer" className="hover:text-fg hover:underline">
        {label}
      </a>
    ) : (
      <Link to={internal} className="hover:text-fg hover:underline">
        {label}
      </Link>
    );
  return (
    <nav aria-label="Legal" className={clsx('flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted', className)}>
      {item('Terms of use', '/terms-of-use', site.termsUrl)}
      {item('Privacy policy', '/privacy-policy', site.privacyUrl)}
    </nav>
  );
}
