import { useEffect } from 'react';
import { isDemoEndpoint } from '../api/demo';
import { useSession } from '../lib/session/session';
import { visibleText } from '../lib/text/hidden-chars';

/** The cluster as a tab shows it: its host name ("oscar.example.org"), or "demo" for the embedded demo,
 * "dev proxy" for the dev server's proxy. */
export function clusterLabel(endpoint: string | undefined): string {
  if (!endpoint) return '';
  if (isDemoEndpoint(endpoint)) return 'demo';
  if (endpoint.startsWith('/')) return 'dev proxy';
  try {
    return new URL(endpoint, 'http://localhost').host || endpoint;
  } catch {
    return endpoint;
  }
}

/** "Services · oscar.example.org · OSCAR": the page, the cluster and OSCAR, so a tab is found among many. */
export function pageTitle(page: string, endpoint?: string): string {
  // A name in the page's title shows its hidden characters as [U+202E]: a tab title cannot mark them otherwise.
  return [visibleText(page), clusterLabel(endpoint), 'OSCAR'].filter(Boolean).join(' · ');
}

/** Sets the document title (see pageTitle) so history, tabs and screen readers name the page. */
export function usePageTitle(title: string): void {
  const endpoint = useSession()?.endpoint;
  useEffect(() => {
    document.title = pageTitle(title, endpoint);
  }, [title, endpoint]);
}
