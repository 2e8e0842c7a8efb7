// Where an exposed service answers on the session's cluster, for the React screens that open one (services, apps).
import { useQuery } from '@tanstack/react-query';
import type { Service } from '../../api/types';
import { resolveEndpoint } from '../../api/client';
import { isDemoEndpoint } from '../../api/demo';
import { exposedRoutesQuery } from './config';
import { exposedBaseUrl, fillUrl, healthUrl, nodePortUrls, openTemplate, routesFor, type FilledUrl } from './url';
import { useSession } from '../session/session';

export interface ExposedTarget {
  /** The address to open (secrets filled in: never shown), the same masked, and placeholders left empty. */
  open: FilledUrl;
  /** The service's root, ending in "/" (no secrets). */
  base: string;
  /** Where readiness is checked (root + health_path; no secrets). */
  health: string;
  nodePorts: string[];
  /** The in-page demo cluster: its addresses exist only inside this page. */
  demo: boolean;
}

/** Where an exposed service answers on the session's cluster (lib/exposed/url), or null when not exposed. */
export function useExposedTarget(s: Service | null): ExposedTarget | null {
  const session = useSession();
  const exposed = Boolean(s?.expose && (s.expose.api_port?.length ?? 0) > 0);
  const setting = useQuery({ ...exposedRoutesQuery(), enabled: exposed }).data;
  if (!s || !exposed || !session) return null;
  const endpoint = resolveEndpoint(session.endpoint);
  const base = exposedBaseUrl(endpoint, s.name, routesFor(setting, endpoint));
  return {
    open: fillUrl(base, openTemplate(s), s),
    base,
    health: healthUrl(base, s.expose?.health_path),
    nodePorts: nodePortUrls(endpoint, s),
    demo: isDemoEndpoint(session.endpoint),
  };
}
