import { useMemo } from 'react';
import { listZip } from '../lib/zip';
import { formatBytes } from '../../../lib/units/quantity';
import { Name } from '../../../components/name';

/** The files in a ZIP answer, read from its directory without unpacking anything. */
export function ZipListing({ bytes, complete }: { bytes: Uint8Array; complete: boolean }) {
  const listing = useMemo(() => (complete ? listZip(bytes) : null), [bytes, complete]);
  if (!listing)
    return (
      <p className="text-sm text-muted">
        Only the start of this archive is at hand; download it to see its files.
      </p>
    );
  if (!listing.ok) return <p className="text-sm text-danger">{listing.error}</p>;
  const files = listing.entries.filter((e) => !e.directory);
  return (
    <div className="max-h-80 overflow-auto rounded-md border border-line">
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left text-muted">
          {files.length} {files.length === 1 ? 'file' : 'files'} in the archive
        </caption>
        <thead>
          <tr className="border-b border-line text-left">
            <th scope="col" className="px-3 py-1.5 font-semibold">
              Name
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-semibold">
              Size
            </th>
            <th scope="col" className="px-3 py-1.5 text-right font-semibold">
              Compressed
            </th>
          </tr>
        </thead>
        <tbody>
          {listing.entries.map((e) => (
            <tr key={e.name} className="border-b border-line last:border-0">
              <td className="px-3 py-1 font-mono break-all">
                <Name value={e.name} />
              </td>
              <td className="px-3 py-1 text-right whitespace-nowrap">
                {e.directory ? '—' : formatBytes(e.size)}
              </td>
              <td className="px-3 py-1 text-right whitespace-nowrap">
                {e.directory ? '—' : formatBytes(e.compressedSize)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
