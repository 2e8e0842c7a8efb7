import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api/errors';
import { Button } from '../../../components/button';
import { TimeSeriesChart } from '../../../components/chart-time-series';
import { Section } from '../../../components/section';
import { ErrorState, Loading } from '../../../components/states';
import { statusQueries } from '../api/queries';
import { callsByService, callsOverTime, formatLatency } from '../lib/executions';

const SHOWN_SERVICES = 10;

/**
 * The administrator's view of calls to services, from OSCAR's own log of /run and /job calls
 * (GET /system/logs/): calls per period with failures apart, and per service with median and 95th
 * percentile latency. OIDC users are refused by the server; the panel says why instead of an error.
 */
export function ExecutionsPanel({ now }: { now: number }) {
  const q = useQuery(statusQueries.executions());
  const executions = q.data?.executions;
  const over = useMemo(() => (executions ? callsOverTime(executions, now) : null), [executions, now]);
  const services = useMemo(() => (executions ? callsByService(executions) : []), [executions]);
  const refresh = (
    <Button size="sm" variant="ghost" onClick={() => void q.refetch()} busy={q.isFetching}>
      Refresh calls
    </Button>
  );
  const title = 'Calls to services';

  if (q.isPending) {
    return (
      <Section title={title}>
        <Loading label="Loading the manager’s log of calls…" />
      </Section>
    );
  }
  if (q.isError) {
    const status = isApiError(q.error) ? q.error.status : 0;
    if (status === 403 || status === 401) {
      return (
        <Section title={title}>
          <p className="text-sm text-muted">
            Only the cluster’s administrator (the <code>oscar</code> user) can read OSCAR’s log of calls to services.
            Your own calls are on the Usage and Invocations pages.
          </p>
        </Section>
      );
    }
    if (status === 404) {
      return (
        <Section title={title}>
          <p className="text-sm text-muted">This cluster does not offer OSCAR’s log of calls (GET /system/logs/ answered 404).</p>
        </Section>
      );
    }
    return (
      <Section title={title}>
        <ErrorState title="Could not read the log of calls" error={q.error} onRetry={() => void q.refetch()} />
      </Section>
    );
  }

  const list = executions ?? [];
  const failed = list.filter((e) => e.status >= 400).length;
  const since = list[0] ? new Date(list[0].t).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : null;
  return (
    <Section
      title={title}
      description="From OSCAR’s own log of /run and /job calls, which the manager keeps while it runs (a restart starts it again)."
      actions={refresh}
    >
      {list.length === 0 ? (
        <p className="text-sm text-muted">No calls logged since the manager started.</p>
      ) : (
        <div className="flex flex-col gap-4">
          <p className="text-sm" data-testid="executions-summary">
            {list.length.toLocaleString('en-US')} {list.length === 1 ? 'call' : 'calls'} since {since}
            {failed > 0 ? `, ${failed.toLocaleString('en-US')} failed` : ', none failed'}
            {q.data.skipped > 0 && ` (${q.data.skipped} log entries without a readable time left out)`}.
          </p>
          {over && <TimeSeriesChart title="Calls per period" data={over.data} step={over.step} stacked height={220} />}
          <table className="w-full text-sm">
            <caption className="mb-1 text-left text-xs text-muted">
              By service, most called first{services.length > SHOWN_SERVICES ? ` (the first ${SHOWN_SERVICES} of ${services.length})` : ''}
            </caption>
            <thead>
              <tr className="border-b border-line text-left text-xs text-muted">
                <th scope="col" className="py-1 pr-3 font-medium">Service</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Calls</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Failed</th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">Median latency</th>
                <th scope="col" className="py-1 text-right font-medium">95th percentile</th>
              </tr>
            </thead>
            <tbody>
              {services.slice(0, SHOWN_SERVICES).map((s) => (
                <tr key={s.service} className="border-b border-line/60 last:border-0">
                  <th scope="row" className="py-1 pr-3 text-left font-normal break-all">
                    {s.service}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{s.calls.toLocaleString('en-US')}</td>
                  <td className={s.failed ? 'py-1 pr-3 text-right text-danger tabular-nums' : 'py-1 pr-3 text-right tabular-nums'}>
                    {s.failed.toLocaleString('en-US')}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatLatency(s.medianMs)}</td>
                  <td className="py-1 text-right tabular-nums">{formatLatency(s.p95Ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
