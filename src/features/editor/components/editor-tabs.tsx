// Form | YAML tabs (WAI-ARIA tabs: arrow keys move between them). The chosen tab lives in the URL.
import { useRef, type ReactNode } from 'react';
import { clsx } from 'clsx';

export type EditorTab = 'form' | 'yaml';
const TABS: { id: EditorTab; label: string }[] = [
  { id: 'form', label: 'Form' },
  { id: 'yaml', label: 'YAML (FDL)' },
];

export function EditorTabs({
  tab,
  onTab,
  badges,
  children,
}: {
  tab: EditorTab;
  onTab: (t: EditorTab) => void;
  badges: Partial<Record<EditorTab, ReactNode>>;
  children: ReactNode;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (delta: number) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = TABS[(i + delta + TABS.length) % TABS.length];
    if (!next) return;
    onTab(next.id);
    refs.current[next.id]?.focus();
  };
  return (
    <div className="flex flex-col gap-4">
      <div role="tablist" aria-label="Edit as" className="flex gap-1 border-b border-line">
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            id={`tab-${t.id}`}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              else if (e.key === 'ArrowLeft') move(-1);
              else return;
              e.preventDefault();
            }}
            className={clsx(
              '-mb-px flex items-center gap-2 border-b-2 px-4 py-2 text-sm font-medium',
              tab === t.id ? 'border-accent text-fg' : 'border-transparent text-muted hover:text-fg',
            )}
          >
            {t.label}
            {badges[t.id]}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {children}
      </div>
    </div>
  );
}
