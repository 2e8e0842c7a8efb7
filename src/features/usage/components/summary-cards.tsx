import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { clsx } from 'clsx';
import type { ReactNode } from 'react';
import type { MetricsSummaryResponse } from '../../../api/types';
import { metricsQueries } from '../../../components/chart-queries';
import { ErrorState } from '../../../components/states';
import { previousRange, type ResolvedRange } from '../../../lib/metrics/range';
import { cleanValue } from '../../../lib/metrics/series';
import {
  change,
  compact,
  formatBytes,
  formatCount,
  formatHours,
  NO_VALUE,
  type Change,
} from '../../../lib/units/format';

type Totals = NonNullable<MetricsSummaryResponse['totals']>;

const num = (t: Totals | undefined, key: keyof Totals) => cleanValue(t?.[key]).value;

export interface MemoryFigure {
  /** null: no Prometheus, so no memory figure; otherwise the average bytes in use (null while loading). */
  bytes: number | null;
  previous: number | null;
  state: 'off' | 'loading' | 'ok' | 'error';
}

/** The range's totals as cards, each with its change from the period before. */
export function SummaryCards({ range, memory }: { range: ResolvedRange; memory: MemoryFigure }) {
  const current = useQuery({
    ...metricsQueries.summary(range.start, range.end, true),
    placeholderData: keepPreviousData,
  });
  const prevRange = previousRange(range);
  const previous = useQuery({
    ...metricsQueries.summary(prevRange.start, prevRange.end, true),
    placeholderData: keepPreviousData,
  });

  if (current.isError && !current.data) {
    return (
      <ErrorState
        title="Could not load the usage summary"
        error={current.error}
        onRetry={() => void current.refetch()}
      />
    );
  }
  const t = current.data?.totals;
  const p = previous.data?.totals;
  const loading = current.data === undefined;
  const vs = previous.isError
    ? 'no comparison: the previous period did not load'
    : `vs ${range.previousLabel}`;
  // Every card but memory is one of OSCAR's totals, compared with the same total of the period before.
  const total = (title: string, key: keyof Totals, format: (n: number | null) => string, detail?: string): CardProps => ({
    title,
    value: format(num(t, key)),
    change: change(num(t, key), previous.data ? num(p, key) : undefined),
    vs,
    loading,
    detail,
  });
  const memoryCard: CardProps = {
    title: 'Memory in use',
    value: memory.state === 'ok' ? formatBytes(memory.bytes) : NO_VALUE,
    change: memory.state === 'ok' ? change(memory.bytes, memory.previous) : null,
    vs:
      memory.state === 'ok'
        ? 'average, from Prometheus'
        : memory.state === 'off'
          ? 'Not reported by OSCAR; needs Prometheus (below)'
          : memory.state === 'error'
            ? 'Prometheus did not answer'
            : '',
    loading: memory.state === 'loading',
  };
  const cards = [
    total('CPU hours', 'cpu_hours_total', formatHours),
    total('GPU hours', 'gpu_hours_total', formatHours),
    memoryCard,
    total(
      'Requests',
      'requests_count_total',
      compact,
      `${formatCount(num(t, 'requests_count_sync'), 'sync', 'sync')} · ${formatCount(num(t, 'requests_count_async'), 'async', 'async')} · ${formatCount(num(t, 'requests_count_exposed'), 'exposed', 'exposed')}`,
    ),
    total('Active users', 'users_count', compact),
    total('Services used', 'services_count_active', compact, `of ${formatCount(num(t, 'services_count_total'), 'service')}`),
  ];

  return (
    <>
      <h2 className="sr-only">Totals for the period</h2>
      <ul
        aria-label="Totals for the period"
        aria-busy={loading || undefined}
        className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6"
      >
        {cards.map((card) => (
          <Card key={card.title} {...card} />
        ))}
      </ul>
    </>
  );
}

interface CardProps {
  title: string;
  value: string;
  change: Change | null;
  vs: string;
  loading: boolean;
  detail?: ReactNode;
}

function Card({ title, value, change: c, vs, loading, detail }: CardProps) {
  return (
    <li className="flex flex-col gap-1 rounded-lg border border-line bg-surface p-4">
      <h3 className="text-sm text-muted">{title}</h3>
      {loading ? (
        <div className="h-8 w-20 animate-pulse rounded bg-raised" aria-hidden="true" />
      ) : (
        <p className="text-2xl font-semibold tabular-nums">{value}</p>
      )}
      {detail && !loading && <p className="text-xs text-muted">{detail}</p>}
      {c && !loading && (
        <p className="text-xs">
          <span
            className={clsx(
              'font-medium',
              c.direction === 'up' && 'text-ok',
              c.direction === 'down' && 'text-warn',
            )}
          >
            <span aria-hidden="true">{c.direction === 'up' ? '▲ ' : c.direction === 'down' ? '▼ ' : ''}</span>
            {c.text}
          </span>{' '}
          <span className="text-muted">{vs}</span>
        </p>
      )}
      {!c && vs && !loading && <p className="text-xs text-muted">{vs}</p>}
    </li>
  );
}
