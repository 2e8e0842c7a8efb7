import { useLocation, useNavigate } from 'react-router';

export interface LineRange {
  /** 1-based, inclusive. */
  from: number;
  to: number;
}

/** "#L120" or "#L120-L130" (GitHub's form); anything else is no selection. */
export function parseLineHash(hash: string): LineRange | null {
  const m = /^#L(\d+)(?:-L?(\d+))?$/.exec(hash);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  if (!a || !b) return null;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

export function lineHash(r: LineRange): string {
  return r.from === r.to ? `#L${r.from}` : `#L${r.from}-L${r.to}`;
}

/** The selected line(s), kept in the URL hash so a link opens the log at that line. */
export function useLineHash(): [LineRange | null, (r: LineRange | null) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const range = parseLineHash(location.hash);
  function set(r: LineRange | null) {
    void navigate({ pathname: location.pathname, search: location.search, hash: r ? lineHash(r) : '' }, { replace: true, preventScrollReset: true });
  }
  return [range, set];
}
