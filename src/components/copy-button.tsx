import { useEffect, useState } from 'react';
import { Button } from './button';

type CopyState = 'idle' | 'copied' | 'failed';

/** Writes text to the clipboard; falls back to a hidden textarea where the Clipboard API is missing. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'sr-only';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('Copy is not available in this browser');
}

/**
 * Copies `value`; `label` names what is copied for screen readers ("Copy service token"). A function
 * value is called only when the button is pressed: a chart's CSV is built when asked for, not on every
 * render (90 days of hourly points for ten series is a lot of string to rebuild for nothing).
 * `children` is the button's text while idle ("Copy" unless given).
 */
export function CopyButton({
  value,
  label,
  children = 'Copy',
}: {
  value: string | (() => string);
  label: string;
  children?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
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
          copyText(typeof value === 'function' ? value() : value).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
      </Button>
      <span role="status" className="sr-only">
        {state === 'copied' ? `${label} copied to the clipboard` : state === 'failed' ? `Could not copy ${label}` : ''}
      </span>
    </>
  );
}
