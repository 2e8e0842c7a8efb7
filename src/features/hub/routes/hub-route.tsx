import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import { clsx } from 'clsx';
import { Button } from '../../../components/button';
import { usePageTitle } from '../../../components/page-title';
import { SearchInput } from '../../../components/search-input';
import { EmptyState, Skeleton } from '../../../components/states';
import { useUrlListParams } from '../../../components/use-url-list-params';
import { hubQueries } from '../api/queries';
import { CrateGrid } from '../components/crate-grid';
import { CrateTable } from '../components/crate-table';
import type { ListedCrate } from '../components/listed-crate';
import { SourceProblem } from '../components/source-problem';
import { SourcesDialog } from '../components/sources-dialog';
import { useSources } from '../hooks/use-sources';
import { filterCrates, KNOWN_TYPES, parseCatalogueParams, typeLabel } from '../lib/catalogue';
import { sourceKey } from '../lib/sources';

export function Component() {
  usePageTitle('Hub');
  const sources = useSources();
  const { view, q, setQuery, update } = useUrlListParams(parseCatalogueParams);
  const [editing, setEditing] = useState(false);
  const results = useQueries({
    queries: sources.loading ? [] : sources.all.map((s) => hubQueries.catalogue(sources.config, s)),
  });

  const listed: ListedCrate[] = results.flatMap((r, i) => {
    const source = sources.all[i];
    return r.data && source ? r.data.crates.map((crate) => ({ crate, source, isDefault: sources.isDefault(source) })) : [];
  });
  const shown = listed.filter((l) => filterCrates([l.crate], view).length === 1);
  const used = [...new Set(listed.flatMap((l) => (l.crate.ok ? l.crate.meta.serviceTypes : [])))];
  const types = [...KNOWN_TYPES, ...used.filter((t) => !KNOWN_TYPES.includes(t)).sort()];
  const loading = sources.loading || results.some((r) => r.isPending);
  const filtering = view.q !== '' || view.types.length > 0;

  const setTypes = (next: string[]) =>
    update((n) => {
      if (next.length) n.set('type', next.join(','));
      else n.delete('type');
    });
  const setView = (v: 'grid' | 'table') =>
    update((n) => {
      if (v === 'table') n.set('view', 'table');
      else n.delete('view');
    });

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-2xl font-semibold">Hub</h1>
          <p className="text-sm text-muted">
            Ready-made services published as RO-Crates. Open one to read about it, then deploy it with your choices: the editor shows
            the service for review before anything is created.
          </p>
        </div>
        <Button onClick={() => setEditing(true)}>Sources ({sources.all.length})</Button>
      </div>

      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <SearchInput label="Search crates" value={q} onChange={(v) => setQuery(v)} placeholder="Search crates" className="w-full sm:w-72" />
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <legend className="sr-only">Service type</legend>
          <span aria-hidden="true" className="text-sm text-muted">
            Type:
          </span>
          {types.map((t) => (
            <label key={t} className="flex items-center gap-1.5 text-sm">
              <input
                type="checkbox"
                checked={view.types.includes(t)}
                onChange={(e) => setTypes(e.target.checked ? [...view.types, t] : view.types.filter((x) => x !== t))}
              />
              {typeLabel(t)}
            </label>
          ))}
        </fieldset>
        <div role="group" aria-label="View" className="ml-auto inline-flex rounded-md border border-line bg-canvas p-0.5">
          {(['grid', 'table'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view.view === v}
              onClick={() => setView(v)}
              className={clsx('rounded px-3 py-1 text-sm font-medium', view.view === v ? 'bg-accent text-accent-fg' : 'text-muted hover:text-fg')}
            >
              {v === 'grid' ? 'Grid' : 'Table'}
            </button>
          ))}
        </div>
      </div>

      {results.map((r, i) => {
        const source = sources.all[i];
        if (!source) return null;
        if (r.isError) return <SourceProblem key={sourceKey(source)} source={source} error={r.error} onRetry={() => void r.refetch()} />;
        if (r.data?.stale) return <SourceProblem key={sourceKey(source)} source={source} error={r.data.stale} stale />;
        if (r.data?.truncated) {
          return (
            <p key={sourceKey(source)} role="status" className="text-sm text-warn">
              GitHub cut the listing of {sourceKey(source)} short (it has too many files): some of its crates may be missing.
            </p>
          );
        }
        return null;
      })}

      {loading && listed.length === 0 ? (
        <div aria-busy="true" className="flex flex-col gap-3">
          <p role="status" className="sr-only">
            Loading the catalogue…
          </p>
          <Skeleton rows={6} />
        </div>
      ) : shown.length === 0 ? (
        filtering && listed.length > 0 ? (
          <EmptyState title="No crate matches" action={<Button onClick={() => setQuery('', (n) => n.delete('type'))}>Clear the search and filters</Button>}>
            Nothing in {listed.length} crates matches this search and type.
          </EmptyState>
        ) : results.some((r) => r.isError) ? null : (
          <EmptyState title="No crates here" action={<Button onClick={() => setEditing(true)}>Sources</Button>}>
            The sources hold no folders with an ro-crate-metadata.json. Add a repository that does.
          </EmptyState>
        )
      ) : (
        <>
          <p role="status" className="text-sm text-muted">
            {filtering ? `${shown.length} of ${listed.length} crates` : `${listed.length} crates`}
            {loading ? ' (more loading…)' : ''}
          </p>
          {view.view === 'table' ? <CrateTable crates={shown} config={sources.config} /> : <CrateGrid crates={shown} config={sources.config} />}
        </>
      )}

      <SourcesDialog open={editing} onClose={() => setEditing(false)} site={sources.site} mine={sources.mine} onAdd={sources.add} onRemove={sources.remove} />
    </div>
  );
}
