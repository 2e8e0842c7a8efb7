import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { clsx } from 'clsx';
import { visibleText } from '../lib/text/hidden-chars';

export interface Column<T> {
  id: string;
  /** The header's text; also the sort button's name. */
  header: string;
  cell: (row: T) => ReactNode;
  /** Tailwind width class for the column (the table has a fixed layout so rows never jump while scrolling). */
  width?: string;
  sortable?: boolean;
  className?: string;
  /** The header is only spoken (a narrow column of buttons, e.g. a row menu). */
  headerHidden?: boolean;
}

export type SortDir = 'asc' | 'desc';
export interface SortState {
  id: string;
  dir: SortDir;
}

export interface TableSelection<T> {
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  /** The row checkbox's name, e.g. "Select cowsay". */
  rowLabel: (row: T) => string;
  /** The header checkbox's name, e.g. "Select all 12 services shown". */
  allLabel: string;
}

export interface DataTableProps<T> {
  /** The table's accessible name (a visually hidden caption). */
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort?: SortState;
  onSortChange?: (next: SortState) => void;
  selection?: TableSelection<T>;
  /** Every row has this height in px; fixed heights keep 5,000 rows cheap to scroll. */
  rowHeight?: number;
  /** Sizes the scroll area (default: at most 70% of the viewport). */
  className?: string;
  /** E.g. "min-w-[64rem]": below this width the table scrolls sideways instead of squeezing. */
  tableClassName?: string;
}

/**
 * A virtualised data table that stays a real <table>: only the rows in view are in the DOM, spacer rows
 * keep the scroll height, and aria-rowcount/aria-rowindex tell assistive technology where each row sits
 * in the whole list. Sorting is the caller's job (it knows the data); the table renders the header buttons
 * and aria-sort. Selection supports select-all of the given rows and shift-click ranges.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  selection,
  rowHeight = 44,
  className,
  tableClassName,
}: DataTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const anchorKey = useRef<string | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 5,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0));
  const span = columns.length + (selection ? 1 : 0);

  // Counted once per change of rows or selection, not on every scroll frame.
  const selected = selection?.selected;
  const selectedShown = useMemo(
    () => (selected ? rows.reduce((n, r) => n + (selected.has(rowKey(r)) ? 1 : 0), 0) : 0),
    [rows, selected, rowKey],
  );
  const allShown = rows.length > 0 && selectedShown === rows.length;

  function toggleAll() {
    if (!selection) return;
    const next = new Set(selection.selected);
    for (const r of rows) {
      if (allShown) next.delete(rowKey(r));
      else next.add(rowKey(r));
    }
    selection.onChange(next);
  }

  function toggleRow(index: number, shift: boolean) {
    if (!selection) return;
    const row = rows[index];
    if (row === undefined) return;
    const key = rowKey(row);
    const next = new Set(selection.selected);
    const on = !next.has(key);
    const anchor = shift && anchorKey.current !== null ? rows.findIndex((r) => rowKey(r) === anchorKey.current) : -1;
    const [from, to] = anchor >= 0 ? [Math.min(anchor, index), Math.max(anchor, index)] : [index, index];
    for (let i = from; i <= to; i++) {
      const r = rows[i];
      if (r === undefined) continue;
      if (on) next.add(rowKey(r));
      else next.delete(rowKey(r));
    }
    anchorKey.current = key;
    selection.onChange(next);
  }
  // Rows are memoised so a scroll step renders only the rows that came into view; they get one stable
  // toggle callback that reads the latest rows and selection.
  const latestToggle = useRef(toggleRow);
  useLayoutEffect(() => {
    latestToggle.current = toggleRow;
  });
  const onToggle = useCallback((index: number, shift: boolean) => latestToggle.current(index, shift), []);

  return (
    <div ref={scrollRef} className={clsx('overflow-auto rounded-lg border border-line bg-surface', className ?? 'max-h-[70vh]')}>
      <table
        aria-rowcount={rows.length + 1}
        className={clsx('w-full table-fixed border-separate border-spacing-0 text-sm', tableClassName)}
      >
        <caption className="sr-only">{visibleText(label)}</caption>
        <colgroup>
          {selection && <col className="w-11" />}
          {columns.map((c) => (
            <col key={c.id} className={c.width} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {selection && (
              <th scope="col" className="sticky top-0 z-10 border-b border-line bg-surface px-3 py-2 text-left">
                <HeaderCheckbox
                  label={selection.allLabel}
                  checked={allShown}
                  indeterminate={selectedShown > 0 && !allShown}
                  disabled={rows.length === 0}
                  onChange={toggleAll}
                />
              </th>
            )}
            {columns.map((c) => {
              const active = sort?.id === c.id;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={c.sortable && active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  className="sticky top-0 z-10 border-b border-line bg-surface px-2.5 py-2 text-left font-semibold whitespace-nowrap"
                >
                  {c.sortable && onSortChange ? (
                    <button
                      type="button"
                      onClick={() => onSortChange({ id: c.id, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
                      className="-mx-1 inline-flex max-w-full items-center gap-1 rounded px-1 hover:bg-raised"
                    >
                      <span className="truncate">{c.header}</span>
                      <SortIcon dir={active ? sort.dir : undefined} />
                    </button>
                  ) : c.headerHidden ? (
                    <span className="sr-only">{c.header}</span>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} className="p-0" style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            const key = rowKey(row);
            return (
              <Row
                key={key}
                row={row}
                index={item.index}
                columns={columns}
                height={rowHeight}
                checked={selection?.selected.has(key) ?? false}
                rowLabel={selection?.rowLabel}
                onToggle={onToggle}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={span} className="p-0" style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps<T> {
  row: T;
  index: number;
  columns: readonly Column<T>[];
  height: number;
  checked: boolean;
  rowLabel: ((row: T) => string) | undefined;
  onToggle: (index: number, shift: boolean) => void;
}

function RowView<T>({ row, index, columns, height, checked, rowLabel, onToggle }: RowProps<T>) {
  return (
    <tr aria-rowindex={index + 2} className={clsx(checked ? 'bg-accent-soft' : 'hover:bg-raised')} style={{ height }}>
      {rowLabel && (
        <td className="border-b border-line px-3">
          <input
            type="checkbox"
            className="size-4 accent-accent align-middle"
            aria-label={visibleText(rowLabel(row))}
            checked={checked}
            onChange={(e) => onToggle(index, (e.nativeEvent as MouseEvent).shiftKey === true)}
          />
        </td>
      )}
      {columns.map((c) => (
        <td key={c.id} className={clsx('truncate border-b border-line px-2.5', c.className)}>
          {c.cell(row)}
        </td>
      ))}
    </tr>
  );
}

const Row = memo(RowView) as typeof RowView;

function HeaderCheckbox({
  label,
  checked,
  indeterminate,
  disabled,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  onChange: () => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="size-4 accent-accent align-middle"
      aria-label={visibleText(label)}
      checked={checked}
      disabled={disabled}
      onChange={onChange}
    />
  );
}

function SortIcon({ dir }: { dir: SortDir | undefined }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className={clsx('size-3 shrink-0', dir ? 'text-fg' : 'text-muted opacity-60')}>
      {dir !== 'desc' && <path d="M6 2 9.5 5.5h-7z" fill="currentColor" />}
      {dir !== 'asc' && <path d="M6 10 2.5 6.5h7z" fill="currentColor" />}
    </svg>
  );
}
