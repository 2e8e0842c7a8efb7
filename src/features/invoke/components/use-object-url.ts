import { useEffect, useState } from 'react';

/**
 * A blob: URL for some bytes, revoked when they change or the view goes away. Callers pass only bytes
 * whose type was verified from their signature (see invoke-detect.ts), with that verified type.
 */
export function useObjectUrl(data: Uint8Array | Blob | null, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return;
    const blob = data instanceof Blob && data.type === type ? data : new Blob([data as BlobPart], { type });
    const u = URL.createObjectURL(blob);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL exists only while the effect does
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [data, type]);
  return url;
}
