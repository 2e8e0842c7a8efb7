// The body a batch sends to `POST /job/{service}` for one stored object: the MinIO storage event that
// MinIO's webhook would have sent OSCAR had the object just been uploaded, so the job runs exactly as an
// upload's job does (docs/decisions/012-batch-runs.md). Who reads what:
// - OSCAR (grycap/oscar pkg/handlers/job.go, `decodeEventBytes`): `Records[0].requestParameters.principalId`
//   (a string: the MinIO user whose credentials the job mounts; "" falls back to the service's owner) and
//   `Records[0].requestParameters.sourceIPAddress` (a string). Anything else not being a string makes it
//   treat the body as a plain payload.
// - The FaaS supervisor (grycap/faas-supervisor, `faassupervisor/events/minio.py`): recognises the event by
//   `Records[0].eventSource == "minio:s3"`, reads the top-level `Key` ("<bucket>/<key>", unescaped), and
//   `Records[0].s3.bucket.name`, `.arn` and `s3.object.key`, which it unescapes with Python's
//   `unquote_plus`. MinIO escapes that key with Go's `url.QueryEscape`, so it is escaped the same way here.
// The whole body:
// {"EventName":"s3:ObjectCreated:Put","Key":"<bucket>/<key>","Records":[{"eventVersion":"2.0",
//  "eventSource":"minio:s3","awsRegion":"","eventTime":"<ISO time>","eventName":"s3:ObjectCreated:Put",
//  "userIdentity":{"principalId":"<user>"},"requestParameters":{"principalId":"<user>","region":"",
//  "sourceIPAddress":""},"responseElements":{},"s3":{"s3SchemaVersion":"1.0","configurationId":"Config",
//  "bucket":{"name":"<bucket>","ownerIdentity":{"principalId":"<user>"},"arn":"arn:aws:s3:::<bucket>"},
//  "object":{"key":"<url.QueryEscape(key)>","size":N,"eTag":"","contentType":"","sequencer":""}},
//  "source":{"host":"","port":"","userAgent":"Lagoon batch"}}]}

export interface StoredObject {
  bucket: string;
  key: string;
  size?: number;
}

/** Go's url.QueryEscape: everything but A–Z a–z 0–9 - _ . ~ is %XX (upper case), and a space is "+". */
export function goQueryEscape(s: string): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Python's urllib.parse.unquote_plus, what the supervisor applies to the key. */
export function unquotePlus(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

export const BATCH_EVENT_NAME = 's3:ObjectCreated:Put';

/**
 * The MinIO event for `object`. `user` is the MinIO user whose credentials the job uses: the service's
 * owner for a service-token call ("" lets OSCAR pick the owner itself).
 */
export function minioEvent(object: StoredObject, options: { user?: string; time?: Date } = {}) {
  const user = options.user ?? '';
  const { bucket, key } = object;
  return {
    EventName: BATCH_EVENT_NAME,
    Key: `${bucket}/${key}`,
    Records: [
      {
        eventVersion: '2.0',
        eventSource: 'minio:s3',
        awsRegion: '',
        eventTime: (options.time ?? new Date()).toISOString(),
        eventName: BATCH_EVENT_NAME,
        userIdentity: { principalId: user },
        requestParameters: { principalId: user, region: '', sourceIPAddress: '' },
        responseElements: {},
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'Config',
          bucket: { name: bucket, ownerIdentity: { principalId: user }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: goQueryEscape(key), size: object.size ?? 0, eTag: '', contentType: '', sequencer: '' },
        },
        source: { host: '', port: '', userAgent: 'Lagoon batch' },
      },
    ],
  };
}

export type MinioEvent = ReturnType<typeof minioEvent>;
