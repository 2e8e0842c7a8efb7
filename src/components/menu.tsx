import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { clsx } from 'clsx';
import { buttonClass } from './button';
import { visibleText } from '../lib/text/hidden-chars';

export type MenuItem =
  | {
      kind: 'action';
      label: string;
      onSelect: () => void;
      /** Why it cannot be used now; the item stays in the menu, focusable, and says so. */
      disabledReason?: string;
      danger?: boolean;
    }
  /** Opens `href` in a new tab (an address outside the app). */
  | { kind: 'link'; label: string; href: string; hint?: string }
  | { kind: 'separator'; id: string };

type Focusable = Exclude<MenuItem, { kind: 'separator' }>;

/**
 * A menu button (WAI-ARIA APG): Enter, Space or ArrowDown open it on the first item, ArrowUp on the last;
 * arrows, Home and End move, a letter jumps to the next item starting with it; Enter or Space choose; Esc and
 * Tab close it and give the focus back to the button. The list is drawn in a layer of its own (a portal
 * placed by the button), so a scrolling table does not clip it.
 */
export function Menu({ label, items, children, align = 'end' }: { label: string; items: readonly MenuItem[]; children: ReactNode; align?: 'start' | 'end' }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [pos, setPos] = useState<{ top: number; left: number; maxHeight: number } | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const focusable = items.filter((i): i is Focusable => i.kind !== 'separator');

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    setPos(null);
    if (refocus) buttonRef.current?.focus();
  }, []);

  function openAt(index: number) {
    setActive(index);
    setOpen(true);
  }

  // Placed under the button (over it when there is no room below), inside the viewport; it follows the button
  // when anything scrolls (a scrolling table, the page) rather than closing under the pointer.
  const place = useCallback(() => {
    const b = buttonRef.current?.getBoundingClientRect();
    const m = menuRef.current;
    if (!b || !m) return;
    const w = m.offsetWidth;
    const h = m.scrollHeight;
    const below = window.innerHeight - b.bottom - 8;
    const above = b.top - 8;
    // Below unless it fits only above, or neither and above has more room; then it scrolls within what there is.
    const up = h > below && (h <= above || above > below);
    const maxHeight = Math.max(120, up ? above : below);
    const left = Math.max(4, Math.min(window.innerWidth - w - 4, align === 'end' ? b.right - w : b.left));
    setPos({ top: up ? Math.max(4, b.top - Math.min(h, maxHeight) - 4) : b.bottom + 4, left, maxHeight });
  }, [align]);

  useLayoutEffect(() => {
    if (open) place();
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active, pos]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      const t = e.target as Node | null;
      if (t && (menuRef.current?.contains(t) || buttonRef.current?.contains(t))) return;
      close(false);
    };
    const moved = (e: Event) => {
      if (e.target instanceof Node && menuRef.current?.contains(e.target)) return;
      place();
    };
    document.addEventListener('pointerdown', outside, true);
    window.addEventListener('scroll', moved, true);
    window.addEventListener('resize', moved);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('scroll', moved, true);
      window.removeEventListener('resize', moved);
    };
  }, [open, close, place]);

  function choose(item: Focusable) {
    if (item.kind === 'action') {
      if (item.disabledReason) return;
      close(true);
      item.onSelect();
    } else {
      close(true);
    }
  }

  function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openAt(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(focusable.length - 1);
    }
  }

  function onMenuKey(e: KeyboardEvent<HTMLDivElement>) {
    const n = focusable.length;
    const move = (i: number) => {
      e.preventDefault();
      setActive(((i % n) + n) % n);
    };
    if (e.key === 'ArrowDown') move(active + 1);
    else if (e.key === 'ArrowUp') move(active - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(n - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      close(true);
    } else if (e.key === ' ' || e.key === 'Enter') {
      const item = focusable[active];
      if (!item) return;
      if (item.kind === 'link') {
        // Enter follows a link by itself; Space does not.
        if (e.key === ' ') {
          e.preventDefault();
          (e.target as HTMLElement).click();
        }
        return;
      }
      e.preventDefault();
      choose(item);
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      const k = e.key.toLowerCase();
      for (let step = 1; step <= n; step++) {
        const i = (active + step) % n;
        if (focusable[i]?.label.toLowerCase().startsWith(k)) return move(i);
      }
    }
  }

  let index = -1;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-label={visibleText(label)}
        title={visibleText(label)}
        // Keys open it in onKeyDown; a click the keyboard makes (detail 0, e.g. the Space that chose an item,
        // released on this button once the focus is back) must not open it again.
        onClick={(e) => {
          if (e.detail === 0) return;
          if (open) close(false);
          else openAt(0);
        }}
        onKeyDown={onButtonKey}
        className={clsx(buttonClass('ghost', 'sm'), 'px-1.5')}
      >
        {children}
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={`${id}-menu`}
            role="menu"
            tabIndex={-1}
            aria-labelledby={`${id}-button`}
            onKeyDown={onMenuKey}
            style={pos ? { top: pos.top, left: pos.left, maxHeight: pos.maxHeight } : { top: 0, left: 0, visibility: 'hidden' }}
            className="fixed z-50 flex min-w-48 flex-col overflow-auto rounded-md border border-line bg-surface py-1 text-sm text-fg shadow-xl"
          >
            {items.map((item) => {
              if (item.kind === 'separator') return <div key={item.id} role="separator" className="my-1 border-t border-line" />;
              const i = ++index;
              const cls = clsx(
                'flex w-full flex-col items-start px-3 py-1.5 text-left outline-none hover:bg-raised focus:bg-accent-soft',
                item.kind === 'action' && item.danger && 'text-danger',
                item.kind === 'action' && item.disabledReason && 'cursor-not-allowed text-muted',
              );
              const hint = item.kind === 'action' ? item.disabledReason : item.hint;
              const hintId = hint ? `${id}-hint-${i}` : undefined;
              const body = (
                <>
                  <span>{item.label}</span>
                  {hint && (
                    <span id={hintId} className="text-xs text-muted">
                      {hint}
                    </span>
                  )}
                </>
              );
              if (item.kind === 'link') {
                return (
                  <a
                    key={`${i}-${item.label}`}
                    role="menuitem"
                    tabIndex={i === active ? 0 : -1}
                    href={item.href}
                    target="_blank"
                    rel="noreferrer noopener"
                    aria-label={item.label}
                    aria-describedby={hintId}
                    onClick={() => choose(item)}
                    onFocus={() => setActive(i)}
                    className={cls}
                  >
                    {body}
                  </a>
                );
              }
              return (
                <button
                  key={`${i}-${item.label}`}
                  type="button"
                  role="menuitem"
                  tabIndex={i === active ? 0 : -1}
                  aria-label={item.label}
                  aria-describedby={hintId}
                  aria-disabled={item.disabledReason ? true : undefined}
                  onClick={() => choose(item)}
                  onFocus={() => setActive(i)}
                  className={cls}
                >
                  {body}
                </button>
              );
            })}
          </div>,
          document.body,
        )}
    </>
  );
}
