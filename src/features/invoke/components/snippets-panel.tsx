import { useState } from 'react';
import { CodeView } from '../../../components/code-view';
import { CopyButton } from '../../../components/copy-button';
import { snippetsFor, type Snippet, type SnippetCall } from '../lib/snippets';
import { Segmented } from './segmented';

/** The same call from a terminal or a script; the token comes from $OSCAR_TOKEN, never from here. */
export function SnippetsPanel({ call }: { call: SnippetCall }) {
  const snippets = snippetsFor(call);
  const [id, setId] = useState<Snippet['id']>('curl');
  const s = snippets.find((x) => x.id === id) ?? snippets[0]!;
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <Segmented
          legend="Snippet language"
          hideLegend
          value={id}
          onChange={setId}
          options={snippets.map((x) => ({ value: x.id, label: x.label }))}
        />
        <CopyButton value={s.code} label={`${s.label} snippet`} />
      </div>
      <CodeView code={s.code} label={`${s.label} snippet`} />
      <p className="text-xs text-muted">
        Set the token first: <code className="font-mono">export OSCAR_TOKEN=…</code> (the service’s token or
        your OIDC access token).
        {s.note ? ` ${s.note}` : ''}
      </p>
    </div>
  );
}
