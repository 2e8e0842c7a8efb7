import { useState } from 'react';
import { CodeEditor } from '../../../../components/code-editor';
import { toast } from '../../../../components/toast';
import { FilePickButton } from '../file-pick-button';
import { FieldMessages, inputClass } from './fields';
import { fieldId, useField } from './form-context';
import { Section } from './section';

const MAX_SCRIPT_BYTES = 1024 * 1024;

/** The script OSCAR runs for every invocation, edited with shell highlighting or loaded from a file. */
export function ScriptSection({
  scriptFileName,
  onRename,
  onScriptFile,
}: {
  scriptFileName: string;
  onRename: (name: string) => void;
  onScriptFile: (name: string, content: string) => void;
}) {
  const f = useField(['script']);
  const [loading, setLoading] = useState(false);
  const id = fieldId(['script']);
  const load = async (file: File) => {
    if (file.size > MAX_SCRIPT_BYTES) {
      toast(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; a service script is normally a few kilobytes, so it was not loaded.`, 'error');
      return;
    }
    setLoading(true);
    try {
      const text = await file.text();
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) {
        toast(`${file.name} is not a text file, so it was not loaded as the script.`, 'error');
        return;
      }
      onScriptFile(file.name, text);
      toast(`Loaded ${file.name} as the script.`, 'success');
    } finally {
      setLoading(false);
    }
  };
  return (
    <Section title="Script" description="The shell script OSCAR runs for each input" defaultOpen paths={[['script']]}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-56 flex-col gap-1">
          <label htmlFor="script-file-name" className="text-sm font-medium">
            File name in the FDL
          </label>
          <input
            id="script-file-name"
            value={scriptFileName}
            readOnly={f.readOnly}
            spellCheck={false}
            className={`${inputClass(scriptFileName.trim() === '')} font-mono`}
            onChange={(e) => onRename(e.target.value)}
          />
        </div>
        <FilePickButton busy={loading} accept=".sh,.bash,.py,.txt,text/*" onFiles={(files) => files[0] && void load(files[0])}>
          Load script from a file…
        </FilePickButton>
      </div>
      <div id={id} tabIndex={-1} className="outline-none">
        <CodeEditor
          label="Service script (shell)"
          language="shell"
          value={typeof f.value === 'string' ? f.value : ''}
          onChange={(text) => f.set(text)}
          readOnly={f.readOnly}
          height="20rem"
          uri="inmemory://lagoon/script.sh"
          describedBy={f.errors.length ? `${id}-error` : undefined}
        />
      </div>
      <FieldMessages id={id} errors={f.errors} warnings={f.warnings} />
    </Section>
  );
}
