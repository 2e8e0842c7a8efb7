import { useState } from 'react';
import type { BodyInfo } from '../lib/detect';
import { useObjectUrl } from './use-object-url';

/**
 * An image, audio, video or PDF answer, from a blob: URL of bytes whose signature was checked, typed
 * with the type found in them (never the server's claim). A file that starts right but does not decode
 * says so instead of showing a broken image.
 */
export function MediaAnswer({ info, title }: { info: BodyInfo; title: string }) {
  const url = useObjectUrl(info.bytes, info.mime);
  const [broken, setBroken] = useState(false);
  const [size, setSize] = useState<string | null>(null);
  if (!url) return null;
  if (broken) {
    return (
      <p role="status" className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
        The bytes start like a {info.label}, but the browser cannot decode them. Download the answer to look
        at it.
      </p>
    );
  }
  if (info.kind === 'image') {
    return (
      <figure className="flex flex-col gap-1">
        <div className="flex max-h-[32rem] justify-center overflow-auto rounded-md border border-line bg-[repeating-conic-gradient(var(--color-raised)_0%_25%,transparent_0%_50%)] bg-[length:16px_16px] p-2">
          <img
            src={url}
            alt={`${title}: ${info.label}${size ? `, ${size}` : ''}`}
            className="max-w-full object-contain [image-rendering:pixelated]"
            style={{ minWidth: '12rem' }}
            onLoad={(e) =>
              setSize(`${e.currentTarget.naturalWidth} × ${e.currentTarget.naturalHeight} pixels`)
            }
            onError={() => setBroken(true)}
          />
        </div>
        <figcaption className="text-xs text-muted">
          {info.label}
          {size ? `, ${size}` : ''}
        </figcaption>
      </figure>
    );
  }
  if (info.kind === 'audio') {
    return (
      // The answer is a file the service produced; there are no captions to offer for it.
      // eslint-disable-next-line jsx-a11y/media-has-caption
      <audio
        controls
        src={url}
        aria-label={`${title}: ${info.label}`}
        onError={() => setBroken(true)}
        className="w-full"
      />
    );
  }
  if (info.kind === 'video') {
    return (
      // The answer is a file the service produced; there are no captions to offer for it.
      // eslint-disable-next-line jsx-a11y/media-has-caption
      <video
        controls
        src={url}
        aria-label={`${title}: ${info.label}`}
        onError={() => setBroken(true)}
        className="max-h-[32rem] w-full rounded-md border border-line"
      />
    );
  }
  return (
    <object
      data={url}
      type="application/pdf"
      aria-label={`${title}: PDF document`}
      className="h-[32rem] w-full rounded-md border border-line"
    >
      <p className="p-3 text-sm">
        This browser does not show PDFs inline.{' '}
        <a href={url} target="_blank" rel="noreferrer" className="text-accent underline">
          Open the PDF
        </a>
        .
      </p>
    </object>
  );
}
