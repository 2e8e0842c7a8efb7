// The cluster itself: its configuration (/system/config), the OIDC issuers it trusts, and the MinIO keys it
// hands out (the root keys to the admin, a key per OIDC user). Served by ../handlers/system.ts.
import type { ConfigForUser } from '../../src/api/types';
import type { Principal } from '../auth';
import { createRng, hashString } from '../prng';
import { clone, rules } from './common';

export const EGI_ISSUERS = ['https://aai.egi.eu/auth/realms/egi', 'https://aai-demo.egi.eu/auth/realms/egi'];
export const MINIO_ENDPOINT = 'https://minio.demo.lagoon.test';
export const MINIO_ROOT = { access_key: 'minio-root', secret_key: 'Xq7pN2vR9sLk4TzW8bYc3MhJ6dFg1AeU5oKi0nPw' };

export function defaultConfig(): NonNullable<ConfigForUser['config']> {
  return {
    name: 'oscar',
    namespace: 'oscar',
    services_namespace: 'oscar-svc',
    serverless_backend: 'knative',
    controller_service_account: 'oscar-sa',
    gpu_available: true,
    interLink_available: true,
    kueue_enable: true,
    minio_quota_enabled: true,
    volume_enable: true,
    yunikorn_enable: false,
    oidc_groups: ['vo.ai4eosc.eu', 'vo.imagine-ai.eu', 'dev.intertwin.eu'],
  };
}

export const systemRules = rules({
  trustIssuer(iss: string): void {
    this.trustedIssuers.add(iss.replace(/\/+$/, ''));
  },

  isTrustedIssuer(iss: string): boolean {
    return this.trustedIssuers.has(iss.replace(/\/+$/, ''));
  },

  configFor(p: Principal): ConfigForUser {
    let keys: { access_key: string; secret_key: string };
    if (p.kind === 'oidc') {
      let secret = this.minioUserSecrets.get(p.sub);
      if (!secret) {
        const r = createRng(hashString(`minio:${p.sub}`));
        secret = r.alnum(40);
        this.minioUserSecrets.set(p.sub, secret);
      }
      keys = { access_key: p.sub, secret_key: secret };
    } else {
      keys = { ...this.minioRoot };
    }
    return {
      config: clone(this.config),
      allowed_image_repositories: [...this.allowedImageRepositories],
      minio_provider: { endpoint: MINIO_ENDPOINT, region: 'us-east-1', verify: true, ...keys },
    };
  },

  updateConfig(body: unknown): void {
    if (body && typeof body === 'object') {
      const b = body as { config?: Record<string, unknown>; allowed_image_repositories?: unknown } & Record<string, unknown>;
      const patch = (b.config && typeof b.config === 'object' ? b.config : b) as Record<string, unknown>;
      const cfg = this.config as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) {
        if (k in cfg && typeof v === typeof cfg[k]) cfg[k] = v;
      }
      if (Array.isArray(b.allowed_image_repositories)) {
        this.allowedImageRepositories = b.allowed_image_repositories.filter((x): x is string => typeof x === 'string');
      }
      this.changed();
    }
  },
});

export type SystemRules = typeof systemRules;
