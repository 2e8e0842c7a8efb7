import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { oscar, required } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import type { Service } from '../../../api/types';
import { Button } from '../../../components/button';
import { capacityFrom } from '../lib/capacity';
import { defaultSource, parseSuffixes } from '../lib/inputs';
import type { StartOptions } from './use-batch';
import { ParallelismRule } from './parallelism-rule';

const field = 'rounded-md border border-line bg-canvas px-2 py-1.5 font-mono text-sm';

/** What a batch runs on: a bucket, a prefix, suffixes, and a cap on jobs at once. */
export function BatchForm({ service, onStart }: { service: Service; onStart: (o: StartOptions) => void }) {
  const source = defaultSource(service);
  const [bucket, setBucket] = useState(source.bucket);
  const [prefix, setPrefix] = useState(source.prefix);
  const [suffixes, setSuffixes] = useState(source.suffixes.join(', '));
  const [cap, setCap] = useState('');
  const [error, setError] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['batch', 'status'],
    queryFn: async ({ signal }) => required((await oscar.GET('/system/status', { signal })).data, 'the cluster status'),
    retry: false,
  });
  const capNumber = cap.trim() ? Number(cap) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!bucket.trim()) return setError('Name the bucket whose objects the batch runs on.');
    if (capNumber !== null && (!Number.isInteger(capNumber) || capNumber < 1)) return setError('The cap is a whole number of jobs, 1 or more, or empty for no cap.');
    setError(null);
    onStart({ bucket: bucket.trim(), prefix: prefix.trim().replace(/^\/+/, ''), suffixes: parseSuffixes(suffixes), cap: capNumber });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5" aria-label="Start a batch run" noValidate>
      <p className="text-sm text-muted">
        One job per stored object: every object under the prefix whose name ends with one of the suffixes is sent to the service as if it had just been uploaded.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          Bucket
          <input className={field} value={bucket} onChange={(e) => setBucket(e.target.value)} required aria-invalid={error?.startsWith('Name') || undefined} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Prefix <span className="text-xs text-muted">(a folder such as in/, or empty for the whole bucket)</span>
          <input className={field} value={prefix} onChange={(e) => setPrefix(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Suffixes <span className="text-xs text-muted">(comma-separated; empty for every object)</span>
          <input className={field} value={suffixes} onChange={(e) => setSuffixes(e.target.value)} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          At most this many jobs at once <span className="text-xs text-muted">(optional)</span>
          <input className={field} value={cap} inputMode="numeric" onChange={(e) => setCap(e.target.value)} aria-invalid={error?.startsWith('The cap') || undefined} />
        </label>
      </div>
      <ParallelismRule
        capacity={status.data ? capacityFrom(status.data, service) : null}
        active={0}
        cap={capNumber !== null && Number.isInteger(capNumber) && capNumber > 0 ? capNumber : null}
        error={status.error ? errorMessage(status.error) : null}
      />
      {error && (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      <div>
        <Button type="submit" variant="primary">
          Start batch
        </Button>
      </div>
    </form>
  );
}
