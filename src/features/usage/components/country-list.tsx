import { cleanValue } from '../../../lib/metrics/series';
import { formatCount, formatPercent } from '../../../lib/units/format';
import { countryName } from './country-name';

export interface CountryCount {
  country?: string;
  request_count?: number;
}

/**
 * Countries ranked by requests, each with a bar; the bar is decoration (aria-hidden), the text
 * carries the figure and the share.
 */
export function CountryList({
  countries,
  limit = 20,
}: {
  countries: readonly CountryCount[];
  limit?: number;
}) {
  const rows = countries
    .map((c) => ({ code: c.country?.trim() || 'unknown', n: cleanValue(c.request_count).value ?? 0 }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
  const total = rows.reduce((s, r) => s + r.n, 0);
  const max = rows[0]?.n ?? 0;
  if (rows.length === 0)
    return <p className="text-sm text-muted">No requests with a known country in this period.</p>;
  return (
    <div className="flex flex-col gap-2">
      <ol aria-label="Countries by requests" className="flex flex-col gap-1.5">
        {rows.slice(0, limit).map((r, i) => (
          <li
            key={r.code}
            className="grid grid-cols-[2rem_minmax(8rem,14rem)_1fr_auto] items-center gap-3 text-sm"
          >
            <span className="text-right text-muted tabular-nums">{i + 1}.</span>
            <span className="truncate" title={countryName(r.code)}>
              {countryName(r.code)}
            </span>
            <span aria-hidden="true" className="h-2.5 rounded-sm bg-raised">
              <span
                className="block h-full rounded-sm bg-accent"
                style={{ width: `${max ? (r.n / max) * 100 : 0}%` }}
              />
            </span>
            <span className="text-right tabular-nums whitespace-nowrap">
              {formatCount(r.n, 'request')}{' '}
              <span className="text-muted">({formatPercent(total ? r.n / total : 0)})</span>
            </span>
          </li>
        ))}
      </ol>
      {rows.length > limit && (
        <p className="text-xs text-muted">
          And {rows.length - limit} more countries; group the breakdown by country to see them all.
        </p>
      )}
    </div>
  );
}
