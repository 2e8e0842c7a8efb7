// config.json, the deployment's settings served next to index.html (identity providers, community branding,
// who runs the site): fetched once per page and shared by whoever reads a part of it.
import { assetUrl } from '../deploy/mode';

export type ConfigFile =
  | { ok: true; where: string; raw: unknown }
  /** `thrown`: the request itself failed (network, CORS); otherwise the server's answer was not the file. */
  | { ok: false; where: string; problem: string; thrown: boolean };

let loading: Promise<ConfigFile> | null = null;

/** Reads config.json once per page; a failed read is asked again by the next caller. */
export function loadConfigFile(): Promise<ConfigFile> {
  loading ??= fetchFile().then((file) => {
    if (!file.ok) loading = null;
    return file;
  });
  return loading;
}

/** For tests. */
export function resetConfigFile(): void {
  loading = null;
}

async function fetchFile(): Promise<ConfigFile> {
  // Next to index.html: /config.json hosted, /ui/config.json inside a cluster (lib/deploy/mode.ts).
  const where = assetUrl('config.json');
  try {
    const res = await fetch(where, { cache: 'no-cache', credentials: 'same-origin' });
    if (!res.ok) return { ok: false, where, thrown: false, problem: res.status === 404 ? 'the file is missing (HTTP 404)' : `the server answered HTTP ${res.status}` };
    const body = await res.text();
    if (body.trimStart().startsWith('<')) return { ok: false, where, thrown: false, problem: 'the server answered a web page instead of the JSON file' };
    try {
      return { ok: true, where, raw: JSON.parse(body) as unknown };
    } catch (e) {
      return { ok: false, where, thrown: false, problem: `it is not valid JSON (${e instanceof Error ? e.message : String(e)})` };
    }
  } catch (e) {
    return { ok: false, where, thrown: true, problem: e instanceof Error ? e.message : String(e) };
  }
}
