import { useEffect } from 'react';
import { visibleText } from '../lib/text/hidden-chars';

/**
 * Sets the document title as "<page> · Lagoon" so history and screen readers name the page. A name in
 * it shows its hidden characters as [U+202E] (a tab title cannot mark them any other way).
 */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${visibleText(title)} · Lagoon` : 'Lagoon';
  }, [title]);
}
