// How Lagoon reaches a cluster's storage: S3 credentials from OSCAR's /system/config (in memory only, for
// this page; never persisted, never shown) and presigned URLs from /system/buckets/{bucket}/presign. The
// uploader and the bucket browser share these, so the credentials are asked for once. See
// ../shared/oscar-api/NOTES.md ("Buckets and files") and docs/decisions/004-uploads.md.
import { oscar, required } from '../../api/client';
import { getConnection } from '../../api/connection';
import type { PresignResponse } from '../../api/types';
import { listObjects } from './client';
import type { S3Credentials } from './sign';

let cached: { identity: string; creds: Promise<S3Credentials | null> } | null = null;

/** Who is signed in where: credentials cached for one identity are never used for another. */
export function connectionIdentity(): string {
  const c = getConnection();
  if (!c) return '';
  const who = c.credentials?.kind === 'basic' ? `basic:${c.credentials.username}` : c.credentials ? `bearer:${tokenSubject(c.credentials.token)}` : 'anonymous';
  return `${c.endpoint}|${who}`;
}

function tokenSubject(token: string): string {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
    return typeof payload.sub === 'string' ? payload.sub : 'token';
  } catch {
    return 'token';
  }
}

async function loadCredentials(): Promise<S3Credentials | null> {
  try {
    const { data } = await oscar.GET('/system/config');
    const m = data?.minio_provider;
    // OSCAR blanks or hides keys for users it will not give them to: then only presigned URLs are left.
    if (!m?.endpoint || !m.access_key || !m.secret_key || m.secret_key === 'hidden') return null;
    return { endpoint: m.endpoint, region: m.region || 'us-east-1', accessKey: m.access_key, secretKey: m.secret_key };
  } catch {
    return null;
  }
}

/** The S3 credentials for the current session, or null when the cluster does not give any. */
export function s3Credentials(): Promise<S3Credentials | null> {
  const identity = connectionIdentity();
  if (!cached || cached.identity !== identity) cached = { identity, creds: loadCredentials() };
  return cached.creds;
}

export function renewS3Credentials(): Promise<S3Credentials | null> {
  cached = null;
  return s3Credentials();
}

/** Forgets the credentials (logout). */
export function forgetS3Credentials(): void {
  cached = null;
}

export async function presign(
  bucket: string,
  key: string,
  operation: 'upload' | 'download',
  options: { expiresIn?: number; contentType?: string } = {},
): Promise<PresignResponse> {
  const { data } = await oscar.POST('/system/buckets/{bucket}/presign', {
    params: { path: { bucket } },
    body: {
      object_key: key,
      operation,
      ...(options.expiresIn ? { expires_in: options.expiresIn } : {}),
      ...(options.contentType ? { content_type: options.contentType } : {}),
    },
  });
  return required(data, 'the presigned URL');
}

/** The keys under a prefix: by S3 listing with credentials, else by OSCAR's object pages. */
export async function existingKeys(bucket: string, prefix: string): Promise<Set<string>> {
  const c = await s3Credentials();
  if (c) {
    try {
      return new Set((await listObjects(c, bucket, prefix)).map((o) => o.key));
    } catch {
      // Fall back to OSCAR's listing below.
    }
  }
  const keys = new Set<string>();
  let page: string | undefined;
  for (let i = 0; i < 10_000; i++) {
    const { data } = await oscar.GET('/system/buckets/{bucket}', { params: { path: { bucket }, query: page ? { page } : {} } });
    for (const o of data?.objects ?? []) if (o.object_name?.startsWith(prefix)) keys.add(o.object_name);
    if (!data?.is_truncated || !data.next_page) break;
    page = data.next_page;
  }
  return keys;
}
