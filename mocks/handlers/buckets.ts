// /system/buckets: list, create (201), change visibility (204), delete (204), list objects in pages of
// 1000 (`page` / `next_page` / `is_truncated`), and presigned URLs pointing at the demo's S3 (/s3/).
import { http } from 'msw';
import type { MinIOBucket, PresignRequest } from '../../src/api/types';
import { ownerId } from '../auth';
import { ClusterError, type Cluster } from '../cluster';
import { createRng, hashString } from '../prng';
import { empty, json, readJson, system } from './common';

type BucketParams = { bucket: string };

function amzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function encodeKey(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

export function bucketHandlers(cluster: Cluster, base: string) {
  return [
    http.get(
      `${base}/system/buckets`,
      system(cluster, ({ principal }) => json(cluster.listBuckets(principal))),
    ),
    http.post(
      `${base}/system/buckets`,
      system(cluster, async ({ principal, request }) => {
        const spec = (await readJson(request)) as MinIOBucket;
        try {
          cluster.createBucket(principal, spec);
        } catch (e) {
          // A full bucket quota is refused by MinIO's policy, and OSCAR passes on a bare 403 with no
          // words (errors are plain text, sometimes empty: ../shared/oscar-api/NOTES.md).
          if (e instanceof ClusterError && e.message.startsWith('Bucket quota exceeded')) throw new ClusterError(403, '');
          throw e;
        }
        return empty(201);
      }),
    ),
    http.put(
      `${base}/system/buckets`,
      system(cluster, async ({ principal, request }) => {
        cluster.updateBucket(principal, (await readJson(request)) as MinIOBucket);
        return empty(204);
      }),
    ),
    http.get(
      `${base}/system/buckets/:bucket`,
      system<BucketParams>(cluster, ({ principal, params, url }) => {
        const b = cluster.requireBucket(principal, params.bucket);
        const page = cluster.listObjects(b, url.searchParams.get('page'));
        return json({ ...cluster.bucketSummary(b), ...page });
      }),
    ),
    http.delete(
      `${base}/system/buckets/:bucket`,
      system<BucketParams>(cluster, ({ principal, params }) => {
        const b = cluster.buckets.get(params.bucket);
        if (b?.createdByService && cluster.services.has(b.createdByService)) {
          throw new ClusterError(400, `The bucket "${b.name}" is used by the service "${b.createdByService}": delete the service instead`);
        }
        cluster.deleteBucket(principal, params.bucket);
        return empty(204);
      }),
    ),
    http.post(
      `${base}/system/buckets/:bucket/presign`,
      system<BucketParams>(cluster, async ({ principal, params, request }) => {
        const body = (await readJson(request)) as Partial<PresignRequest>;
        const b = cluster.requireBucket(principal, params.bucket);
        if (typeof body.object_key !== 'string' || !body.object_key || body.object_key.startsWith('/')) {
          throw new ClusterError(400, 'object_key is required');
        }
        if (body.operation !== 'upload' && body.operation !== 'download') {
          throw new ClusterError(400, 'operation must be "upload" or "download"');
        }
        // As OSCAR 4.1's presign_bucket.go: 900 s when not asked (or 0), 1 to 3600 s allowed.
        const expiresIn = body.expires_in || 900;
        if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 3600) {
          throw new ClusterError(400, `Invalid expiration requested: ${expiresIn}. Allowed range is 1-3600 seconds`);
        }
        if (body.operation === 'download' && !b.objects.has(body.object_key)) {
          throw new ClusterError(404, `The object "${body.object_key}" does not exist in bucket "${b.name}"`);
        }
        const now = cluster.now();
        const date = amzDate(now);
        const access = principal.kind === 'oidc' ? ownerId(principal) : cluster.minioRoot.access_key;
        const signature = createRng(hashString(`${b.name}/${body.object_key}@${now}`)).hex(64);
        const query = new URLSearchParams({
          'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
          'X-Amz-Credential': `${access}/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
          'X-Amz-Date': date,
          'X-Amz-Expires': String(expiresIn),
          'X-Amz-SignedHeaders': body.operation === 'upload' ? 'content-type;host' : 'host',
          'X-Amz-Signature': signature,
        });
        const headers: Record<string, string> =
          body.operation === 'upload'
            ? { 'Content-Type': body.content_type || 'application/octet-stream', ...(body.extra_headers ?? {}) }
            : { ...(body.extra_headers ?? {}) };
        return json({
          url: `${base}/s3/${encodeURIComponent(b.name)}/${encodeKey(body.object_key)}?${query.toString()}`,
          method: body.operation === 'upload' ? 'PUT' : 'GET',
          headers,
          expires_at: new Date(now + expiresIn * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          object_key: body.object_key,
          operation: body.operation,
        });
      }),
    ),
  ];
}
