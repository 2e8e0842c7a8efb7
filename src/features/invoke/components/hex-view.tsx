import { TextBlock } from './text-block';

/** The first bytes as a hex dump, for answers that are neither text nor a known file type. */
export function HexView({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const lines: string[] = [];
  const n = Math.min(bytes.length, 512);
  for (let i = 0; i < n; i += 16) {
    const row = bytes.subarray(i, Math.min(i + 16, n));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const text = Array.from(row, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${i.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${text}`);
  }
  return <TextBlock text={lines.join('\n')} label={label} />;
}
