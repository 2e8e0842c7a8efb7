import { useId } from 'react';
import type { ServiceSummary } from '../api/queries';

/** Which service's jobs to show; "All services" walks every service's pages. */
export function ServicePicker({
  services,
  value,
  onChange,
}: {
  services: readonly ServiceSummary[] | undefined;
  value: string;
  onChange: (service: string) => void;
}) {
  const id = useId();
  const names = services?.map((s) => s.name) ?? [];
  // A service from the URL stays choosable while the list loads, or if it is not in the list.
  if (value && !names.includes(value)) names.unshift(value);
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Service
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-[16rem] rounded-md border border-line bg-surface px-2 py-1.5 text-sm"
      >
        <option value="">All services</option>
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
