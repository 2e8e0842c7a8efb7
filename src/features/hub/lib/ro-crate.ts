// Reading a Hub crate's ro-crate-metadata.json (RO-Crate 1.2) as JSON-LD is meant to be read: the
// entities of `@graph` by `@id` (never by position), the root found through the metadata descriptor's
// `about`, `@type` as a string or a list, and `{ "@id": … }` references followed to their entity.
// Everything taken from the file is text a stranger wrote: it is kept as plain strings, never markup.

export type Entity = Record<string, unknown> & { '@id': string };

export interface CratePart {
  /** The part's path inside the crate ("fdl.yml", "input.png"). */
  id: string;
  name?: string;
  description?: string;
  encodingFormat?: string;
  types: string[];
}

export interface AcceptanceTest {
  name: string;
  description?: string;
  /** The sample input the test supplies, a part's id. */
  input?: string;
  /** What the answer should contain ("Mootastic"). */
  expected?: string;
  command?: string;
}

export interface CrateMeta {
  name: string;
  description: string;
  version?: string;
  license?: { name: string; url?: string };
  authors: { name: string; url?: string }[];
  /** As the crate writes them, lower-cased: synchronous, asynchronous, exposed, kserve… */
  serviceTypes: string[];
  keywords: string[];
  datePublished?: string;
  url?: string;
  memory?: string;
  cpu?: string;
  gpu?: string;
  parts: CratePart[];
  fdl?: CratePart;
  script?: CratePart;
  icon?: CratePart;
  readme?: CratePart;
  /** The sample input: the one the acceptance tests supply, else a part named input.* */
  input?: CratePart;
  tests: AcceptanceTest[];
}

export type CrateReading = { ok: true; meta: CrateMeta } | { ok: false; reason: string };

const METADATA_IDS = ['ro-crate-metadata.json', './ro-crate-metadata.json'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}

function typesOf(e: Record<string, unknown>): string[] {
  return list(e['@type']).filter((t): t is string => typeof t === 'string');
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  // JSON-LD value objects: { "@value": "…" }.
  if (isRecord(v) && (typeof v['@value'] === 'string' || typeof v['@value'] === 'number')) return String(v['@value']);
  return undefined;
}

function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return isRecord(v) && typeof v['@id'] === 'string' ? v['@id'] : undefined;
}

/** A path inside the crate from an entity's @id ("./fdl.yml" → "fdl.yml"); null for URLs and "#fragments". */
function localPath(id: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(id) || id.startsWith('#') || id.startsWith('/')) return null;
  const clean = id.replace(/^(\.\/)+/, '');
  if (clean === '' || clean.split('/').includes('..')) return null;
  return clean;
}

export class Graph {
  private readonly byId = new Map<string, Entity>();
  constructor(entities: unknown[]) {
    for (const e of entities) {
      if (isRecord(e) && typeof e['@id'] === 'string' && !this.byId.has(e['@id'])) this.byId.set(e['@id'], e as Entity);
    }
  }
  get(id: string | undefined): Entity | undefined {
    if (id === undefined) return undefined;
    return this.byId.get(id) ?? (id.startsWith('./') ? undefined : this.byId.get(`./${id}`));
  }
  /** A property's values with references followed (an inline object stands for itself). */
  refs(e: Record<string, unknown> | undefined, key: string): Record<string, unknown>[] {
    if (!e) return [];
    return list(e[key]).flatMap((v) => {
      const id = idOf(v);
      const found = id !== undefined ? this.get(id) : undefined;
      if (found) return [found];
      return isRecord(v) ? [v] : id !== undefined ? [{ '@id': id }] : [];
    });
  }
  ref(e: Record<string, unknown> | undefined, key: string): Record<string, unknown> | undefined {
    return this.refs(e, key)[0];
  }
}

function part(g: Graph, e: Record<string, unknown>): CratePart | null {
  const id = idOf(e);
  const path = id ? localPath(id) : null;
  if (!path || path.endsWith('/')) return null;
  const full = g.get(id) ?? e;
  const out: CratePart = { id: path, types: typesOf(full) };
  const name = text(full.name);
  const description = text(full.description);
  const format = text(full.encodingFormat);
  if (name) out.name = name;
  if (description) out.description = description;
  if (format) out.encodingFormat = format;
  return out;
}

/** "1 vCPU" → cpu "1", "0 GPU" → gpu "0": processorRequirements is a list of such phrases. */
function processors(values: unknown[]): { cpu?: string; gpu?: string } {
  const out: { cpu?: string; gpu?: string } = {};
  for (const v of values) {
    const t = text(v);
    const m = t ? /^\s*(\d+(?:\.\d+)?)\s*(v?cpus?|cores?|gpus?)\b/i.exec(t) : null;
    if (!m) continue;
    if (/gpu/i.test(m[2]!)) out.gpu ??= m[1]!;
    else out.cpu ??= m[1]!;
  }
  return out;
}

function named(g: Graph, e: Record<string, unknown>): { name: string; url?: string } | null {
  const name = text(e.name) ?? text(e['@id']);
  if (!name) return null;
  const url = text(e.url) ?? (/^https?:\/\//.test(String(e['@id'])) ? String(e['@id']) : undefined);
  void g;
  return url ? { name, url } : { name };
}

function tests(g: Graph, root: Entity): AcceptanceTest[] {
  return g
    .refs(root, 'subjectOf')
    .filter((t) => typesOf(t).includes('HowTo'))
    .map((t) => {
      const out: AcceptanceTest = { name: text(t.name) ?? 'Acceptance test' };
      const description = text(t.description);
      if (description) out.description = description;
      const supplied = g.refs(t, 'supply').map((s) => idOf(g.ref(s, 'item')));
      const input = supplied.map((id) => (id ? localPath(id) : null)).find((p) => p);
      if (input) out.input = input;
      for (const step of g.refs(t, 'step')) {
        for (const action of g.refs(step, 'potentialAction')) {
          const expected = text(g.ref(action, 'result')?.value);
          if (expected && !out.expected) out.expected = expected;
          const command = g
            .refs(action, 'additionalProperty')
            .find((p) => text(p.propertyID) === 'commandTemplate');
          const cmd = command ? text(command.value) : undefined;
          if (cmd && !out.command) out.command = cmd;
          const object = idOf(g.ref(action, 'object'));
          const objectPath = object ? localPath(object) : null;
          if (objectPath && !out.input) out.input = objectPath;
        }
      }
      return out;
    });
}

const byName = (parts: CratePart[], re: RegExp) => parts.find((p) => re.test(p.id.split('/').pop() ?? ''));

/**
 * Reads a crate's metadata. Never throws: a file that is not JSON, has no @graph, or whose root cannot be
 * found comes back with the reason in words.
 */
export function readCrate(json: string): CrateReading {
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (e) {
    return { ok: false, reason: `Its ro-crate-metadata.json is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (!isRecord(doc) || !Array.isArray(doc['@graph'])) {
    return { ok: false, reason: 'Its ro-crate-metadata.json has no @graph, so it is not an RO-Crate.' };
  }
  const g = new Graph(doc['@graph']);
  const descriptor = METADATA_IDS.map((id) => g.get(id)).find((e) => e);
  const rootId = idOf(descriptor?.about);
  const root = g.get(rootId);
  if (!descriptor || !root) {
    return {
      ok: false,
      reason: descriptor
        ? `Its metadata descriptor is "about" ${rootId ? `"${rootId}"` : 'nothing'}, which is not in the @graph.`
        : 'Its @graph has no metadata descriptor (ro-crate-metadata.json), so its root cannot be found.',
    };
  }

  const parts = g.refs(root, 'hasPart').flatMap((e) => part(g, e) ?? []);
  const meta: CrateMeta = {
    name: text(root.name) ?? 'Unnamed crate',
    description: text(root.description) ?? '',
    authors: g.refs(root, 'author').flatMap((a) => named(g, a) ?? []),
    serviceTypes: [...new Set(list(root.serviceType).flatMap((t) => (text(t) ? [text(t)!.toLowerCase()] : [])))],
    keywords: list(root.keywords)
      .flatMap((k) => (typeof k === 'string' ? k.split(',') : []))
      .map((k) => k.trim())
      .filter(Boolean),
    parts,
    tests: tests(g, root),
  };
  const version = text(root.version);
  if (version) meta.version = version;
  const license = g.ref(root, 'license');
  if (license) {
    const name = text(license.name) ?? text(license.identifier) ?? text(license['@id']);
    const url = /^https?:\/\//.test(String(license['@id'])) ? String(license['@id']) : text(license.url);
    if (name) meta.license = url ? { name, url } : { name };
  }
  const date = text(root.datePublished);
  if (date) meta.datePublished = date;
  const url = text(root.url);
  if (url && /^https?:\/\//.test(url)) meta.url = url;
  const memory = text(root.memoryRequirements);
  if (memory) meta.memory = memory;
  Object.assign(meta, processors(list(root.processorRequirements)));

  const fmt = (p: CratePart) => p.encodingFormat?.toLowerCase() ?? '';
  const fdl = parts.find((p) => p.id === 'fdl.yml') ?? byName(parts, /^fdl\.ya?ml$/i) ?? parts.find((p) => /yaml/.test(fmt(p)));
  if (fdl) meta.fdl = fdl;
  const script = byName(parts, /^script\.sh$/i) ?? parts.find((p) => /shellscript/.test(fmt(p)));
  if (script) meta.script = script;
  const icon = byName(parts, /^icon\.(png|jpe?g|svg|webp|gif)$/i);
  if (icon) meta.icon = icon;
  const readme = byName(parts, /^readme\.md$/i);
  if (readme) meta.readme = readme;
  const tested = meta.tests.map((t) => t.input).find((id) => id && parts.some((p) => p.id === id));
  const input = (tested ? parts.find((p) => p.id === tested) : undefined) ?? byName(parts, /^input[^/]*\.[a-z0-9]+$/i);
  if (input) meta.input = input;
  return { ok: true, meta };
}
