import { withoutHiddenChars } from '../lib/text/hidden-chars';

/**
 * Hands a Blob to the browser as a download through a temporary object URL (nothing leaves the
 * browser). The URL lives long enough for the save to start, even of a large file. The saved name
 * carries no bidi or zero-width characters, so "RTL-\u202Egnp.exe" is saved as what it is, RTL-gnp.exe.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = withoutHiddenChars(name);
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
