import { useEffect, useState } from 'react';
import { Button } from './button';
import { copyText } from './copy-button';

/**
 * Copies text made on demand: a chart's CSV is built when asked for, not on every render (90 days of
 * hourly points for ten series is a lot of string to rebuild for nothing).
 */
export function ChartCopyButton({ make, label }: { make: () => string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        aria-label={`${state === 'copied' ? 'Copied' : 'Copy'} ${label}`}
        onClick={() => {
          copyText(make()).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy CSV'}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied'
          ? `${label} copied to the clipboard`
          : state === 'failed'
            ? `Could not copy ${label}`
            : ''}
      </span>
    </>
  );
}
