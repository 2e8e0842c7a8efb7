import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { oscar, required } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import type { Service } from '../../../api/types';
import { Button } from '../../../components/button';
import { capacityFrom } from '../lib/capacity';
import { defaultSource, isBatchInput, parseSuffixes } from '../lib/inputs';
import type { Picked } from '../../../lib/uploads/entries';
import { DropFiles } from './drop-files';
import type { DropOptions, StartOptions } from './use-batch';
import { ParallelismRule } from './parallelism-rule';

const field = 'rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-sm';

type Mode = 'stored' | 'dropped';

/**
 * What a batch runs on: objects already stored (a bucket, a prefix, suffixes, and a cap on jobs at once),
 * or files dropped now, uploaded into the service's input path where each upload starts its job.
 */
export function BatchForm({
  service,
  onStart,
  onStartDropped,
  preparing = false,
  dropProblem = null,
  from,
}: {
  service: Service;
  /** A bucket folder to start from (a bucket page's "Batch run … over this folder"), instead of the service's input path. */
  from?: { bucket: string; prefix: string } | undefined;
  onStart: (o: StartOptions) => void;
  onStartDropped?: (o: DropOptions) => void;
  /** The dropped files are being checked for names already taken (the upload engine may ask). */
  preparing?: boolean;
  dropProblem?: string | null;
}) {
  const source = defaultSource(service);
  const canDrop = Boolean(source.bucket && onStartDropped);
  const [mode, setMode] = useState<Mode>('stored');
  const [picked, setPicked] = useState<Picked>({ files: [], emptyFolders: [] });
  const dropTarget = `${source.bucket}/${source.prefix}`;
  // A file whose name the service's input suffixes leave out would start no job: it is left out, and said.
  const taken = picked.files.filter((f) => isBatchInput(f.relativePath, '', source.suffixes));
  const left = picked.files.filter((f) => !isBatchInput(f.relativePath, '', source.suffixes));
  const [bucket, setBucket] = useState(from?.bucket ?? source.bucket);
  const [prefix, setPrefix] = useState(from ? from.prefix : source.prefix);
  const [suffixes, setSuffixes] = useState(source.suffixes.join(', '));
  const [cap, setCap] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['batch', 'status'],
    queryFn: async ({ signal }) =>
      required((await oscar.GET('/system/status', { signal })).data, 'the cluster status'),
    retry: false,
  });
  const capNumber = cap.trim() ? Number(cap) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'dropped') {
      if (!onStartDropped || !canDrop) return;
      if (taken.length === 0)
        return setError(
          picked.files.length
            ? "None of the chosen files ends with one of the service's suffixes, so none would start a job."
            : 'Drop or choose the files the batch runs on.',
        );
      setError(null);
      onStartDropped({
        bucket: source.bucket,
        prefix: source.prefix,
        suffixes: source.suffixes,
        picked: { files: taken, emptyFolders: [] },
      });
      return;
    }
    if (!source.bucket)
      return setError(
        `${service.name} has no MinIO input path: OSCAR would hand each job the event, not the object, so no job would read its file. Add an input path to the service first.`,
      );
    if (!bucket.trim()) return setError('Name the bucket whose objects the batch runs on.');
    if (capNumber !== null && (!Number.isInteger(capNumber) || capNumber < 1))
      return setError('The cap is a whole number of jobs, 1 or more, or empty for no cap.');
    setError(null);
    onStart({
      bucket: bucket.trim(),
      prefix: prefix.trim().replace(/^\/+/, ''),
      suffixes: parseSuffixes(suffixes),
      cap: capNumber,
    });
  };

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5"
      aria-label="Start a batch run"
      noValidate
    >
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Inputs</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="batch-source"
            value="stored"
            checked={mode === 'stored'}
            onChange={() => {
              setMode('stored');
              setError(null);
            }}
          />
          Objects already stored
        </label>
        <label className={`flex items-center gap-2 text-sm ${canDrop ? '' : 'text-muted'}`}>
          <input
            type="radio"
            name="batch-source"
            value="dropped"
            checked={mode === 'dropped'}
            disabled={!canDrop}
            aria-describedby={canDrop ? undefined : 'batch-no-input'}
            onChange={() => {
              setMode('dropped');
              setError(null);
            }}
          />
          Files I drop now
        </label>
        {!canDrop && (
          <p id="batch-no-input" className="text-sm text-muted">
            {service.name} has no MinIO input path, so an uploaded file would start no job: only objects
            already stored can be run.
          </p>
        )}
      </fieldset>
      {mode === 'stored' ? (
        <>
          <p className="text-sm text-muted">
            One job per stored object: every object under the prefix whose name ends with one of the suffixes
            is sent to the service as if it had just been uploaded.
          </p>
          {!source.bucket && (
            <p className="text-sm text-warn" data-testid="batch-no-input-stored">
              {service.name} has no input path, so its jobs would not download the objects.{' '}
              <Link className="text-accent underline" to={`/services/${encodeURIComponent(service.name)}/edit`}>
                Add one in the service&apos;s settings
              </Link>{' '}
              before running a batch.
            </p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <label className="flex flex-col gap-1 text-sm">
              Bucket
              <input
                className={field}
                value={bucket}
                onChange={(e) => setBucket(e.target.value)}
                required
                aria-invalid={error?.startsWith('Name') || undefined}
              />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Prefix{' '}
              <span className="text-xs text-muted">
                (a folder such as in/, or empty for the whole bucket)
              </span>
              <input className={field} value={prefix} onChange={(e) => setPrefix(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              Suffixes <span className="text-xs text-muted">(comma-separated; empty for every object)</span>
              <input className={field} value={suffixes} onChange={(e) => setSuffixes(e.target.value)} />
            </label>
            <label className="flex flex-col gap-1 text-sm">
              At most this many jobs at once <span className="text-xs text-muted">(optional)</span>
              <input
                className={field}
                value={cap}
                inputMode="numeric"
                onChange={(e) => setCap(e.target.value)}
                aria-invalid={error?.startsWith('The cap') || undefined}
              />
            </label>
          </div>
          <ParallelismRule
            capacity={status.data ? capacityFrom(status.data, service) : null}
            active={0}
            cap={capNumber !== null && Number.isInteger(capNumber) && capNumber > 0 ? capNumber : null}
            error={status.error ? errorMessage(status.error) : null}
          />
        </>
      ) : (
        <>
          <p className="text-sm text-muted">
            One job per file: each file is uploaded into the service&apos;s input path{' '}
            <span className="font-mono whitespace-pre">{dropTarget}</span>, and its upload starts its job, as
            any upload there does. The board follows the uploads and the jobs. Keep this tab open until every
            file is uploaded: a reload stops the uploads.
          </p>
          <DropFiles
            target={dropTarget}
            picked={picked}
            onPick={(p) => {
              setPicked(p);
              setError(null);
            }}
          />
          {left.length > 0 && (
            <p className="text-sm text-warn" data-testid="batch-dropped-left-out">
              {left.length} file{left.length === 1 ? '' : 's'} left out: the service takes only names ending
              with {source.suffixes.join(', ')} (
              {left
                .slice(0, 3)
                .map((f) => f.relativePath)
                .join(', ')}
              {left.length > 3 ? '…' : ''}).
            </p>
          )}
        </>
      )}
      {(error ?? (mode === 'dropped' ? dropProblem : null)) && (
        <p role="alert" className="text-sm text-danger">
          {error ?? dropProblem}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary" busy={mode === 'dropped' && preparing}>
          {mode === 'dropped'
            ? preparing
              ? 'Preparing the upload…'
              : `Upload ${taken.length || ''} and start batch`.replace('  ', ' ')
            : 'Start batch'}
        </Button>
      </div>
    </form>
  );
}
