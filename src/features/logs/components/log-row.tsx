import { memo, type MouseEvent, type Ref } from 'react';
import { clsx } from 'clsx';
import { lineView, markRanges, type SgrStyle } from '../lib/ansi';
import { findRanges } from '../lib/search';
import { DISPLAY_LIMIT, shortStamp } from '../lib/text';
import { segmentClass, segmentStyle } from './ansi-style';

export interface LogRowProps {
  /** 0-based line index; the link and the hash show it 1-based. */
  index: number;
  /** The row's place in the list (differs from `index` when only matching lines are shown). */
  position: number;
  text: string;
  /** The colour style the line starts in, carried from the lines before it. */
  lineStyle: SgrStyle | undefined;
  stamp: string | undefined;
  showStamp: boolean;
  wrap: boolean;
  /** Width of the line-number gutter, in characters. */
  digits: number;
  selected: boolean;
  search: RegExp | null;
  /** Start of the current match when it is on this line, else -1. */
  current: number;
  onNumberClick: (index: number, extend: boolean) => void;
  rowRef?: Ref<HTMLDivElement> | undefined;
}

/**
 * One log line as plain DOM text (so the browser's find, selection and screen readers reach it), with
 * its colours as spans and search matches as <mark>. The line number is a link to the line.
 */
export const LogRow = memo(function LogRow({ index, position, text, lineStyle, stamp, showStamp, wrap, digits, selected, search, current, onNumberClick, rowRef }: LogRowProps) {
  const view = lineView(text, DISPLAY_LIMIT, lineStyle);
  const plain = view.segments.map((s) => s.text).join('');
  const ranges = search ? findRanges(search, plain) : [];
  const parts = markRanges(view.segments, ranges);
  const n = index + 1;
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.button !== 0) return;
    e.preventDefault();
    onNumberClick(index, e.shiftKey);
  };
  return (
    <div
      ref={rowRef}
      data-index={position}
      data-line={n}
      className={clsx('flex min-h-5', selected ? 'bg-warn-soft' : 'hover:bg-raised/60')}
    >
      <a
        href={`#L${n}`}
        onClick={click}
        aria-label={`Line ${n}`}
        aria-current={selected ? 'location' : undefined}
        className={clsx(
          'sticky left-0 z-[1] shrink-0 pr-3 pl-2 text-right text-muted no-underline select-none hover:text-accent hover:underline',
          selected ? 'bg-warn-soft' : 'bg-surface',
        )}
        style={{ width: `${digits + 3}ch` }}
      >
        {n}
      </a>
      {showStamp && (
        <time
          dateTime={stamp}
          title={stamp}
          className="w-[14ch] shrink-0 pr-3 text-muted select-none"
        >
          {stamp ? shortStamp(stamp) : ''}
        </time>
      )}
      <span className={clsx('min-w-0 pr-4', wrap ? 'break-all whitespace-pre-wrap' : 'whitespace-pre')}>
        {parts.length === 0 || plain === '' ? ' ' : null}
        {parts.map((p, i) => {
          const cls = segmentClass(p);
          const style = segmentStyle(p);
          if (p.mark !== undefined) {
            const isCurrent = current >= 0 && ranges[p.mark]?.[0] === current;
            return (
              <mark
                key={i}
                data-current={isCurrent || undefined}
                // A match is drawn in the theme's colours, not the line's, so it always reads.
                className={clsx('rounded-sm', isCurrent ? 'bg-accent text-accent-fg' : 'bg-yellow-200 text-fg dark:bg-yellow-700/70', p.bold && 'font-bold')}
              >
                {p.text}
              </mark>
            );
          }
          return cls || style ? (
            <span key={i} className={cls} style={style}>
              {p.text}
            </span>
          ) : (
            p.text
          );
        })}
        {view.hidden > 0 && (
          <span className="text-muted italic select-none">
            {' '}… {view.hidden.toLocaleString()} more characters not shown (copy the line or download the log)
          </span>
        )}
      </span>
    </div>
  );
});
