import { Link } from 'react-router';
import { Badge } from '../../../components/badge';
import { Name } from '../../../components/name';
import type { HubConfig } from '../../../lib/config/hub';
import { crateHref } from '../lib/links';
import { sourceKey } from '../lib/sources';
import { CrateIcon } from './crate-icon';
import { TypeBadges } from './type-badges';
import type { ListedCrate } from './listed-crate';

/** The catalogue as cards: icon, name, what it does, its types; a broken crate says why instead. */
export function CrateGrid({ crates, config }: { crates: ListedCrate[]; config: HubConfig }) {
  return (
    <ul aria-label="Crates" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {crates.map(({ crate, source, isDefault }) => (
        <li key={`${sourceKey(source)}/${crate.path}`} className="flex">
          <article
            aria-labelledby={`crate-${sourceKey(source)}-${crate.path}`}
            className="relative flex w-full flex-col gap-2 rounded-lg border border-line bg-surface p-4 focus-within:ring-2 focus-within:ring-accent hover:border-accent"
          >
            <div className="flex items-start gap-3">
              <CrateIcon config={config} source={source} crate={crate} />
              <div className="flex min-w-0 flex-col gap-1">
                <h2 id={`crate-${sourceKey(source)}-${crate.path}`} className="font-semibold break-words">
                  {crate.ok ? (
                    // The whole card is the link's target; the title is its accessible name.
                    <Link to={crateHref(crate.id, source, isDefault)} className="after:absolute after:inset-0 focus:outline-none">
                      <Name value={crate.meta.name} />
                    </Link>
                  ) : (
                    <Name value={crate.name ?? crate.id} />
                  )}
                </h2>
                {crate.ok ? <TypeBadges types={crate.meta.serviceTypes} /> : <Badge tone="danger">Cannot be deployed</Badge>}
              </div>
            </div>
            {crate.ok ? (
              <p className="line-clamp-3 text-sm text-muted">
                <Name value={crate.meta.description} />
              </p>
            ) : (
              <p className="text-sm text-danger">
                <Name value={crate.reason} />
              </p>
            )}
            <p className="mt-auto flex flex-wrap gap-x-3 text-xs text-muted">
              <span>
                <Name value={crate.path} />
              </span>
              {!isDefault && (
                <span>
                  from <Name value={sourceKey(source)} />
                </span>
              )}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
