// Where an exposed service answers: the ingress next to OSCAR serves it at a path or (OSCAR #616/#625,
// dashboard PR #168) at a subdomain of the cluster's host; neither is in the API spec (NOTES.md). Also
// the URL to open it with (token placeholders filled from the service), its health check URL and its
// NodePort links. Pure: no React, no fetch.
import type { Service } from '../../api/types';

/** How the cluster routes exposed services: `path` (…/system/services/<name>/exposed/) or `subdomain` (<name>.<host>). */
export type ExposedRoutes = 'path' | 'subdomain';

/**
 * config.json's `exposedServiceRoutes`: one mode for every cluster, or a map from a cluster's endpoint
 * (its origin, e.g. "https://oscar.example.org") to a mode, with "*" for the others. Anything else is "path".
 */
export function routesFor(setting: unknown, endpoint: string): ExposedRoutes {
  const mode = (v: unknown): ExposedRoutes | null => (v === 'path' || v === 'subdomain' ? v : null);
  if (typeof setting === 'string') return mode(setting) ?? 'path';
  if (!setting || typeof setting !== 'object' || Array.isArray(setting)) return 'path';
  const map = setting as Record<string, unknown>;
  let origin = endpoint.replace(/\/+$/, '');
  try {
    origin = new URL(endpoint).origin;
  } catch {
    // Not a URL: matched as typed.
  }
  return mode(map[origin]) ?? mode(map[endpoint.replace(/\/+$/, '')]) ?? mode(map['*']) ?? 'path';
}

/** The exposed service's root, always ending in "/". `endpoint` is the cluster's absolute URL. */
export function exposedBaseUrl(endpoint: string, name: string, routes: ExposedRoutes = 'path'): string {
  const base = endpoint.replace(/\/+$/, '');
  if (routes === 'subdomain') {
    const u = new URL(base);
    return `${u.protocol}//${name}.${u.host}/`;
  }
  return `${base}/system/services/${encodeURIComponent(name)}/exposed/`;
}

/** Where readiness is checked: the root plus the service's `expose.health_path` (default "/"). */
export function healthUrl(baseUrl: string, healthPath: string | undefined): string {
  const rest = (healthPath ?? '/').trim().replace(/^\/+/, '');
  return `${baseUrl}${rest}`;
}

/**
 * What to append to the root when opening the service, as the OSCAR Dashboard's apps do: notebooks
 * (label jupyter_notebook=true, or a JUPYTER_TOKEN variable) with `?token={{env.JUPYTER_TOKEN}}`,
 * terminals (label terminal=true) with `?token={{service.token}}`. Empty for any other service.
 */
export function openTemplate(s: Service): string {
  const labels = s.labels ?? {};
  const env = s.environment ?? {};
  if (labels.jupyter_notebook === 'true' || 'JUPYTER_TOKEN' in (env.variables ?? {}) || 'JUPYTER_TOKEN' in (env.secrets ?? {})) {
    return '?token={{env.JUPYTER_TOKEN}}';
  }
  if (labels.terminal === 'true') return '?token={{service.token}}';
  return '';
}

export interface FilledUrl {
  /** The URL to open, secrets filled in. Never show or log it. */
  url: string;
  /** The same URL with each filled value masked, for the screen. */
  shown: string;
  /** Placeholders that had no value (blanked by the cluster or absent), in the order met. */
  missing: string[];
}

export const MASK = '••••••';

const PLACEHOLDER = /\{\{\s*([a-zA-Z]+)\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/** OSCAR answers blanked secrets as "" or "hidden" (NOTES.md): they are no value. */
function present(v: string | undefined | null): v is string {
  return typeof v === 'string' && v !== '' && v !== 'hidden';
}

/** The value of `{{service.token}}` or `{{env.NAME}}` (variables first, then secrets), if the service has it. */
export function placeholderValue(s: Service, scope: string, key: string): string | undefined {
  if (scope === 'service' && key === 'token') return present(s.token) ? s.token : undefined;
  if (scope === 'env') {
    const v = s.environment?.variables?.[key];
    if (present(v)) return v;
    const secret = s.environment?.secrets?.[key];
    if (present(secret)) return secret;
  }
  return undefined;
}

/**
 * Fills `{{service.token}}` and `{{env.NAME}}` in `template` (URL-encoded). A placeholder with no value
 * is dropped with its query parameter (`?token=` alone would only confuse the service) and listed in `missing`.
 */
export function fillUrl(baseUrl: string, template: string, s: Service): FilledUrl {
  const missing: string[] = [];
  const [pathPart = '', queryPart] = template.split('?', 2) as [string, string | undefined];
  const fill = (text: string, masked: boolean): { text: string; lacking: boolean } => {
    let lacking = false;
    const out = text.replace(PLACEHOLDER, (whole, scope: string, key: string) => {
      const v = placeholderValue(s, scope, key);
      if (v === undefined) {
        lacking = true;
        if (!masked && !missing.includes(whole)) missing.push(whole);
        return '';
      }
      return masked ? MASK : encodeURIComponent(v);
    });
    return { text: out, lacking };
  };
  const build = (masked: boolean) => {
    const path = fill(pathPart, masked).text.replace(/^\/+/, '');
    const params = (queryPart ?? '')
      .split('&')
      .filter(Boolean)
      .flatMap((p) => {
        const f = fill(p, masked);
        return f.lacking ? [] : [f.text];
      });
    return `${baseUrl}${path}${params.length ? `?${params.join('&')}` : ''}`;
  };
  const url = build(false);
  return { url, shown: build(true), missing };
}

/** The service's NodePorts (`expose.nodePort`) as links on the cluster's host, with the endpoint's scheme. */
export function nodePortUrls(endpoint: string, s: Service): string[] {
  const ports = (s.expose?.nodePort ?? []).filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  if (ports.length === 0) return [];
  const u = new URL(endpoint);
  return [...new Set(ports)].map((p) => `${u.protocol}//${u.hostname}:${p}/`);
}
