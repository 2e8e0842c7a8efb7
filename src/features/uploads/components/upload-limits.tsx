import { useState } from 'react';
import { Button } from '../../../components/button';
import { setUploadLimits, uploadQueue } from '../../../lib/upload-session';

/** How many files and parts go at once; kept as a preference in this browser. */
export function UploadLimits({ onDone }: { onDone: () => void }) {
  const [limits, setLimits] = useState(() => uploadQueue.getLimits());
  const field = (name: 'files' | 'parts', label: string, max: number) => (
    <label className="flex items-center justify-between gap-3">
      <span>{label}</span>
      <input
        type="number"
        min={1}
        max={max}
        value={limits[name]}
        onChange={(e) => setLimits({ ...limits, [name]: Math.min(max, Math.max(1, Number(e.target.value) || 1)) })}
        className="w-16 rounded-md border border-line bg-canvas px-2 py-1 text-right"
      />
    </label>
  );
  return (
    <form
      className="flex flex-col gap-2 border-b border-line px-3 py-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setUploadLimits(limits);
        onDone();
      }}
    >
      {field('files', 'Files at once', 10)}
      {field('parts', 'Parts at once (all files)', 16)}
      <div className="flex justify-end">
        <Button size="sm" type="submit">
          Save
        </Button>
      </div>
    </form>
  );
}
