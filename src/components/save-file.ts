/**
 * Hands a Blob to the browser as a download through a temporary object URL (nothing leaves the
 * browser). The URL lives long enough for the save to start, even of a large file.
 */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
