import { useEffect, useState } from 'react';
import { Button, Spinner } from '../../../components/button';
import { secondsText } from '../lib/errors';
import { formatBytes } from '../../../lib/units/quantity';

/** A call on its way: how long it has waited, what has arrived, and a way to stop it. */
export function CallProgress({
  service,
  mode,
  startedAt,
  receiving,
  received,
  onCancel,
}: {
  service: string;
  mode: 'sync' | 'async';
  startedAt: number;
  receiving: boolean;
  received: number;
  onCancel: () => void;
}) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  const elapsed = Math.max(0, now - startedAt);
  return (
    <div
      className="flex flex-col items-start gap-3 rounded-md border border-line bg-canvas p-4"
      aria-busy="true"
    >
      <p role="status" className="flex items-center gap-2 text-sm">
        <Spinner small />
        {receiving
          ? `Receiving the answer of ${service}…`
          : mode === 'async'
            ? `Starting a job of ${service}…`
            : `Waiting for ${service} to answer…`}
      </p>
      {/* Counters change several times a second: visible, but not read out each time. */}
      <p className="text-sm text-muted tabular-nums" aria-hidden="true">
        {secondsText(elapsed)}
        {receiving && ` · ${formatBytes(received)} received`}
      </p>
      <Button onClick={onCancel}>Cancel the call</Button>
    </div>
  );
}
