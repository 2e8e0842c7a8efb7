import { useId } from 'react';
import { Button } from '../../../components/button';
import type { CallOutcome } from '../lib/history';

export const STATUS_OPTIONS: { value: CallOutcome | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'ok', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** Filters (kept in the URL by the caller) and the actions on the selected calls. */
export function HistoryToolbar({
  services,
  service,
  status,
  onFilter,
  selectedCount,
  shownCount,
  onCompare,
  onDeleteSelected,
  onDeleteAll,
  onExport,
  exporting,
}: {
  services: string[];
  service: string;
  status: string;
  onFilter: (patch: { service?: string; status?: string }) => void;
  selectedCount: number;
  shownCount: number;
  onCompare: () => void;
  onDeleteSelected: () => void;
  onDeleteAll: () => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const id = useId();
  const select = 'rounded-md border border-line bg-surface px-2 py-1.5 text-sm';
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-svc`} className="text-xs font-medium text-muted">
          Service
        </label>
        <select
          id={`${id}-svc`}
          className={select}
          value={service}
          onChange={(e) => onFilter({ service: e.target.value })}
        >
          <option value="">All services</option>
          {services.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-st`} className="text-xs font-medium text-muted">
          Status
        </label>
        <select
          id={`${id}-st`}
          className={select}
          value={status}
          onChange={(e) => onFilter({ status: e.target.value })}
        >
          {STATUS_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-1 flex-wrap justify-end gap-2">
        <Button
          size="sm"
          disabled={selectedCount !== 2}
          onClick={onCompare}
          title="Select two calls to compare them"
        >
          Compare the two selected
        </Button>
        <Button size="sm" busy={exporting} disabled={shownCount === 0} onClick={onExport}>
          {selectedCount > 0 ? `Export ${selectedCount} selected` : `Export ${shownCount} shown`} as JSON
        </Button>
        <Button size="sm" variant="danger" disabled={selectedCount === 0} onClick={onDeleteSelected}>
          Delete {selectedCount || ''} selected
        </Button>
        <Button size="sm" variant="ghost" onClick={onDeleteAll}>
          Delete all…
        </Button>
      </div>
    </div>
  );
}
