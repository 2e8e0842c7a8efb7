import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { DotKeyHelp } from './dot-key-help';

/** Download of one file whose name has "." or ".." folders: why not, and the commands that work. */
export function DotKeyDownloadDialog({ bucket, objectKey, name, onClose }: { bucket: string; objectKey: string; name: string; onClose: () => void }) {
  return (
    <Dialog open onClose={onClose} title={`Download ${name}`} footer={<Button onClick={onClose}>Close</Button>}>
      <DotKeyHelp bucket={bucket} objectKey={objectKey} purpose="download" />
    </Dialog>
  );
}

const SHOWN = 8;

/** A selection to zip that holds such files: they are named, and the rest can still go. */
export function DotKeysInSelectionDialog({
  dotted,
  others,
  onDownloadOthers,
  onClose,
}: {
  dotted: readonly string[];
  others: number;
  onDownloadOthers: () => void;
  onClose: () => void;
}) {
  const many = dotted.length > 1;
  return (
    <Dialog
      open
      onClose={onClose}
      title={`${dotted.length} of the selected files cannot be downloaded here`}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          {others > 0 && (
            <Button
              onClick={() => {
                onClose();
                onDownloadOthers();
              }}
            >
              {others === 1 ? 'Zip the other file' : `Zip the other ${others.toLocaleString()}`}
            </Button>
          )}
        </>
      }
    >
      <div className="flex flex-col gap-2">
        <p>
          {many ? 'Their names have' : 'Its name has'} “.” or “..” folders, which browsers rewrite in web addresses (even written as %2E%2E), so
          the zip would get other files or none in {many ? 'their' : 'its'} place:
        </p>
        <ul className="list-disc pl-5 font-mono text-xs">
          {dotted.slice(0, SHOWN).map((k) => (
            <li key={k} className="break-all whitespace-pre-wrap">
              {k}
            </li>
          ))}
          {dotted.length > SHOWN && <li className="font-sans">and {(dotted.length - SHOWN).toLocaleString()} more</li>}
        </ul>
        <p>Open {many ? 'each one' : 'it'} and choose Download for a terminal command that fetches it as it is named.</p>
      </div>
    </Dialog>
  );
}
