import { useEffect } from 'react';

/** Sets the document title as "<page> · Lagoon" so history and screen readers name the page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Lagoon` : 'Lagoon';
  }, [title]);
}
