import { Link } from 'react-router';
import type { JobRow } from '../../../lib/jobs/paging';
import { fileName } from '../lib/list-trace';
import { IoCellView } from './io-cell';
import { jobPath } from './job-path';
import { useJobOutputs } from './use-job-io';
import { visibleText } from '../../../lib/text/hidden-chars';

const SHOWN = 5;

/** How many files the job likely wrote, linked to its page, where each can be previewed and downloaded. */
export function JobOutputsCell({ job }: { job: JobRow }) {
  const cell = useJobOutputs(job);
  return (
    <IoCellView
      cell={cell}
      looking="Looking for output files…"
      unknown="No output files shown"
      found={(objects) => {
        const names = objects.slice(0, SHOWN).map((o) => fileName(o.key));
        const more = objects.length - names.length;
        const n = `${objects.length} file${objects.length === 1 ? '' : 's'}`;
        return (
          <Link
            to={jobPath(job)}
            title={visibleText(`Likely written by this job (matched by time):\n${names.join('\n')}${more > 0 ? `\n…and ${more} more` : ''}`)}
            aria-label={visibleText(`${n} likely written by job ${job.name}, first ${names[0] ?? ''}`)}
            className="underline-offset-2 hover:underline"
          >
            <span className="text-muted">≈</span> {n}
          </Link>
        );
      }}
    />
  );
}
