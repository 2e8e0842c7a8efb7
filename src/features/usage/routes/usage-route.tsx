import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queryClient } from '../../../lib/session/query-client';
import { metricsQueries } from '../../../components/chart-queries';
import { useNow } from '../../../components/chart-now';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { refreshFor, resolveRange } from '../../../lib/metrics/range';
import { seriesMean } from '../../../lib/metrics/series';
import { mergeSources, troubledSources } from '../../../lib/metrics/sources';
import { usageQueries } from '../api/queries';
import { BreakdownSection } from '../components/breakdown-section';
import { CountryList } from '../components/country-list';
import { PrometheusSettings } from '../components/prometheus-settings';
import { RangePicker } from '../components/range-picker';
import { SourcesList, SourcesWarning } from '../components/sources-panel';
import { SummaryCards, type MemoryFigure } from '../components/summary-cards';
import { UsageOverTime } from '../components/usage-over-time';
import { usePrometheus } from '../hooks/use-prometheus';
import { usePrometheusSeries } from '../hooks/use-prometheus-series';
import { useUsageParams } from '../hooks/use-usage-params';

export function loader() {
  void queryClient.prefetchQuery(usageQueries.prometheusConfig());
  return null;
}

export function Component() {
  usePageTitle('Usage');
  const p = useUsageParams();
  const [now, refresh] = useNow(refreshFor(p.spec));
  const range = useMemo(() => resolveRange(p.spec, now), [p.spec, now]);
  const setup = usePrometheus();
  const prom = usePrometheusSeries(setup.url, setup.queries, range, now);
  const summary = useQuery({
    ...metricsQueries.summary(range.start, range.end, true),
    placeholderData: keepPreviousData,
  });
  const sources = useMemo(() => mergeSources([summary.data?.sources]), [summary.data]);

  const memory: MemoryFigure = !prom
    ? { bytes: null, previous: null, state: 'off' }
    : prom.memory.data
      ? { bytes: seriesMean(prom.memory.data, 'memory'), previous: null, state: 'ok' }
      : { bytes: null, previous: null, state: prom.memory.error ? 'error' : 'loading' };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-5">
      <h1 className="text-2xl font-semibold">Usage</h1>
      <RangePicker
        range={range}
        now={now}
        problem={p.rangeProblem}
        onChange={p.setRange}
        onRefresh={refresh}
      />
      <SourcesWarning troubled={troubledSources(sources)} />
      <SummaryCards range={range} memory={memory} />
      <Section
        title="Over time"
        description="Drag the handles under a chart to zoom in; the period above follows."
      >
        <UsageOverTime range={range} now={now} prometheus={prom} onZoom={p.setRange} />
      </Section>
      <BreakdownSection
        range={range}
        groupBy={p.groupBy}
        includeUsers={p.includeUsers}
        sort={p.sort}
        onGroupBy={p.setGroupBy}
        onIncludeUsers={p.setIncludeUsers}
        onSort={p.setSort}
      />
      <div className="grid gap-5 lg:grid-cols-2">
        <Section title="Countries" description="Where requests came from.">
          {summary.data ? (
            <CountryList countries={summary.data.totals?.countries ?? []} />
          ) : (
            <p className="text-sm text-muted">{summary.isError ? 'The summary did not load.' : 'Loading…'}</p>
          )}
        </Section>
        <Section title="Sources" description="Where these figures come from, and how fresh they are.">
          {summary.data ? (
            <SourcesList sources={sources} now={now} reported={Array.isArray(summary.data.sources)} />
          ) : (
            <p className="text-sm text-muted">{summary.isError ? 'The summary did not load.' : 'Loading…'}</p>
          )}
        </Section>
      </div>
      <Section
        title="Prometheus"
        description="Finer charts, memory and CPU by service from the cluster’s Prometheus."
      >
        <PrometheusSettings key={setup.url ?? ''} setup={setup} />
      </Section>
    </div>
  );
}
