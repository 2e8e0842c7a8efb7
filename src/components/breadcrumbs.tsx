import { Link } from 'react-router';
import { Name } from './name';

export interface Crumb {
  label: string;
  /** Absent for the current page, which is the last crumb. */
  to?: string;
}

/** "Services / cowsay": where this page sits, with links back up. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {items.map((c, i) => (
          <li key={`${c.label}-${i}`} className="flex min-w-0 items-center gap-1">
            {i > 0 && <span aria-hidden="true">/</span>}
            {c.to ? (
              <Link to={c.to} className="text-accent underline-offset-2 hover:underline">
                <Name value={c.label} />
              </Link>
            ) : (
              <span aria-current="page" className="truncate text-fg">
                <Name value={c.label} />
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
