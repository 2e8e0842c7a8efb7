import { setTheme, useTheme, type ThemeChoice } from './theme';

export function ThemeSwitch() {
  const theme = useTheme();
  return (
    <label className="flex items-center gap-2 text-sm text-muted">
      <span className="max-sm:sr-only">Theme</span>
      <select
        value={theme}
        onChange={(e) => setTheme(e.target.value as ThemeChoice)}
        className="rounded-md border border-line bg-surface px-2 py-1 text-fg"
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
