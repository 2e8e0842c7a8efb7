import { Breadcrumbs } from '../../../components/breadcrumbs';
import { Button } from '../../../components/button';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const SAVE_SHORTCUT = isMac ? '⌘S' : 'Ctrl+S';

export function EditorHeader({
  mode,
  name,
  origin = null,
  reviewing,
  onImport,
  onExport,
  onDuplicate,
  onReview,
}: {
  mode: 'create' | 'update';
  name: string;
  /** Where a prefilled service came from (an app page, a Hub crate). */
  origin?: { label: string; href: string } | null;
  reviewing: boolean;
  onImport: () => void;
  onExport: () => void;
  onDuplicate: () => void;
  onReview: () => void;
}) {
  const title = mode === 'create' ? 'Create service' : `Edit ${name}`;
  return (
    <header className="flex flex-col gap-2">
      <Breadcrumbs
        items={
          mode === 'create'
            ? [origin ? { label: origin.label, to: origin.href } : { label: 'Services', to: '/services' }, { label: 'Create' }]
            : [{ label: 'Services', to: '/services' }, { label: name, to: `/services/${encodeURIComponent(name)}` }, { label: 'Edit' }]
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold tracking-tight">{title}</h1>
        {!reviewing && (
          <div className="flex flex-wrap gap-2">
            <Button onClick={onImport}>Import FDL…</Button>
            <Button onClick={onExport}>Export…</Button>
            {mode === 'update' && <Button onClick={onDuplicate}>Duplicate</Button>}
            <Button variant="primary" onClick={onReview} aria-keyshortcuts={isMac ? 'Meta+S' : 'Control+S'}>
              Review and {mode === 'create' ? 'create' : 'apply'}
              <kbd className="ml-1 rounded border border-current/40 px-1 font-mono text-xs">{SAVE_SHORTCUT}</kbd>
            </Button>
          </div>
        )}
      </div>
    </header>
  );
}
