import { useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import type { HubConfig } from '../../../lib/config/hub';
import { hubQueries, partPath } from '../api/queries';
import type { CrateEntry } from '../lib/catalogue';
import type { HubSource } from '../lib/sources';
import { imageType, useObjectUrl } from '../hooks/use-object-url';

/**
 * A crate's icon, fetched as bytes and shown from a blob: URL (the CSP allows blob: images, and the raw
 * host only needs connect-src). A crate without one, or whose icon fails, shows its initial.
 */
export function CrateIcon({ config, source, crate, size = 'md' }: { config: HubConfig; source: HubSource; crate: CrateEntry; size?: 'md' | 'lg' }) {
  const icon = crate.ok ? crate.meta.icon : undefined;
  const type = icon ? imageType(icon.id) : null;
  const bytes = useQuery({ ...hubQueries.bytes(config, source, partPath(crate, icon?.id ?? '')), enabled: !!icon && !!type });
  const url = useObjectUrl(bytes.data, type ?? 'application/octet-stream');
  const box = clsx('shrink-0 rounded-md border border-line', size === 'lg' ? 'size-16' : 'size-10');
  if (url) return <img src={url} alt="" className={clsx(box, 'bg-white object-contain p-0.5')} />;
  const name = crate.ok ? crate.meta.name : (crate.name ?? crate.id);
  const initial = name.replace(/^OSCAR\s+/i, '').trim().charAt(0).toUpperCase() || '?';
  return (
    <span aria-hidden="true" className={clsx(box, 'flex items-center justify-center bg-accent-soft font-semibold text-fg', size === 'lg' ? 'text-2xl' : 'text-base')}>
      {initial}
    </span>
  );
}
