import { errorMessage, isApiError } from '../../../api/errors';
import { Button } from '../../../components/button';
import type { LogBuffer } from '../lib/append';
import { downloadText } from './download-text';

function Notice({ tone, role = 'status', children }: { tone: 'danger' | 'warn'; role?: 'status' | 'alert'; children: React.ReactNode }) {
  return (
    <div role={role} className={tone === 'danger' ? 'border-x border-line bg-danger-soft px-3 py-2 text-sm' : 'border-x border-line bg-warn-soft px-3 py-2 text-sm'}>
      {children}
    </div>
  );
}

/**
 * What went wrong while following, shown above the lines without touching them: the job is gone, a
 * poll failed (and when the next one is), or the log started over.
 */
export function LogNotices({
  buffer,
  gone,
  goneText,
  error,
  retryInSeconds,
  fileName,
}: {
  buffer: LogBuffer;
  gone: boolean;
  goneText: string;
  error: unknown;
  retryInSeconds: number | null;
  fileName: string;
}) {
  const reset = buffer.lastReset;
  return (
    <>
      {gone ? (
        <Notice tone="danger" role="alert">
          <strong>{goneText}</strong>{' '}
          {buffer.count > 0 ? 'What was loaded is kept below; download it to keep a copy.' : 'Nothing of its log had been loaded.'}
        </Notice>
      ) : error ? (
        <Notice tone="danger" role="alert">
          <strong>Could not refresh the log{isApiError(error) && error.status ? ` (HTTP ${error.status})` : ''}:</strong>{' '}
          <span className="break-words">{errorMessage(error)}</span>. {buffer.count > 0 ? 'The lines below are kept. ' : ''}
          {retryInSeconds !== null ? `Trying again in about ${retryInSeconds} s.` : ''}
        </Notice>
      ) : null}
      {reset && (
        <Notice tone="warn">
          The log {reset.reason === 'window' ? 'started over' : 'got shorter'}: the {reset.reason === 'window' ? 'deployment' : 'job'} was restarted, so
          the lines below are the new log. The previous one had {reset.previous.length.toLocaleString()} lines.{' '}
          <Button size="sm" variant="ghost" onClick={() => downloadText(`${reset.previous.join('\n')}\n`, fileName.replace(/\.log$/, '.previous.log'))}>
            Download the previous log
          </Button>
        </Notice>
      )}
    </>
  );
}
