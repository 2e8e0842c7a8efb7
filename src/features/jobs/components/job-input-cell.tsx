import { Link } from 'react-router';
import type { JobRow } from '../../../lib/jobs/paging';
import { fileName } from '../lib/list-trace';
import { objectLink } from '../../../lib/jobs/trace';
import { formatTime } from '../../../lib/jobs/view';
import { IoCellView } from './io-cell';
import { useJobInput } from './use-job-io';
import { Name } from '../../../components/name';
import { visibleText } from '../../../lib/text/hidden-chars';

/** The file that likely started the job, linked to its place in the bucket browser (with its preview open). */
export function JobInputCell({ job }: { job: JobRow }) {
  const cell = useJobInput(job);
  return (
    <IoCellView
      cell={cell}
      looking="Looking for the input file…"
      unknown="Input not known"
      found={([ref]) =>
        ref && (
          <Link
            to={objectLink(ref)}
            title={visibleText(`${ref.bucket}/${ref.key}\nLikely: uploaded${ref.modified === undefined ? '' : ` ${formatTime(ref.modified)},`} just before the job was created. The list matches by time only; the job’s page reads its log to be sure.`)}
            aria-label={`${visibleText(fileName(ref.key))} (likely, matched by upload time)`}
            className="underline-offset-2 hover:underline"
          >
            <span className="text-muted">≈</span> <Name value={fileName(ref.key)} />
          </Link>
        )
      }
    />
  );
}
