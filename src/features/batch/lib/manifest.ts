// The batch's manifest: one row per input with its job, state, times and outputs, as CSV (RFC 4180,
// quoted where needed) or JSON, for a notebook or a spreadsheet.
import type { BatchState } from './engine';

export interface ManifestRow {
  input: string;
  job: string | null;
  status: string;
  sent: string | null;
  started: string | null;
  finished: string | null;
  duration_s: number | null;
  outputs: string[];
  error: string | null;
}

const iso = (t: number | undefined) => (t === undefined ? null : new Date(t).toISOString());

export function manifestRows(state: BatchState): ManifestRow[] {
  return state.inputs.map((i) => ({
    input: `${state.bucket}/${i.key}`,
    job: i.job ?? null,
    status: i.state,
    sent: iso(i.sentAt),
    started: iso(i.startedAt),
    finished: iso(i.finishedAt),
    duration_s: i.finishedAt !== undefined && (i.startedAt ?? i.sentAt) !== undefined ? Math.round((i.finishedAt - (i.startedAt ?? i.sentAt)!) / 100) / 10 : null,
    outputs: i.outputs ?? [],
    error: i.error ?? null,
  }));
}

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function manifestCsv(state: BatchState): string {
  const head = ['input', 'job', 'status', 'sent', 'started', 'finished', 'duration_s', 'outputs', 'error'];
  const lines = manifestRows(state).map((r) =>
    [r.input, r.job, r.status, r.sent, r.started, r.finished, r.duration_s, r.outputs.join(' '), r.error].map(cell).join(','),
  );
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}

export function manifestJson(state: BatchState): string {
  return JSON.stringify(
    { service: state.service, bucket: state.bucket, prefix: state.prefix, suffixes: state.suffixes, created: iso(state.createdAt), status: state.status, inputs: manifestRows(state) },
    null,
    2,
  );
}
