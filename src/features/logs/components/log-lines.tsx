import { useCallback, type UIEvent } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import { clsx } from 'clsx';
import type { LogBuffer } from '../lib/append';
import { DISPLAY_LIMIT } from '../lib/text';
import type { LineRange } from './use-line-hash';
import { LogRow } from './log-row';

export const ROW_HEIGHT = 20;

/**
 * The virtualised lines: only the rows in view (plus a few) are in the DOM, inside one translated
 * block so they flow as ordinary text for selection, find-in-page and screen readers.
 */
export function LogLines({
  id,
  label,
  buffer,
  rows,
  virtualizer,
  scrollRef,
  wrap,
  showStamps,
  search,
  current,
  selection,
  onNumberClick,
  onScroll,
}: {
  id: string;
  label: string;
  buffer: LogBuffer;
  /** Which lines to show, in order (only matching lines); null for all. */
  rows: readonly number[] | null;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  wrap: boolean;
  showStamps: boolean;
  search: RegExp | null;
  current: { line: number; start: number } | null;
  selection: LineRange | null;
  onNumberClick: (index: number, extend: boolean) => void;
  onScroll: (e: UIEvent<HTMLDivElement>) => void;
}) {
  const items = virtualizer.getVirtualItems();
  const digits = Math.max(3, String(buffer.count).length);
  const measure = useCallback((el: HTMLDivElement | null) => virtualizer.measureElement(el), [virtualizer]);
  // Unwrapped, the scroll width comes from the longest line so the horizontal bar does not jump as rows change.
  const widthCh = digits + 3 + (showStamps ? 14 : 0) + Math.min(buffer.maxLength, DISPLAY_LIMIT + 80) + 4;
  return (
    <div
      id={id}
      ref={scrollRef}
      role="region"
      aria-label={label}
      // A scrolling region must take focus so keyboard users can scroll it (WCAG 2.1.1).
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      onScroll={onScroll}
      className="relative max-h-[65vh] min-h-24 overflow-auto rounded-b-lg border border-t-0 border-line bg-surface font-mono text-[0.8125rem] leading-5 [overflow-anchor:none]"
    >
      <div className="relative" style={{ height: virtualizer.getTotalSize(), width: wrap ? '100%' : `max(100%, ${widthCh}ch)` }}>
        <div className={clsx('absolute top-0 left-0 w-full')} style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
          {items.map((item) => {
            const line = rows ? (rows[item.index] ?? -1) : item.index;
            const text = buffer.line(line);
            if (text === undefined) return null;
            return (
              <LogRow
                key={item.key}
                rowRef={wrap ? measure : undefined}
                index={line}
                position={item.index}
                text={text}
                lineStyle={buffer.style(line)}
                stamp={buffer.stamp(line)}
                showStamp={showStamps}
                wrap={wrap}
                digits={digits}
                selected={selection !== null && line + 1 >= selection.from && line + 1 <= selection.to}
                search={search}
                current={current && current.line === line ? current.start : -1}
                onNumberClick={onNumberClick}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
