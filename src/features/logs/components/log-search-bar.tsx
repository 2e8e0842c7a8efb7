import { useId, type KeyboardEvent } from 'react';
import { clsx } from 'clsx';

export interface SearchState {
  query: string;
  caseSensitive: boolean;
  regex: boolean;
  onlyMatching: boolean;
}

function Toggle({ pressed, onClick, label, children }: { pressed: boolean; onClick: () => void; label: string; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      onClick={onClick}
      className={clsx(
        'h-8 min-w-8 rounded-md border px-1.5 font-mono text-xs',
        pressed ? 'border-accent bg-accent-soft text-fg' : 'border-line bg-surface text-muted hover:bg-raised hover:text-fg',
      )}
    >
      {children}
    </button>
  );
}

/** Search box with case and regex options, "only matching lines", the match count and next/previous. */
export function LogSearchBar({
  state,
  onChange,
  error,
  count,
  capped,
  searching = false,
  position,
  onNext,
  onPrevious,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
  error: string | null;
  count: number;
  capped: boolean;
  /** Lines are still being scanned: the count so far, marked as such. */
  searching?: boolean;
  /** 0-based index of the current match, or -1. */
  position: number;
  onNext: () => void;
  onPrevious: () => void;
}) {
  const id = useId();
  const set = (patch: Partial<SearchState>) => onChange({ ...state, ...patch });
  const keys = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (e.shiftKey) onPrevious();
      else onNext();
    } else if (e.key === 'Escape' && state.query) {
      e.preventDefault();
      set({ query: '' });
    }
  };
  const matches = `${count.toLocaleString()}${capped ? '+' : ''} match${count === 1 ? '' : 'es'}`;
  const countText =
    !state.query || error
      ? ''
      : searching
        ? count === 0
          ? 'Searching…'
          : `${matches} so far…`
        : count === 0
          ? 'No matches'
          : `${position >= 0 ? `${(position + 1).toLocaleString()} of ` : ''}${matches}`;
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <label htmlFor={id} className="sr-only">
        Search the log
      </label>
      <input
        id={id}
        type="search"
        value={state.query}
        onChange={(e) => set({ query: e.target.value })}
        onKeyDown={keys}
        placeholder={state.regex ? 'Regular expression' : 'Search'}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-count`}
        className={clsx('h-8 w-56 rounded-md border bg-surface px-2 font-mono text-sm', error ? 'border-danger' : 'border-line')}
      />
      <Toggle label="Match case" pressed={state.caseSensitive} onClick={() => set({ caseSensitive: !state.caseSensitive })}>
        Aa
      </Toggle>
      <Toggle label="Regular expression" pressed={state.regex} onClick={() => set({ regex: !state.regex })}>
        .*
      </Toggle>
      <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={count === 0} onClick={onPrevious} className="h-8 w-8 rounded-md border border-line bg-surface hover:bg-raised disabled:opacity-50">
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" aria-label="Next match" title="Next match (Enter)" disabled={count === 0} onClick={onNext} className="h-8 w-8 rounded-md border border-line bg-surface hover:bg-raised disabled:opacity-50">
        <span aria-hidden="true">↓</span>
      </button>
      <label className="ml-1 flex items-center gap-1.5 text-sm">
        <input type="checkbox" className="size-4 accent-accent" checked={state.onlyMatching} onChange={(e) => set({ onlyMatching: e.target.checked })} />
        Only matching lines
      </label>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          Invalid regular expression: {error}
        </p>
      ) : (
        <p id={`${id}-count`} aria-live="polite" className="min-w-24 text-sm text-muted tabular-nums">
          {countText}
        </p>
      )}
    </div>
  );
}
