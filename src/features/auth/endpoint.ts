// What the user types as a cluster address, checked before anything is sent, and how an endpoint is
// shown in the header and the cluster lists.
import { normalizeEndpoint } from '../../api/connection';
import { isDemoEndpoint } from '../../api/demo';

/** The dev server's proxy to a real cluster (vite.config.ts), present only with OSCAR_ENDPOINT set. */
export const DEV_PROXY_ENDPOINT = '/oscar-proxy';

export function devProxyTarget(): string {
  const target: unknown = import.meta.env.LAGOON_PROXY_TARGET;
  return typeof target === 'string' ? target : '';
}

export type EndpointCheck = { ok: true; endpoint: string } | { ok: false; error: string };

export function checkEndpoint(raw: string, pageProtocol = globalThis.location?.protocol ?? 'https:'): EndpointCheck {
  if (!raw.trim()) return { ok: false, error: 'Enter the address of the OSCAR cluster, for example https://oscar.example.org.' };
  const endpoint = normalizeEndpoint(raw);
  if (endpoint.startsWith('/')) {
    if (endpoint === DEV_PROXY_ENDPOINT && devProxyTarget()) return { ok: true, endpoint };
    return { ok: false, error: 'Enter a full address starting with https://, for example https://oscar.example.org.' };
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return { ok: false, error: 'This is not a valid address. Use the cluster URL, for example https://oscar.example.org.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'The address must start with https:// (or http:// for a local cluster).' };
  }
  if (!url.hostname || /\s/.test(raw.trim())) {
    return { ok: false, error: 'This is not a valid address. Use the cluster URL, for example https://oscar.example.org.' };
  }
  if (pageProtocol === 'https:' && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return {
      ok: false,
      error: 'This page is served over HTTPS, so the browser blocks a cluster on plain http://. Use the https:// address.',
    };
  }
  return { ok: true, endpoint: endpoint.replace(/\/+$/, '') };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** "oscar.example.org" for the header; the dev proxy and the demo say what they are. */
export function shortHost(endpoint: string): string {
  if (endpoint === DEV_PROXY_ENDPOINT) {
    const target = devProxyTarget();
    return target ? `dev proxy → ${hostOf(target)}` : 'dev proxy';
  }
  return hostOf(endpoint);
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

export function endpointLabel(endpoint: string): string {
  if (isDemoEndpoint(endpoint)) return `${shortHost(endpoint)} (demo)`;
  return shortHost(endpoint);
}
