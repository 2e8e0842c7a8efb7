import { clsx } from 'clsx';
import type { QuotaResponse } from '../../../api/types';
import { quotaLevel, quotaLines, type QuotaLine } from '../../../lib/quotas/quota';

const BAR: Record<ReturnType<typeof quotaLevel>, string> = { ok: 'bg-accent', near: 'bg-warn', full: 'bg-danger', none: 'bg-muted' };
const WORDS: Record<ReturnType<typeof quotaLevel>, string> = { ok: '', near: 'Nearly at the limit', full: 'At the limit', none: '' };

function summary(l: QuotaLine): string {
  if (l.max === 0 && !l.used) return 'None allowed (the limit is 0)';
  if (l.share === undefined) return `${l.usedText} used · limit: ${l.maxText}`;
  return `${l.usedText} of ${l.maxText} used · ${l.leftText ?? ''} left`;
}

/** Each limit as a bar with used / max in words; near (80 %) and at the limit say so, not only by colour. */
export function QuotaBars({ quota, label }: { quota: QuotaResponse; label: string }) {
  const lines = quotaLines(quota);
  if (!lines.length) return <p className="text-muted">The cluster sent no limits for this user.</p>;
  return (
    <ul aria-label={label} className="grid gap-x-8 gap-y-5 sm:grid-cols-2">
      {lines.map((l) => {
        const level = quotaLevel(l);
        const pct = l.share === undefined ? 0 : Math.min(100, Math.round(l.share * 100));
        return (
          <li key={l.id} className="flex flex-col gap-1.5">
            <div className="flex items-baseline justify-between gap-3">
              <span className="font-medium">{l.label}</span>
              {WORDS[level] && <span className={clsx('text-sm font-medium', level === 'full' ? 'text-danger' : 'text-warn')}>{WORDS[level]}</span>}
            </div>
            {l.share !== undefined && (
              <div
                role="meter"
                aria-label={l.label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={pct}
                aria-valuetext={summary(l)}
                className="h-2.5 overflow-hidden rounded-full bg-raised ring-1 ring-line ring-inset"
              >
                <div className={clsx('h-full rounded-full', BAR[level])} style={{ width: `${pct}%` }} />
              </div>
            )}
            <span className="text-sm text-muted tabular-nums">{summary(l)}</span>
          </li>
        );
      })}
    </ul>
  );
}
