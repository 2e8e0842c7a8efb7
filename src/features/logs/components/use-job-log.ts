import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../../api/errors';
import { pollDelay } from '../../../lib/jobs/polling';
import { LogBuffer } from '../lib/append';
import { LogFeed, type WorkerLike } from '../lib/feed';
import { logQueries, type PollStats } from '../api/queries';

const LOG_EVERY_MS = 2_000;
const STATUS_EVERY_MS = 3_000;
const GONE_EVERY_MS = 15_000;

/** The parser's worker, where the browser has workers (not jsdom: there the parser runs in this thread). */
function createLogWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../lib/worker.ts', import.meta.url), { type: 'module', name: 'log-parser' });
}

/**
 * A job's status and its log, followed by polling while the job is pending or running. Each answer is
 * the whole log, fetched and parsed in a worker that sends back only what is new (lib/feed), which
 * the buffer appends (lib/append). Failures (404, 500, network)
 * keep what was shown and poll again later and later; a job that vanished from its service's list
 * is "gone", still polled slowly in case it was a glitch.
 */
export function useJobLog(service: string, job: string) {
  const [buffer] = useState(() => new LogBuffer());
  const [feed] = useState(() => new LogFeed((chunk) => buffer.apply(chunk), createLogWorker));
  useEffect(() => {
    feed.open();
    return () => feed.closeSoon();
  }, [feed]);
  const [logStats] = useState<PollStats>(() => ({ failures: 0, durationMs: 0 }));
  const [infoStats] = useState<PollStats>(() => ({ failures: 0, durationMs: 0 }));

  const info = useQuery({
    ...logQueries.jobInfo(service, job, infoStats),
    refetchInterval: (q) => {
      const d = q.state.data;
      if (d === null) return GONE_EVERY_MS;
      if (d && d.status !== 'Pending' && d.status !== 'Running') return false;
      return pollDelay({ base: STATUS_EVERY_MS, failures: infoStats.failures, lastDurationMs: infoStats.durationMs });
    },
  });
  const status = info.data?.status;
  // Live until the job is known to have ended: while the status is loading or failing, keep following.
  const live = status === undefined || status === 'Pending' || status === 'Running' || info.data === null;

  const log = useQuery({
    ...logQueries.jobLog(service, job, feed, logStats),
    refetchInterval: (q): number | false => {
      if (!live) return false;
      const err = q.state.error;
      const gone = info.data === null || (isApiError(err) && err.status === 404 && status !== 'Pending');
      return gone ? GONE_EVERY_MS : pollDelay({ base: LOG_EVERY_MS, failures: logStats.failures, lastDurationMs: logStats.durationMs });
    },
  });

  // The job just ended: read the log once more for its last lines.
  const wasLive = useRef(live);
  const refetchLog = log.refetch;
  useEffect(() => {
    if (wasLive.current && !live) void refetchLog();
    wasLive.current = live;
  }, [live, refetchLog]);

  const log404 = isApiError(log.error) && log.error.status === 404;
  const gone = info.data === null || (log404 && status !== 'Pending');
  return {
    buffer,
    info,
    log,
    live,
    gone,
    loaded: log.data !== undefined || log.isError,
    nextLogPollMs: pollDelay({ base: LOG_EVERY_MS, failures: logStats.failures, lastDurationMs: logStats.durationMs }),
  };
}
