// Colours for charts. SVG attributes cannot use Tailwind classes, so the charts read the theme's CSS
// variables (src/index.css) and read them again when the `dark` class on <html> changes. Series
// colours are a fixed palette per theme, chosen to keep 3:1 contrast against the surface in both.
import { useSyncExternalStore } from 'react';

export interface ChartTheme {
  dark: boolean;
  fg: string;
  muted: string;
  line: string;
  surface: string;
  raised: string;
  accent: string;
  series: readonly string[];
}

const LIGHT_SERIES = [
  '#0e6f86',
  '#c2410c',
  '#6d28d9',
  '#15803d',
  '#b4233c',
  '#8a5a00',
  '#1d4ed8',
  '#a21caf',
  '#4d7c0f',
  '#475569',
  '#0f766e',
  '#9a3412',
];
const DARK_SERIES = [
  '#5cc8e0',
  '#fb923c',
  '#c4b5fd',
  '#6fd69a',
  '#fb7185',
  '#f3c763',
  '#93c5fd',
  '#f0abfc',
  '#bef264',
  '#cbd5e1',
  '#5eead4',
  '#fdba74',
];

function isDark(): boolean {
  return typeof document !== 'undefined' && document.documentElement.classList.contains('dark');
}

function read(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

let cached: ChartTheme | null = null;

function snapshot(): ChartTheme {
  const dark = isDark();
  if (cached && cached.dark === dark) return cached;
  cached = {
    dark,
    fg: read('--lg-fg', dark ? '#e6eef2' : '#0f1c24'),
    muted: read('--lg-muted', dark ? '#9fb1bc' : '#4f5f6b'),
    line: read('--lg-line', dark ? '#2c3b45' : '#d5dde4'),
    surface: read('--lg-surface', dark ? '#121c22' : '#ffffff'),
    raised: read('--lg-raised', dark ? '#1a272f' : '#eef2f5'),
    accent: read('--lg-accent', dark ? '#5cc8e0' : '#0e6f86'),
    series: dark ? DARK_SERIES : LIGHT_SERIES,
  };
  return cached;
}

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  const observer = new MutationObserver(() => {
    cached = null;
    onChange();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** A series' colour by its position; past the palette it wraps, which only "Other" groups reach. */
export function seriesColor(theme: ChartTheme, index: number): string {
  return theme.series[index % theme.series.length] ?? theme.accent;
}
