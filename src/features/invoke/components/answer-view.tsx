import { useMemo, useState } from 'react';
import { Badge } from '../../../components/badge';
import { detectBody } from '../lib/detect';
import { formatBytes } from '../../../lib/units/quantity';
import { AnswerDownloads } from './answer-downloads';
import type { AnswerSource } from './answer-source';
import { HexView } from './hex-view';
import { JsonTree } from './json-tree';
import { MediaAnswer } from './media-answer';
import { Segmented } from './segmented';
import { TextBlock } from './text-block';
import { ZipListing } from './zip-listing';

/** An answer shown by what its bytes are: text, a JSON tree, an image, audio, video, a PDF, a ZIP's files, or bytes. */
export function AnswerView({
  source,
  fileBase,
  title = 'The answer',
  shownError,
}: {
  source: AnswerSource;
  fileBase: string;
  title?: string;
  /** Problems already shown as the call's error are not repeated. */
  shownError?: string | undefined;
}) {
  const info = useMemo(
    () => detectBody(source.bytes, { contentType: source.contentType, partial: !source.complete }),
    [source],
  );
  const [view, setView] = useState<'shown' | 'raw'>('shown');
  const rawText = useMemo(
    () => (view === 'raw' ? new TextDecoder().decode(source.bytes) : ''),
    [view, source.bytes],
  );
  const hasRaw = info.base64 || info.kind === 'json';
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="accent">{info.base64 ? `Base64 of ${info.label}` : info.label}</Badge>
        {!source.complete && (
          <span className="text-muted">
            Showing the first {formatBytes(source.bytes.length)} of {formatBytes(source.size)}
          </span>
        )}
        {hasRaw && (
          <div className="ml-auto">
            <Segmented
              legend={`How to show ${/^the /i.test(title) ? title.toLowerCase() : `the ${title.toLowerCase()}`}`}
              hideLegend
              value={view}
              onChange={setView}
              options={[
                { value: 'shown', label: info.base64 ? 'Decoded' : 'Tree' },
                { value: 'raw', label: 'As received' },
              ]}
            />
          </div>
        )}
      </div>
      {info.problems
        .filter((p) => !shownError?.includes(p))
        .map((p) => (
          <p key={p} className="rounded-md border border-warn/50 bg-warn-soft px-3 py-2 text-sm">
            {p}
          </p>
        ))}
      {info.notes.map((n) => (
        <p key={n} className="text-sm text-muted">
          {n}
        </p>
      ))}
      {view === 'raw' && hasRaw ? (
        <TextBlock text={rawText} label={`${title} as received`} />
      ) : info.kind === 'empty' ? (
        <p className="text-sm text-muted">The answer is empty (0 bytes).</p>
      ) : info.kind === 'json' ? (
        <JsonTree value={info.json} label={`${title} as a JSON tree`} />
      ) : info.kind === 'text' ? (
        <TextBlock text={info.text ?? ''} label={title} />
      ) : info.kind === 'image' || info.kind === 'audio' || info.kind === 'video' || info.kind === 'pdf' ? (
        source.complete ? (
          <MediaAnswer info={info} title={title} />
        ) : (
          <p className="text-sm text-muted">This {info.label} is too large to show here; download it.</p>
        )
      ) : info.kind === 'zip' ? (
        <ZipListing bytes={info.bytes} complete={source.complete} />
      ) : (
        <HexView bytes={info.bytes} label={`${title}: the first bytes in hexadecimal`} />
      )}
      <AnswerDownloads source={source} info={info} fileBase={fileBase} />
    </div>
  );
}
