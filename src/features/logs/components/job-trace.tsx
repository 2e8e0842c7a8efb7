import { useState } from 'react';
import { errorMessage } from '../../../api/errors';
import { JobStatusBadge } from '../../../components/job-status-badge';
import { Section } from '../../../components/section';
import type { JobRow } from '../../../lib/jobs/paging';
import type { ObjectRef } from '../../../lib/jobs/trace';
import { ObjectList } from './object-list';
import { ObjectPreview } from './object-preview';
import type { useJobTrace } from './use-job-trace';

function Arrow() {
  return (
    <div aria-hidden="true" className="flex items-center justify-center text-2xl text-muted max-md:rotate-90">
      →
    </div>
  );
}

function Column({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </div>
  );
}

/** From the uploaded file, to the job, to what it wrote: each part with preview, download and bucket links. */
export function JobTrace({ trace, job, jobName }: { trace: ReturnType<typeof useJobTrace>; job: JobRow | null | undefined; jobName: string }) {
  const [preview, setPreview] = useState<ObjectRef | null>(null);
  const { input, outputs, paths } = trace;
  const muted = (t: string) => <p className="text-sm text-muted">{t}</p>;
  return (
    <Section title="From file to result" description="The file that started this job and the files it wrote, as far as the cluster shows them.">
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[minmax(0,1fr)_2rem_minmax(0,14rem)_2rem_minmax(0,1fr)]">
        <Column title="Input file">
          {input ? (
            <>
              {input.source === 'time' && muted(input.objects.length > 1 ? 'Probably one of these, uploaded just before the job was created:' : 'Probably this file, uploaded just before the job was created:')}
              <ObjectList objects={input.objects} label="Input file" onPreview={setPreview} />
            </>
          ) : trace.loading ? (
            muted('Looking for the input…')
          ) : paths.inputs.length === 0 ? (
            muted('This service has no input bucket: the job was started by a call, not by a file.')
          ) : trace.startedByCall ? (
            muted('The log names no input file: the job was probably started by a call (POST /job), not by an upload.')
          ) : (
            muted('Not known: the log does not name it and no file in the input path matches the job’s start.')
          )}
        </Column>
        <Arrow />
        <Column title="Job">
          <div className="flex flex-col gap-1 rounded-md border border-line bg-canvas px-3 py-2">
            <span className="font-mono text-sm break-all">{jobName}</span>
            {job && (
              <span className="self-start">
                <JobStatusBadge status={job.status} />
              </span>
            )}
          </div>
        </Column>
        <Arrow />
        <Column title="Output files">
          {outputs.length > 0 ? (
            <ObjectList objects={outputs} label="Output files" onPreview={setPreview} />
          ) : trace.loading ? (
            muted('Looking for outputs…')
          ) : paths.outputs.length === 0 ? (
            muted('This service writes no output to the cluster’s storage.')
          ) : job?.status === 'Pending' || job?.status === 'Running' ? (
            muted(`Nothing yet: outputs appear in ${paths.outputs.map((p) => `${p.bucket}/${p.prefix}`).join(', ')} when the job writes them.`)
          ) : job?.status === 'Failed' ? (
            muted('The job failed and wrote no output that can be found.')
          ) : (
            muted(`No file in ${paths.outputs.map((p) => `${p.bucket}/${p.prefix}`).join(', ')} was written while the job ran.`)
          )}
          {trace.incomplete && muted('The output bucket is large: only its first 20,000 objects were checked.')}
        </Column>
      </div>
      {trace.errors.length > 0 && (
        <p role="alert" className="mt-3 text-sm text-danger">
          Could not list {trace.errors.map((e) => `${e.bucket} (${errorMessage(e.error)})`).join(', ')}.
        </p>
      )}
      <ObjectPreview object={preview} onClose={() => setPreview(null)} />
    </Section>
  );
}
