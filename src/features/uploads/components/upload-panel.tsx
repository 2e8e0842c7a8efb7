import { useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Button } from '../../../components/button';
import type { UploadSnapshot } from '../lib/queue';
import { uploadQueue } from '../lib/session';
import { UploadLimits } from './upload-limits';
import { UploadRow } from './upload-row';
import { UploadSummaryLine } from './upload-summary';

/** The floating panel: a summary, the controls for all files, and every file (virtualised: a folder can hold thousands). */
export function UploadPanel({ snapshot }: { snapshot: UploadSnapshot }) {
  const [open, setOpen] = useState(true);
  const [settings, setSettings] = useState(false);
  const scroll = useRef<HTMLDivElement>(null);
  const { items, summary } = snapshot;
  // A batch that ends well folds the list away (the summary stays); a new batch or a failure opens it.
  const quiet = summary.finished && !summary.failed && !summary.interrupted;
  const [wasQuiet, setWasQuiet] = useState(quiet);
  if (quiet !== wasQuiet) {
    setWasQuiet(quiet);
    setOpen(!quiet);
  }
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroll.current,
    estimateSize: () => 76,
    overscan: 6,
    getItemKey: (i) => items[i]?.id ?? i,
  });
  const active = summary.uploading + summary.queued;
  const finishedAny = summary.done + summary.cancelled + summary.failed > 0;
  return (
    <section
      aria-label="Uploads"
      className="fixed bottom-4 left-4 z-40 flex max-h-[70vh] w-[30rem] md:left-52 max-w-[calc(100vw-2rem)] flex-col overflow-hidden rounded-lg border border-line bg-surface shadow-2xl"
    >
      <div className="flex items-start gap-2 border-b border-line px-3 py-2">
        <div className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold">Uploads</h2>
          <UploadSummaryLine summary={summary} />
        </div>
        <Button size="sm" variant="ghost" aria-expanded={settings} onClick={() => setSettings((s) => !s)}>
          Limits
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? 'Hide' : 'Show'}
        </Button>
      </div>
      {settings && <UploadLimits onDone={() => setSettings(false)} />}
      {open && (
        <>
          <div className="flex flex-wrap gap-1 border-b border-line px-3 py-1.5">
            {active > 0 && (
              <Button size="sm" variant="ghost" className="text-danger" onClick={() => uploadQueue.cancelAll()}>
                Cancel all
              </Button>
            )}
            {summary.failed > 0 && (
              <Button size="sm" variant="ghost" onClick={() => items.filter((i) => i.state === 'failed').forEach((i) => uploadQueue.retry(i.id))}>
                Retry failed
              </Button>
            )}
            {finishedAny && (
              <Button size="sm" variant="ghost" onClick={() => uploadQueue.clear({ failed: active === 0 })}>
                Clear finished
              </Button>
            )}
          </div>
          <div ref={scroll} className="min-h-0 flex-1 overflow-y-auto">
            <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = items[v.index];
                if (!item) return null;
                return (
                  <li
                    key={v.key}
                    data-index={v.index}
                    ref={virtualizer.measureElement}
                    className="absolute inset-x-0"
                    style={{ transform: `translateY(${v.start}px)` }}
                  >
                    <UploadRow item={item} />
                  </li>
                );
              })}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
