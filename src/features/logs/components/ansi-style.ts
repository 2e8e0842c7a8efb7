import type { CSSProperties } from 'react';
import type { Segment } from '../lib/ansi';

// The 16 terminal colours as theme-aware classes (written out in full so Tailwind finds them), chosen
// to keep 4.5:1 contrast on the log's background in light and dark. "black" and "white" would vanish
// on one of the two themes, so they map to strong and muted text instead.
const FG: Record<string, string> = {
  black: 'text-fg',
  red: 'text-red-700 dark:text-red-400',
  green: 'text-green-700 dark:text-green-400',
  yellow: 'text-yellow-800 dark:text-yellow-300',
  blue: 'text-blue-700 dark:text-blue-400',
  magenta: 'text-fuchsia-700 dark:text-fuchsia-400',
  cyan: 'text-cyan-800 dark:text-cyan-300',
  white: 'text-muted',
  'bright-black': 'text-muted',
  'bright-red': 'text-red-600 dark:text-red-300',
  'bright-green': 'text-green-700 dark:text-green-300',
  'bright-yellow': 'text-amber-700 dark:text-yellow-200',
  'bright-blue': 'text-blue-600 dark:text-blue-300',
  'bright-magenta': 'text-fuchsia-600 dark:text-fuchsia-300',
  'bright-cyan': 'text-cyan-700 dark:text-cyan-200',
  'bright-white': 'text-fg',
};
const BG: Record<string, string> = {
  black: 'bg-neutral-200 dark:bg-neutral-800',
  red: 'bg-red-100 dark:bg-red-950',
  green: 'bg-green-100 dark:bg-green-950',
  yellow: 'bg-yellow-100 dark:bg-yellow-950',
  blue: 'bg-blue-100 dark:bg-blue-950',
  magenta: 'bg-fuchsia-100 dark:bg-fuchsia-950',
  cyan: 'bg-cyan-100 dark:bg-cyan-950',
  white: 'bg-neutral-100 dark:bg-neutral-700',
};

export function segmentClass(s: Segment): string {
  const out: string[] = [];
  if (s.fg) out.push(FG[s.fg] ?? '');
  if (s.bg) out.push(BG[s.bg.replace('bright-', '')] ?? '');
  if (s.bold) out.push('font-bold');
  if (s.dim) out.push('opacity-70');
  if (s.italic) out.push('italic');
  if (s.underline) out.push('underline');
  if (s.strike) out.push('line-through');
  return out.join(' ');
}

/** 256-colour and 24-bit colours are data, not a theme: the one place a style attribute is computed. */
export function segmentStyle(s: Segment): CSSProperties | undefined {
  if (!s.fgRgb && !s.bgRgb) return undefined;
  return { ...(s.fgRgb ? { color: `rgb(${s.fgRgb})` } : {}), ...(s.bgRgb ? { backgroundColor: `rgb(${s.bgRgb})` } : {}) };
}
