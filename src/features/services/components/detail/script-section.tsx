import { CodeView } from '../../../../components/code-view';
import { CopyButton } from '../../../../components/copy-button';
import { Section } from '../../../../components/section';

export function ScriptSection({ script }: { script: string }) {
  const lines = script ? script.replace(/\n$/, '').split('\n').length : 0;
  return (
    <Section
      title="Script"
      description={script ? `Runs in the container for each invocation · ${lines} ${lines === 1 ? 'line' : 'lines'}` : undefined}
      actions={script ? <CopyButton value={script} label="script" /> : undefined}
    >
      {script ? <CodeView code={script} label="Script source" /> : <p className="text-sm text-muted italic">No script.</p>}
    </Section>
  );
}
