import { useId, useState } from 'react';
import { getKeepLimit, PREVIEW_BYTES, setKeepLimit } from '../lib/history';
import { formatBytes } from '../../../lib/units/quantity';

const MB = 1024 * 1024;

/** How large an answer the history keeps whole; larger ones keep their first bytes and their size. */
export function KeepLimitSetting() {
  const id = useId();
  const [mb, setMb] = useState(() => Math.round((getKeepLimit() / MB) * 10) / 10);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id}>Keep answers and inputs whole up to</label>
      <input
        id={id}
        type="number"
        min={0.1}
        max={500}
        step={0.5}
        value={mb}
        onChange={(e) => {
          const v = Number(e.target.value);
          setMb(v);
          if (v > 0) setKeepLimit(v * MB);
        }}
        className="w-20 rounded-md border border-line bg-canvas px-2 py-1"
      />
      <span>MB</span>
      <span className="text-muted">
        (above that, the first {formatBytes(PREVIEW_BYTES)} and the size are kept)
      </span>
    </div>
  );
}
