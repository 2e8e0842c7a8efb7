// The invocation history as react-query state: summaries per endpoint (listed without bodies) and a
// body per call, from the IndexedDB store in src/features/invoke/lib/history.ts. The data is local, so it never
// goes stale by itself; every write here invalidates what it changed.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { openHistory, type CallBody, type CallSummary, type HistoryStore } from '../lib/history';
import { buildExport, exportCall } from '../lib/export';

let store: HistoryStore | null = null;

/** The one store of the page; tests swap in their own. */
export function historyStore(): HistoryStore {
  store ??= openHistory();
  return store;
}

export function setHistoryStore(next: HistoryStore | null): void {
  store = next;
}

export const historyKeys = {
  all: ['invocations'] as const,
  list: (endpoint: string) => [...historyKeys.all, endpoint, 'list'] as const,
  body: (endpoint: string, id: string) => [...historyKeys.all, endpoint, 'body', id] as const,
};

export const historyQueries = {
  list: (endpoint: string) =>
    queryOptions({
      queryKey: historyKeys.list(endpoint),
      queryFn: () => historyStore().list(endpoint),
      staleTime: Infinity,
      retry: false,
    }),
  body: (endpoint: string, id: string) =>
    queryOptions({
      queryKey: historyKeys.body(endpoint, id),
      queryFn: async () => (await historyStore().body(endpoint, id)) ?? null,
      staleTime: Infinity,
      retry: false,
    }),
};

export async function saveCall(summary: CallSummary, body: CallBody): Promise<void> {
  await historyStore().add(summary, body);
}

export function useDeleteCalls(endpoint: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[] | 'all') => {
      if (ids === 'all') await historyStore().clear(endpoint);
      else await historyStore().remove(endpoint, ids);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: [...historyKeys.all, endpoint] }),
  });
}

/** The calls (all, or the given ones) with their bodies as a JSON document. */
export async function exportHistory(endpoint: string, calls: readonly CallSummary[]): Promise<string> {
  const exported = [];
  for (const c of calls) exported.push(exportCall(c, await historyStore().body(endpoint, c.id)));
  return JSON.stringify(buildExport(endpoint, exported), null, 2);
}
