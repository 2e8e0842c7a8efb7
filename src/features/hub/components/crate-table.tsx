import { Link } from 'react-router';
import { Name } from '../../../components/name';
import type { HubConfig } from '../../../lib/config/hub';
import { crateHref } from '../lib/links';
import { sourceKey } from '../lib/sources';
import { CrateIcon } from './crate-icon';
import { TypeBadges } from './type-badges';
import type { ListedCrate } from './listed-crate';

/** The catalogue as a table: name, types, resources, version and source, one crate a row. */
export function CrateTable({ crates, config }: { crates: ListedCrate[]; config: HubConfig }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Crates</caption>
        <thead className="border-b border-line text-xs text-muted uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Crate</th>
            <th scope="col" className="px-3 py-2 font-medium">Type</th>
            <th scope="col" className="px-3 py-2 font-medium">CPU</th>
            <th scope="col" className="px-3 py-2 font-medium">Memory</th>
            <th scope="col" className="px-3 py-2 font-medium">GPU</th>
            <th scope="col" className="px-3 py-2 font-medium">Source</th>
          </tr>
        </thead>
        <tbody>
          {crates.map(({ crate, source, isDefault }) => (
            <tr key={`${sourceKey(source)}/${crate.path}`} className="border-b border-line last:border-0 hover:bg-raised">
              <td className="px-3 py-2">
                <div className="flex items-center gap-3">
                  <CrateIcon config={config} source={source} crate={crate} />
                  <div className="flex min-w-0 flex-col">
                    {crate.ok ? (
                      <Link to={crateHref(crate.id, source, isDefault)} className="font-medium text-accent underline-offset-4 hover:underline">
                        <Name value={crate.meta.name} />
                      </Link>
                    ) : (
                      <span className="font-medium">
                        <Name value={crate.name ?? crate.id} />
                      </span>
                    )}
                    <span className={crate.ok ? 'line-clamp-1 text-xs text-muted' : 'text-xs text-danger'}>
                      <Name value={crate.ok ? crate.meta.description : crate.reason} />
                    </span>
                  </div>
                </div>
              </td>
              <td className="px-3 py-2">{crate.ok ? <TypeBadges types={crate.meta.serviceTypes} /> : <span className="text-danger">Cannot be deployed</span>}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{crate.ok && crate.meta.cpu ? <Name value={crate.meta.cpu} /> : '–'}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{crate.ok && crate.meta.memory ? <Name value={crate.meta.memory} /> : '–'}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{crate.ok && crate.meta.gpu ? <Name value={crate.meta.gpu} /> : '–'}</td>
              <td className="px-3 py-2 whitespace-nowrap text-muted">
                <Name value={sourceKey(source)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
