import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { copyText } from '../../../components/copy-button';
import { toast } from '../../../components/toast';
import type { LogBuffer } from '../lib/append';
import { plainText } from '../lib/text';
import { LogLines, ROW_HEIGHT } from './log-lines';
import { LogSearchBar } from './log-search-bar';
import { LogToolbar } from './log-toolbar';
import { useLineHash } from './use-line-hash';
import { useLogFollow } from './use-log-follow';
import { useStoredFlag } from './use-log-prefs';
import { downloadText } from './download-text';
import { useLogSearch } from './use-log-search';

/**
 * A log as the best viewers show it: virtualised real text, follow mode with a "new lines" badge,
 * search (case, regex, only matching lines) with next/previous, wrap and timestamps remembered, line
 * links (#L120, shift-click for a range), copy and download. `notices` sit above the lines.
 */
export function LogViewer({
  buffer,
  label,
  fileName,
  loaded,
  live,
  notices,
  empty,
}: {
  buffer: LogBuffer;
  label: string;
  fileName: string;
  /** The first fetch has answered. */
  loaded: boolean;
  /** New lines may still come. */
  live: boolean;
  notices?: ReactNode;
  empty: ReactNode;
}) {
  const id = useId();
  const subscribe = useCallback((l: () => void) => buffer.subscribe(l), [buffer]);
  const version = useSyncExternalStore(subscribe, () => buffer.version, () => buffer.version);
  const [wrap, setWrap] = useStoredFlag('wrap', false);
  const [stamps, setStamps] = useStoredFlag('timestamps', true);
  const search = useLogSearch(buffer, version);
  const [range, setRange] = useLineHash();
  const rows = search.rows;
  const rowCount = rows ? rows.length : buffer.count;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable: a new function on every render makes the virtualizer lay out all rows again (100,000 of
  // them) on every scroll event and every poll.
  const getItemKey = useCallback((i: number) => (rows ? (rows[i] ?? i) : i), [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey,
  });
  // A link to a line opens there, not at the bottom.
  const [openedAtLine] = useState(() => range !== null);
  const follow = useLogFollow({ scrollRef, rowCount, lineCount: buffer.count, version, initial: !openedAtLine });

  // Wrapped rows have their own heights: measure again when wrapping or the shown rows change.
  useLayoutEffect(() => virtualizer.measure(), [wrap, stamps, rows, virtualizer]);

  const toRow = (line: number) => (rows ? rows.indexOf(line) : line);
  function scrollToLine(line: number) {
    follow.setFollow(false);
    const i = toRow(line);
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'center' });
  }

  // Opening a link to a line: scroll there once the log has that many lines.
  const jumped = useRef<string | null>(null);
  const rangeKey = range ? `${range.from}-${range.to}` : null;
  useLayoutEffect(() => {
    if (!range || jumped.current === rangeKey || buffer.count < range.from) return;
    jumped.current = rangeKey;
    follow.setFollow(false);
    const i = rows ? rows.indexOf(range.from - 1) : range.from - 1;
    if (i >= 0) virtualizer.scrollToIndex(i, { align: 'center' });
    // The log may start below the fold of the page: show the whole box.
    scrollRef.current?.scrollIntoView({ block: 'nearest' });
  });

  // The current match may sit far to the right of an unwrapped line, or below the fold of the page:
  // bring it into view once its row has rendered (the virtualizer renders it a frame or two later).
  const occ = search.occurrence;
  useEffect(() => {
    if (!occ) return;
    let frame = 0;
    let t = 0;
    const reveal = () => {
      const mark = scrollRef.current?.querySelector('mark[data-current]');
      if (mark) mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      else if (frame++ < 10) t = requestAnimationFrame(reveal);
    };
    t = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(t);
  }, [occ]);

  function stepMatch(dir: 1 | -1) {
    const first = virtualizer.getVirtualItems()[0]?.index ?? 0;
    const o = search.step(dir, rows ? (rows[first] ?? 0) : first);
    if (o) scrollToLine(o.line);
  }

  function onNumberClick(index: number, extend: boolean) {
    const n = index + 1;
    const next = extend && range ? { from: Math.min(range.from, n), to: Math.max(range.to, n) } : range && range.from === n && range.to === n ? null : { from: n, to: n };
    jumped.current = next ? `${next.from}-${next.to}` : null;
    setRange(next);
  }

  function copySelection() {
    if (!range) return;
    const out: string[] = [];
    for (let i = range.from - 1; i < Math.min(range.to, buffer.count); i++) {
      const s = buffer.stamp(i);
      out.push(`${stamps && s ? `${s} ` : ''}${plainText(buffer.line(i) ?? '')}`);
    }
    copyText(out.join('\n')).then(
      () => toast(`Copied ${out.length === 1 ? `line ${range.from}` : `${out.length} lines`}`, 'success'),
      () => toast('Could not copy: the browser refused', 'error'),
    );
  }

  const missingLine = range && loaded && !live && buffer.count < range.from;
  return (
    <div className="flex flex-col">
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-t-lg border border-line bg-surface px-3 py-2">
        <LogSearchBar
          state={search.state}
          onChange={search.setState}
          error={search.error}
          count={search.counts.occurrences}
          capped={search.counts.capped}
          searching={search.searching}
          position={search.pos}
          onNext={() => stepMatch(1)}
          onPrevious={() => stepMatch(-1)}
        />
        <LogToolbar
          follow={follow.follow}
          onFollow={follow.setFollow}
          wrap={wrap}
          onWrap={setWrap}
          stamps={stamps}
          onStamps={setStamps}
          copyLabel={range ? (range.from === range.to ? `Copy line ${range.from}` : `Copy lines ${range.from}–${range.to}`) : null}
          onCopy={copySelection}
          onDownload={() => downloadText(buffer.toText(stamps), fileName)}
          canDownload={buffer.count > 0}
        />
      </div>
      {notices}
      {missingLine && (
        <p role="status" className="border-x border-line bg-warn-soft px-3 py-1.5 text-sm">
          Line {range.from} is past the end of this log, which has {buffer.count.toLocaleString()} lines.
        </p>
      )}
      <div className="relative">
        {buffer.count === 0 ? (
          <div className="rounded-b-lg border border-t-0 border-line bg-surface px-4 py-10 text-center text-sm text-muted">{empty}</div>
        ) : (
          <LogLines
            id={id}
            label={label}
            buffer={buffer}
            rows={rows}
            virtualizer={virtualizer}
            scrollRef={scrollRef}
            wrap={wrap}
            showStamps={stamps}
            search={search.re}
            current={search.occurrence}
            selection={range}
            onNumberClick={onNumberClick}
            onScroll={follow.onScroll}
          />
        )}
        <div aria-live="polite" className="absolute right-5 bottom-3">
          {follow.unseen > 0 && (
            <button
              type="button"
              onClick={() => follow.setFollow(true)}
              className="rounded-full bg-accent px-3 py-1 text-sm font-medium text-accent-fg shadow-lg hover:opacity-90"
            >
              {follow.unseen.toLocaleString()} new line{follow.unseen === 1 ? '' : 's'} <span aria-hidden="true">↓</span>
            </button>
          )}
        </div>
      </div>
      <p className="mt-1 text-xs text-muted">
        {buffer.count.toLocaleString()} lines{live ? (follow.follow ? ' · following new lines' : ' · not following: scroll to the bottom to follow') : ''}
        {rows ? ` · showing ${rows.length.toLocaleString()} matching` : ''}. Click a line number to link to it; Shift+click to select a range.
      </p>
    </div>
  );
}

