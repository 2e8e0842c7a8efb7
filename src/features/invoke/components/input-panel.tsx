import { useId, useState, type KeyboardEvent } from 'react';
import { Button } from '../../../components/button';
import type { CallAuth } from '../lib/history';
import { pickFile, type InvokeForm } from '../hooks/use-invoke-form';
import type { JsonCheck } from '../lib/json';
import { AuthPicker, type TokenSources } from './auth-picker';
import { FileDrop } from './file-drop';
import { Segmented } from './segmented';
import { TextInput } from './text-input';

const KINDS = [
  { value: 'text', label: 'Text' },
  { value: 'json', label: 'JSON' },
  { value: 'file', label: 'File' },
] as const;
const MODES = [
  { value: 'sync', label: 'Sync (wait for the answer)' },
  { value: 'async', label: 'Async (start a job)' },
] as const;

/** What to send and how: the input, base64, sync or async, the token; Send or Ctrl/⌘+Enter. */
export function InputPanel({
  service,
  form,
  update,
  setBase64,
  json,
  sources,
  busy,
  formError,
  onSend,
  onCancel,
}: {
  service: string;
  form: InvokeForm;
  update: (patch: Partial<InvokeForm>) => void;
  setBase64: (on: boolean) => void;
  json: JsonCheck | null;
  sources: TokenSources;
  busy: boolean;
  formError: string | null;
  onSend: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!busy) onSend();
    }
  };
  const onFile = (file: File) => {
    setReading(true);
    setFileError(null);
    pickFile(file)
      .then(
        (picked) => update({ file: picked }),
        (e: unknown) =>
          setFileError(`The file could not be read: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => setReading(false));
  };
  return (
    // The form catches Ctrl/⌘+Enter from any of its fields; it is not a click target.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      aria-label={`Invoke ${service}`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) onSend();
      }}
      className="flex flex-col gap-4"
    >
      <Segmented legend="Send as" value={form.kind} options={KINDS} onChange={(kind) => update({ kind })} />
      {form.kind === 'file' ? (
        <FileDrop
          file={form.file}
          reading={reading}
          error={fileError}
          onFile={onFile}
          onClear={() => update({ file: null })}
        />
      ) : (
        <TextInput
          kind={form.kind}
          value={form.kind === 'json' ? form.json : form.text}
          onChange={(v) => update(form.kind === 'json' ? { json: v } : { text: v })}
          json={json}
        />
      )}
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 accent-accent"
          checked={form.base64[form.kind]}
          onChange={(e) => setBase64(e.target.checked)}
          aria-describedby={`${id}-b64`}
        />
        <span>
          Send base64-encoded
          <span id={`${id}-b64`} className="block text-xs text-muted">
            OSCAR’s synchronous services usually expect files this way (as oscar-cli sends them).
          </span>
        </span>
      </label>
      <Segmented legend="Mode" value={form.mode} options={MODES} onChange={(mode) => update({ mode })} />
      <AuthPicker
        service={service}
        auth={form.auth}
        onAuth={(auth: CallAuth) => update({ auth })}
        pasted={form.pastedToken}
        onPasted={(pastedToken) => update({ pastedToken })}
        sources={sources}
      />
      {form.mode === 'sync' && (
        <label className="flex items-center gap-2 text-sm">
          Stop waiting after
          <input
            type="number"
            min={1}
            max={3600}
            value={form.timeoutSeconds}
            onChange={(e) => update({ timeoutSeconds: Math.max(1, Number(e.target.value) || 1) })}
            className="w-20 rounded-md border border-line bg-canvas px-2 py-1"
          />
          seconds
        </label>
      )}
      {formError && (
        <p role="alert" className="text-sm text-danger">
          {formError}
        </p>
      )}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? 'Sending…' : 'Send'}
        </Button>
        {busy && <Button onClick={onCancel}>Cancel</Button>}
        <span className="text-xs text-muted">
          <kbd className="font-mono">Ctrl</kbd>+<kbd className="font-mono">Enter</kbd>
        </span>
      </div>
    </form>
  );
}
