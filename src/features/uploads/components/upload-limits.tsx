import { useState } from 'react';
import { Button } from '../../../components/button';
import { setUploadLimits, uploadQueue } from '../lib/session';

/** How many files and parts go at once; kept as a preference in this browser. */
export function UploadLimits({ onDone }: { onDone: () => void }) {
  // Text while typing (a field may be empty for a moment), whole numbers within bounds once saved.
  const [text, setText] = useState(() => {
    const l = uploadQueue.getLimits();
    return { files: String(l.files), parts: String(l.parts) };
  });
  const bounded = (v: string, max: number) => Math.min(max, Math.max(1, Math.round(Number(v)) || 1));
  const field = (name: 'files' | 'parts', label: string, max: number) => (
    <label className="flex items-center justify-between gap-3">
      <span>{label}</span>
      <input
        type="number"
        min={1}
        max={max}
        value={text[name]}
        onChange={(e) => setText({ ...text, [name]: e.target.value })}
        onBlur={() => setText({ ...text, [name]: String(bounded(text[name], max)) })}
        className="w-16 rounded-md border border-line bg-canvas px-2 py-1 text-right"
      />
    </label>
  );
  return (
    <form
      className="flex flex-col gap-2 border-b border-line px-3 py-2 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        setUploadLimits({ files: bounded(text.files, 10), parts: bounded(text.parts, 16) });
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
