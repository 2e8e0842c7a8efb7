import { Badge } from '../../../components/badge';
import type { CallSummary } from '../lib/history';

const REASON: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Unavailable',
  504: 'Gateway timeout',
};

export function outcomeText(c: Pick<CallSummary, 'outcome' | 'status' | 'error'>): string {
  if (c.outcome === 'cancelled') return 'Cancelled';
  if (c.status === undefined)
    return c.error?.startsWith('Not sent')
      ? 'Not sent'
      : c.error?.startsWith('No answer')
        ? 'Timed out'
        : 'Failed';
  const words = `${c.status} ${REASON[c.status] ?? ''}`.trim();
  return c.outcome === 'failed' && c.status < 300 ? `${words}, failed` : words;
}

/** A call's outcome in words with a tone; the words carry the meaning, the colour only helps. */
export function OutcomeBadge({ call }: { call: Pick<CallSummary, 'outcome' | 'status' | 'error'> }) {
  const tone = call.outcome === 'ok' ? 'ok' : call.outcome === 'cancelled' ? 'neutral' : 'danger';
  return <Badge tone={tone}>{outcomeText(call)}</Badge>;
}
