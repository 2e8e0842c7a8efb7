import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { exportZip } from '../../../lib/fdl/export';
import { download, exportFiles } from '../lib/export';
import type { EditorValue } from '../lib/editor-value';

/** Downloads the service as oscar-cli's FDL and its script, separately or zipped together. */
export function ExportDialog({ open, value, onClose }: { open: boolean; value: EditorValue; onClose: () => void }) {
  const files = open ? exportFiles(value) : null;
  const base = value.service.name || 'service';
  return (
    <Dialog open={open} onClose={onClose} title="Export as FDL" footer={<Button onClick={onClose}>Close</Button>}>
      {files && (
        <div className="flex flex-col gap-3">
          <p>The FDL file and its script, as oscar-cli applies them: <span className="font-mono">oscar-cli apply {files.fdlName}</span>.</p>
          {files.warnings.length > 0 && (
            <ul className="list-disc rounded-md border border-warn/50 bg-warn-soft py-2 pr-3 pl-7">
              {files.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" onClick={() => download(`${base}.zip`, exportZip(files), 'application/zip')}>
              Download FDL and script (.zip)
            </Button>
            <Button onClick={() => download(files.fdlName, files.fdl, 'application/yaml')}>Download {files.fdlName}</Button>
            {Object.entries(files.scripts).map(([name, content]) => (
              <Button key={name} onClick={() => download(name, content, 'text/x-shellscript')}>
                Download {name}
              </Button>
            ))}
          </div>
        </div>
      )}
    </Dialog>
  );
}
