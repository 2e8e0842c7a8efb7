import { useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../lib/session/session';
import { Button } from '../../../components/button';
import { ButtonLink } from '../../../components/button-link';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { usePageTitle } from '../../../components/page-title';
import { Section } from '../../../components/section';
import { EmptyState, ErrorState, Loading } from '../../../components/states';
import { toast } from '../../../components/toast';
import { matchesFilter, type CallOutcome, type CallSummary } from '../lib/history';
import { exportHistory, historyQueries, useDeleteCalls } from '../api/history';
import { planReplay } from '../api/replay';
import { saveBlob } from '../../../components/save-file';
import { CallProgress } from '../components/call-progress';
import { CompareView } from '../components/compare-view';
import { HistoryTable } from '../components/history-table';
import { HistoryToolbar } from '../components/history-toolbar';
import { KeepLimitSetting } from '../components/keep-limit-setting';
import { StoredCall } from '../components/stored-call';
import { useInvoker } from '../hooks/use-invoker';

const OUTCOMES: readonly string[] = ['ok', 'failed', 'cancelled'];

export function Component() {
  usePageTitle('Invocations');
  const endpoint = useSession()?.endpoint ?? '';
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const service = params.get('service') ?? '';
  const status = OUTCOMES.includes(params.get('status') ?? '') ? (params.get('status') as CallOutcome) : '';
  const callId = params.get('call');
  const compare = (params.get('compare') ?? '').split(',').filter(Boolean);
  const list = useQuery(historyQueries.list(endpoint));
  const del = useDeleteCalls(endpoint);
  const invoker = useInvoker();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<'selected' | 'all' | null>(null);
  const [exporting, setExporting] = useState(false);

  const all = useMemo(() => list.data ?? [], [list.data]);
  const services = useMemo(() => [...new Set(all.map((c) => c.service))].sort(), [all]);
  const shown = useMemo(
    () =>
      all.filter((c) => matchesFilter(c, { ...(service ? { service } : {}), ...(status ? { status } : {}) })),
    [all, service, status],
  );
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const current = callId ? byId.get(callId) : undefined;
  const pair = compare.length === 2 ? compare.map((id) => byId.get(id)) : [];

  const change = (patch: Record<string, string | null>) =>
    setParams((p) => {
      for (const [k, v] of Object.entries(patch)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      return p;
    });
  const linkFor = (c: CallSummary) => {
    const p = new URLSearchParams(params);
    p.set('call', c.id);
    p.delete('compare');
    return `?${p.toString()}`;
  };

  const replay = async (c: CallSummary, body: Parameters<typeof planReplay>[1]) => {
    const plan = await planReplay(c, body, qc);
    if (!plan.ok) return toast(plan.reason, 'warning');
    const result = await invoker.send(plan.call);
    change({ call: result.summary.id, compare: null });
  };

  const doExport = async () => {
    setExporting(true);
    try {
      const calls = selected.size ? shown.filter((c) => selected.has(c.id)) : shown;
      const json = await exportHistory(endpoint, calls);
      saveBlob(
        new Blob([json], { type: 'application/json' }),
        `lagoon-invocations-${new Date().toISOString().slice(0, 10)}.json`,
      );
    } catch (e) {
      toast(`The export failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    } finally {
      setExporting(false);
    }
  };

  const doDelete = async () => {
    const ids = confirm === 'all' ? 'all' : [...selected];
    setConfirm(null);
    await del.mutateAsync(ids);
    setSelected(new Set());
    if (ids === 'all' || (callId && ids.includes(callId))) change({ call: null, compare: null });
    toast(
      ids === 'all'
        ? 'The history of this cluster was deleted.'
        : `${ids.length} ${ids.length === 1 ? 'call' : 'calls'} deleted.`,
      'success',
    );
  };

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Invocations</h1>
        <p className="text-sm text-muted">Calls made from this browser to {endpoint}, newest first.</p>
      </div>
      {list.isPending ? (
        <Loading label="Loading the history…" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="Could not read the history from this browser’s storage"
          onRetry={() => void list.refetch()}
        />
      ) : all.length === 0 ? (
        <EmptyState
          title="No calls yet"
          action={<ButtonLink to="/services">Pick a service to invoke</ButtonLink>}
        >
          Every call made from a service’s Invoke page is kept here, in this browser, so it can be replayed
          and compared.
        </EmptyState>
      ) : (
        <>
          <HistoryToolbar
            services={services}
            service={service}
            status={status}
            onFilter={(p) => change({ ...p, call: null, compare: null })}
            selectedCount={selected.size}
            shownCount={shown.length}
            onCompare={() =>
              // The older call on the left, as in a diff of before and after.
              change({
                compare: [...selected]
                  .sort((x, y) => (byId.get(x)?.at ?? 0) - (byId.get(y)?.at ?? 0))
                  .join(','),
                call: null,
              })
            }
            onDeleteSelected={() => setConfirm('selected')}
            onDeleteAll={() => setConfirm('all')}
            onExport={() => void doExport()}
            exporting={exporting}
          />
          <p className="text-sm text-muted" role="status">
            {shown.length === all.length
              ? `${all.length} ${all.length === 1 ? 'call' : 'calls'}`
              : `${shown.length} of ${all.length} calls`}
            {selected.size > 0 && `, ${selected.size} selected`}
          </p>
          {shown.length === 0 ? (
            <EmptyState
              title="No calls match"
              action={<Button onClick={() => change({ service: null, status: null })}>Show all calls</Button>}
            >
              No call matches this service and status.
            </EmptyState>
          ) : (
            <HistoryTable
              label="Invocations, newest first"
              calls={shown}
              selectedId={callId}
              linkFor={linkFor}
              showService
              selection={{
                selected,
                onChange: setSelected,
                rowLabel: (c) => `Select the call to ${c.service} at ${new Date(c.at).toLocaleString()}`,
                allLabel: `Select all ${shown.length} calls shown`,
              }}
            />
          )}
          {invoker.state.phase === 'sending' ? (
            <Section title="Replaying">
              <CallProgress {...invoker.state} onCancel={invoker.cancel} />
            </Section>
          ) : pair.length === 2 && pair[0] && pair[1] ? (
            <Section
              title="Comparison"
              actions={
                <Button size="sm" onClick={() => change({ compare: null })}>
                  Close
                </Button>
              }
            >
              <CompareView left={pair[0]} right={pair[1]} />
            </Section>
          ) : current ? (
            <Section
              title={`Call to ${current.service}`}
              actions={
                <Button size="sm" onClick={() => change({ call: null })}>
                  Close
                </Button>
              }
            >
              <StoredCall
                call={current}
                actions={(body) => (
                  <>
                    <Button variant="primary" size="sm" onClick={() => void replay(current, body)}>
                      Replay
                    </Button>
                    <ButtonLink
                      size="sm"
                      to={`/services/${encodeURIComponent(current.service)}/invoke?from=${encodeURIComponent(current.id)}`}
                    >
                      Edit and replay
                    </ButtonLink>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => {
                        setSelected(new Set([current.id]));
                        setConfirm('selected');
                      }}
                    >
                      Delete this call
                    </Button>
                  </>
                )}
              />
            </Section>
          ) : callId || compare.length ? (
            <p className="text-sm text-muted">That call is no longer in the history.</p>
          ) : null}
          <Section title="Settings">
            <KeepLimitSetting />
          </Section>
        </>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm === 'all'
            ? 'Delete the whole history?'
            : `Delete ${selected.size} ${selected.size === 1 ? 'call' : 'calls'}?`
        }
        confirmLabel="Delete"
        busy={del.isPending}
        onCancel={() => setConfirm(null)}
        onConfirm={() => void doDelete()}
      >
        {confirm === 'all'
          ? `All ${all.length} calls to ${endpoint} kept in this browser, with their inputs and answers, will be deleted. Nothing changes on the cluster.`
          : 'Their inputs and answers kept in this browser will be deleted. Nothing changes on the cluster.'}
      </ConfirmDialog>
    </div>
  );
}
