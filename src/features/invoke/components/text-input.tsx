import { useId } from 'react';
import { clsx } from 'clsx';
import type { JsonCheck } from '../lib/json';

/** The text or JSON to send. JSON is checked as it is typed; a mistake is shown with its line and column. */
export function TextInput({
  kind,
  value,
  onChange,
  json,
}: {
  kind: 'text' | 'json';
  value: string;
  onChange: (value: string) => void;
  json: JsonCheck | null;
}) {
  const id = useId();
  const bad = kind === 'json' && json && !json.ok ? json : null;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {kind === 'json' ? 'JSON to send' : 'Text to send'}
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        rows={10}
        aria-invalid={bad ? true : undefined}
        aria-describedby={`${id}-status`}
        placeholder={kind === 'json' ? '{"message": "Hello"}' : 'Hello from Lagoon'}
        className={clsx(
          'min-h-40 w-full resize-y rounded-md border bg-canvas p-2 font-mono text-sm',
          bad ? 'border-danger' : 'border-line',
        )}
      />
      <p
        id={`${id}-status`}
        className={clsx('text-xs', bad ? 'text-danger' : 'text-muted')}
        aria-live="polite"
      >
        {kind === 'text'
          ? 'Sent as typed. Ctrl+Enter (⌘+Enter on macOS) sends.'
          : bad
            ? `Line ${bad.line}, column ${bad.column}: ${bad.message}`
            : 'Valid JSON. Ctrl+Enter (⌘+Enter on macOS) sends.'}
      </p>
    </div>
  );
}
