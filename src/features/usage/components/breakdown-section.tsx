import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { Button } from '../../../components/button';
import { BarsChart, type BarRow } from '../../../components/chart-bars';
import { saveBlob } from '../../../components/save-file';
import { Section } from '../../../components/section';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { rfc3339, type ResolvedRange } from '../../../lib/metrics/range';
import { cleanValue, type SeriesDef } from '../../../lib/metrics/series';
import { fetchBreakdownCsv, GROUP_BYS, usageQueries, type GroupBy } from '../api/queries';
import type { BreakdownSort } from '../hooks/use-usage-params';
import { BreakdownTable, GROUP_LABEL, keyLabel, sortItems } from './breakdown-table';

const DEFS: readonly SeriesDef[] = [
  { key: 'requests_count_sync', label: 'Synchronous', unit: 'requests' },
  { key: 'requests_count_async', label: 'Asynchronous', unit: 'requests' },
  { key: 'requests_count_exposed', label: 'Exposed', unit: 'requests' },
];
const BARS = 15;

export function BreakdownSection(props: {
  range: ResolvedRange;
  groupBy: GroupBy;
  includeUsers: boolean;
  sort: BreakdownSort;
  onGroupBy: (g: GroupBy) => void;
  onIncludeUsers: (on: boolean) => void;
  onSort: (s: BreakdownSort) => void;
}) {
  const { range, groupBy, includeUsers, sort } = props;
  const id = useId();
  const q = useQuery({
    ...usageQueries.breakdown(range.start, range.end, groupBy, includeUsers),
    placeholderData: keepPreviousData,
  });
  const [download, setDownload] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const rows: BarRow[] = useMemo(
    () =>
      sortItems(items, { id: 'requests_count_total', dir: 'desc' }, groupBy)
        .slice(0, BARS)
        .map((i) => ({
          key: i.key ?? '',
          label: keyLabel(groupBy, i.key),
          values: Object.fromEntries(DEFS.map((d) => [d.key, cleanValue(i[d.key as keyof typeof i]).value])),
        })),
    [items, groupBy],
  );
  const what = GROUP_LABEL[groupBy].toLowerCase();

  const downloadCsv = async () => {
    setDownload({ busy: true });
    try {
      const text = await fetchBreakdownCsv(range.start, range.end, groupBy, includeUsers);
      saveBlob(
        new Blob([text], { type: 'text/csv;charset=utf-8' }),
        `oscar-usage-by-${groupBy}-${rfc3339(range.start).slice(0, 10)}-to-${rfc3339(range.end).slice(0, 10)}.csv`,
      );
      setDownload({ busy: false });
    } catch (e) {
      setDownload({ busy: false, error: errorMessage(e) });
    }
  };

  return (
    <Section
      title="Breakdown"
      description="Who and what used the cluster in this period."
      actions={
        <Button size="sm" onClick={() => void downloadCsv()} busy={download.busy} disabled={!q.data}>
          Download CSV
        </Button>
      }
    >
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <label className="flex items-center gap-2 text-sm" htmlFor={`${id}-by`}>
          Group by
        </label>
        <select
          id={`${id}-by`}
          value={groupBy}
          onChange={(e) => props.onGroupBy(e.target.value as GroupBy)}
          className="-ml-2 rounded-md border border-line bg-canvas px-2 py-1 text-sm"
        >
          {GROUP_BYS.map((g) => (
            <option key={g} value={g}>
              {GROUP_LABEL[g]}
            </option>
          ))}
        </select>
        {groupBy === 'service' && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4 accent-accent"
              checked={includeUsers}
              onChange={(e) => props.onIncludeUsers(e.target.checked)}
            />
            List each service’s users
          </label>
        )}
        {q.isFetching && q.data && (
          <span className="text-xs text-muted" role="status">
            Updating…
          </span>
        )}
      </div>
      {download.error && (
        <p role="alert" className="mb-3 rounded-md border border-danger/40 bg-danger-soft px-3 py-2 text-sm">
          Could not download the CSV: {download.error}
        </p>
      )}
      {q.isPending ? (
        <Loading label={`Loading usage by ${what}…`} />
      ) : q.isError && !q.data ? (
        <ErrorState
          title={`Could not load usage by ${what}`}
          error={q.error}
          onRetry={() => void q.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState title={`No usage by ${what} in this period`}>
          Nothing was called in this period. Try a longer one.
        </EmptyState>
      ) : (
        <div className="flex flex-col gap-5">
          <BarsChart
            title={`Requests by ${what}`}
            description={
              items.length > BARS
                ? `The ${BARS} with most requests; the table below has all ${items.length}.`
                : 'By kind of request.'
            }
            rows={rows}
            defs={DEFS}
            rowHeader={GROUP_LABEL[groupBy]}
          />
          <BreakdownTable
            items={items}
            groupBy={groupBy}
            includeUsers={includeUsers}
            sort={sort}
            onSortChange={props.onSort}
          />
        </div>
      )}
    </Section>
  );
}
