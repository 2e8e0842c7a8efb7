// The OSCAR Dashboard's URLs (hash routes such as #/ui/services/<name>/logs, #/login?endpoint=…&process=EGI)
// mapped to Lagoon's routes, so bookmarks, OSCAR's docs and the hand-over from embedded dashboards keep
// working. The route table is ../shared/oscar-dashboard/PARITY.md section 1.

/** The dashboard's `process` values (its login kinds) and the provider ids Lagoon's config.json uses for them. */
export const LEGACY_PROCESS: Record<string, string> = {
  EGI: 'egi',
  Keycloak: 'ai4eosc',
  KeycloakGryCAP: 'grycap',
};

const seg = (s: string) => encodeURIComponent(decodeURIComponent(s));

/**
 * Lagoon's path for an OSCAR Dashboard hash (with or without the leading "#"), or null when the hash is
 * not one of the dashboard's routes (a Lagoon hash route or a log line anchor stays as it is).
 */
export function legacyTarget(hash: string): string | null {
  const h = hash.replace(/^#/, '');
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  const query = q < 0 ? '' : h.slice(q + 1);
  if (path === '/login') {
    const q = new URLSearchParams(query);
    const out = new URLSearchParams();
    const endpoint = q.get('endpoint');
    if (endpoint) out.set('endpoint', endpoint);
    const process = q.get('process');
    if (process) out.set('provider', LEGACY_PROCESS[process] ?? process.toLowerCase());
    const s = out.toString();
    return s ? `/login?${s}` : '/login';
  }
  if (path === '/terms-of-use' || path === '/privacy-policy') return path;
  // The public upload page (#/upload?presignedUrl=…&content-type=…): its query moves into the fragment of
  // Lagoon's /upload page, where the signed URL stays out of requests and logs (decision 009).
  if (path === '/upload' || path.startsWith('/upload/')) return query ? `/upload#${query}` : '/upload';
  if (path !== '/ui' && !path.startsWith('/ui/')) return null;
  const parts = path.slice('/ui'.length).split('/').filter(Boolean);
  const [area, name, sub] = parts;
  switch (area) {
    case undefined:
      return '/services';
    case 'services':
      if (!name) return '/services';
      if (name === 'create') return '/services/new';
      if (sub === 'logs') return `/jobs?service=${encodeURIComponent(decodeURIComponent(name))}`;
      if (sub === 'deployment') return `/services/${seg(name)}/deployment`;
      if (sub === 'settings') return `/services/${seg(name)}/edit`;
      return `/services/${seg(name)}`;
    case 'minio':
      if (!name) return '/buckets';
      return `/buckets/${parts.slice(1).map(seg).join('/')}/`;
    case 'metrics':
      return '/usage';
    case 'status':
      return '/status';
    case 'info':
      return '/info';
    case 'volumes':
      return '/volumes';
    case 'quotas':
      return '/quotas';
    default:
      // Pages Lagoon does not have (notebooks, flows, terminals…): the dashboard's own fallback is the services list.
      return '/services';
  }
}
