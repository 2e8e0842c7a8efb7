import { usePageTitle } from '../components/page-title';
import { EmptyState } from '../components/states';

/** Placeholder for screens whose issue has not landed yet; the route exists so links and bookmarks work. */
export function ComingNext({ title, what }: { title: string; what: string }) {
  usePageTitle(title);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <EmptyState title="Coming next">{what}</EmptyState>
    </div>
  );
}
