import { useQuery } from '@tanstack/react-query';
import { CopyButton } from '../../../components/copy-button';
import { ErrorState, Skeleton } from '../../../components/states';
import { s3Credentials } from '../../../lib/s3/oscar';
import { shareLink } from '../api/object-access';
import { awsCommand, curlCommand, dotSegmentsOf, endpointOf, expiryLabel } from '../lib/dot-keys';

export type DotKeyPurpose = 'download' | 'preview' | 'share';

const HEADLINE: Record<DotKeyPurpose, string> = {
  download: 'Browsers cannot download this file',
  preview: 'Browsers cannot show this file',
  share: 'A link to this file would not open in a browser',
};

function Command({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-start gap-1">
      <pre aria-label={label} className="min-w-0 flex-1 rounded-md border border-line bg-canvas p-2 font-mono text-xs break-all whitespace-pre-wrap">
        {value}
      </pre>
      <CopyButton value={value} label={label} />
    </div>
  );
}

/**
 * Why a key with "." or ".." folders cannot be downloaded, previewed or shared from a browser, and what
 * works instead: a curl command with a presigned link (for anyone), and the S3 API from the AWS command
 * line (for those with the cluster's storage keys). See ../lib/dot-keys.ts.
 */
export function DotKeyHelp({ bucket, objectKey, purpose, expiresIn = 3600 }: { bucket: string; objectKey: string; purpose: DotKeyPurpose; expiresIn?: number }) {
  const link = useQuery({
    // The same key as the share dialog's: one presigned link per object and expiry.
    queryKey: ['buckets', 'share', bucket, objectKey, expiresIn],
    queryFn: () => shareLink(bucket, objectKey, expiresIn),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const endpoint = useQuery({
    queryKey: ['buckets', 'storage-endpoint', bucket, link.data?.url ?? ''],
    queryFn: async () => (await s3Credentials())?.endpoint ?? endpointOf(link.data?.url ?? '', bucket),
    enabled: purpose !== 'share' && link.isSuccess,
    staleTime: Infinity,
  });
  const dots = dotSegmentsOf(objectKey)
    .map((d) => `“${d}”`)
    .join(' and ');
  const url = link.data?.url ?? '';
  return (
    <div role="note" aria-label={HEADLINE[purpose]} className="flex flex-col gap-2 rounded-md border border-warn/50 bg-warn-soft p-3 text-sm">
      <p className="font-semibold">{HEADLINE[purpose]}</p>
      <p>
        Its name, <code className="font-mono break-all whitespace-pre-wrap">{objectKey}</code>, has a {dots} folder. Browsers rewrite “.” and “..” folders
        in web addresses, even written as %2E%2E, so the request would reach another file or none.
      </p>
      <p>
        {purpose === 'share'
          ? `Send this command instead: it downloads the file in a terminal, with a link that works for ${expiryLabel(expiresIn)}.`
          : `Download it in a terminal instead, with a link that works for ${expiryLabel(expiresIn)}:`}
      </p>
      {link.isError ? (
        <ErrorState error={link.error} title="Could not make a link" onRetry={() => void link.refetch()} />
      ) : !url ? (
        <Skeleton rows={1} />
      ) : (
        <Command value={curlCommand(url, objectKey)} label="curl command" />
      )}
      {purpose !== 'share' && endpoint.data && (
        <>
          <p>Or with the S3 API, if you have this cluster’s storage keys (AWS command line):</p>
          <Command value={awsCommand(endpoint.data, bucket, objectKey)} label="AWS command" />
        </>
      )}
    </div>
  );
}
