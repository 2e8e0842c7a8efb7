import { useState } from 'react';
import { Button } from '../../../components/button';
import { saveBlob } from '../../../components/save-file';
import { decodeBase64Blob } from '../lib/base64';
import type { BodyInfo } from '../lib/detect';
import { formatBytes } from '../../../lib/units/quantity';
import type { AnswerSource } from './answer-source';

/** The answer as received, and for base64 answers the decoded file (decoded in pieces when large). */
export function AnswerDownloads({
  source,
  info,
  fileBase,
}: {
  source: AnswerSource;
  info: BodyInfo;
  fileBase: string;
}) {
  const [decoding, setDecoding] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const whole = source.blob ?? (source.complete ? new Blob([source.bytes as BlobPart]) : null);
  const decodeLarge = async () => {
    if (!source.blob) return;
    setError(null);
    setDecoding(0);
    try {
      const blob = await decodeBase64Blob(source.blob, {
        type: info.mime,
        onProgress: (done, total) => setDecoding(done / total),
      });
      saveBlob(blob, `${fileBase}.${info.extension}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setDecoding(null);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      {whole ? (
        <Button
          size="sm"
          onClick={() => saveBlob(whole, `${fileBase}${info.base64 ? '.b64.txt' : `.${info.extension}`}`)}
        >
          Download the answer ({formatBytes(source.size)})
        </Button>
      ) : (
        <Button
          size="sm"
          onClick={() => saveBlob(new Blob([source.bytes as BlobPart]), `${fileBase}.start.bin`)}
        >
          Download the kept start ({formatBytes(source.bytes.length)})
        </Button>
      )}
      {info.base64 &&
        (source.complete ? (
          <Button
            size="sm"
            onClick={() =>
              saveBlob(
                new Blob([info.bytes as BlobPart], { type: info.mime }),
                `${fileBase}.${info.extension}`,
              )
            }
          >
            Download the decoded {info.label} ({formatBytes(info.bytes.length)})
          </Button>
        ) : (
          source.blob && (
            <Button size="sm" busy={decoding !== null} onClick={() => void decodeLarge()}>
              {decoding !== null
                ? `Decoding… ${Math.round(decoding * 100)}%`
                : `Decode and download (.${info.extension})`}
            </Button>
          )
        ))}
      {error && (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
