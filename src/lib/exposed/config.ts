// config.json's `exposedServiceRoutes` (README, "Exposed services"): whether the clusters serve exposed
// services at a path or at a subdomain. Read once per page when an exposed service is shown; a missing or
// broken file means "path", OSCAR's default.
import { queryOptions } from '@tanstack/react-query';
import { assetUrl } from '../deploy/mode';

export async function loadExposedRoutesSetting(fetchFn: typeof fetch = fetch): Promise<unknown> {
  try {
    const res = await fetchFn(assetUrl('config.json'), { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) return null;
    const raw = (await res.json()) as unknown;
    return raw && typeof raw === 'object' ? ((raw as { exposedServiceRoutes?: unknown }).exposedServiceRoutes ?? null) : null;
  } catch {
    return null;
  }
}

export const exposedRoutesQuery = () =>
  queryOptions({
    queryKey: ['app-config', 'exposedServiceRoutes'] as const,
    queryFn: () => loadExposedRoutesSetting(),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
