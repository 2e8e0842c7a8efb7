import { Badge, type BadgeTone } from './badge';

type JobStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

const TONE: Record<JobStatus, BadgeTone> = {
  Pending: 'warn',
  Running: 'accent',
  Succeeded: 'ok',
  Failed: 'danger',
  Unknown: 'neutral',
};

// A shape per status as well as a colour and the word, so the status reads in greyscale too.
const ICON: Record<JobStatus, string> = {
  Pending: 'M6 1.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Zm0 1.5v3l2 1.2',
  Running: 'M3.5 2.2 9.5 6l-6 3.8Z',
  Succeeded: 'm2.2 6.3 2.4 2.4 5.2-5.4',
  Failed: 'M3 3l6 6M9 3 3 9',
  Unknown: 'M4.4 4.3a1.7 1.7 0 1 1 2.3 1.6c-.5.2-.7.6-.7 1.1v.4M6 9.2v.1',
};

/** A job's status (Pending, Running, Succeeded, Failed, Unknown): colour, shape and word. */
export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <Badge tone={TONE[status]} className="gap-1">
      <svg aria-hidden="true" viewBox="0 0 12 12" className="size-3 shrink-0">
        <path d={ICON[status]} fill={status === 'Running' ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {status}
    </Badge>
  );
}
