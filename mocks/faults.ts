// Fault injection for the demo cluster: per route, extra latency, a forced status with a body, or a
// network error; plus a global latency. Used by Playwright (window.__lagoonDemo.fault(...)), by unit
// tests, and by the app's "simulate failures" controls (src/api/demo-controls.ts).
//
// A fault can also be given in the page URL when the demo starts:
//   ?demoFault=<METHOD> <path-pattern> <status|network|latency:ms>
// e.g. ?demoFault=GET%20/system/services%20500 or ?demoFault=*%20/system/*%20latency:1500
// (repeat the parameter for several faults). Patterns are paths under the cluster endpoint where `*`
// matches anything and `:name` one path segment.
import { delay, http, HttpResponse } from 'msw';
import { DEMO_ENDPOINT } from '../src/api/demo';

export interface FaultSpec {
  /** HTTP method, or '*' (default) for any. */
  method?: string;
  /** Path under the endpoint: '/system/services', '/system/services/*', '/run/:service'. */
  path: string;
  /** Answer with this status (and `body`, plain text) instead of the real handler. */
  status?: number;
  body?: string;
  /** Fail as a network error (the fetch rejects). */
  network?: boolean;
  /** Extra milliseconds before answering (then the real handler answers, unless status/network). */
  latency?: number;
  /** Only for the next N matching requests. */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  hits: number;
}

const state = { faults: [] as ActiveFault[], latency: 0, nextId: 1 };

function patternToRegExp(pattern: string): RegExp {
  const p = pattern.startsWith('/') ? pattern : `/${pattern}`;
  const source = p
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

/** "GET /system/services 500", "* /run/* network", "POST /job/:s latency:2000". */
export function parseFault(spec: string): FaultSpec {
  const parts = spec.trim().split(/\s+/);
  if (parts.length < 2) throw new Error(`A fault needs "<METHOD> <path> <status|network|latency:ms>", got "${spec}"`);
  const [method, path, effect = '500', ...rest] = parts as [string, string, string?, ...string[]];
  const f: FaultSpec = { method: method.toUpperCase(), path };
  if (effect === 'network') f.network = true;
  else if (/^latency:\d+$/.test(effect)) f.latency = Number(effect.slice('latency:'.length));
  else if (/^\d{3}$/.test(effect)) {
    f.status = Number(effect);
    if (rest.length) f.body = rest.join(' ');
  } else throw new Error(`Unknown fault effect "${effect}": use a status, "network" or "latency:<ms>"`);
  return f;
}

/** Adds a fault; returns a function that removes it. */
export function fault(spec: FaultSpec | string): () => void {
  const f: ActiveFault = { ...(typeof spec === 'string' ? parseFault(spec) : spec), id: state.nextId++, hits: 0 };
  state.faults.push(f);
  return () => {
    state.faults = state.faults.filter((x) => x.id !== f.id);
  };
}

export function clearFaults(): void {
  state.faults = [];
  state.latency = 0;
}

/** Latency added to every demo request (ms). */
export function setLatency(ms: number): void {
  state.latency = Math.max(0, ms);
}

export function listFaults(): readonly ActiveFault[] {
  return state.faults;
}

/** Reads ?demoFault=… from a URL's query (see the top of this file). */
export function faultsFromSearch(search: string): FaultSpec[] {
  return new URLSearchParams(search).getAll('demoFault').flatMap((s) => {
    try {
      return [parseFault(s)];
    } catch (e) {
      console.warn('[lagoon demo]', e instanceof Error ? e.message : e);
      return [];
    }
  });
}

function matching(method: string, pathname: string): ActiveFault | undefined {
  return state.faults.find(
    (f) => (!f.method || f.method === '*' || f.method.toUpperCase() === method) && patternToRegExp(f.path).test(pathname),
  );
}

/**
 * The first handler of the demo: applies latency and faults, then lets the request fall through to
 * the real handlers (returning nothing from an MSW resolver does that).
 */
export function faultHandler(base = DEMO_ENDPOINT) {
  const prefix = new URL(base).pathname.replace(/\/+$/, '');
  return http.all(`${base}/*`, ({ request }) => applyFault(request.method, new URL(request.url).pathname.slice(prefix.length) || '/'));
}

/**
 * The latency and the fault for a request to `pathname` (under whatever origin a handler serves): a
 * response to answer with, or undefined to let the real handler answer.
 */
export async function applyFault(method: string, pathname: string): Promise<Response | undefined> {
  const f = matching(method, pathname);
  const wait = state.latency + (f?.latency ?? 0);
  if (f) {
    f.hits++;
    if (f.times !== undefined && f.hits >= f.times) state.faults = state.faults.filter((x) => x.id !== f.id);
  }
  if (wait > 0) await delay(wait);
  if (!f) return undefined;
  if (f.network) return HttpResponse.error();
  if (f.status !== undefined) {
    return new HttpResponse(f.body ?? defaultBody(f.status), {
      status: f.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return undefined;
}

function defaultBody(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'Not Found';
  if (status === 503) return 'Service Unavailable';
  if (status >= 500) return 'Internal Server Error (simulated by the demo)';
  return '';
}
