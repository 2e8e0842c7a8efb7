// Reading and writing OSCAR FDL files (the YAML that oscar-cli applies), with every problem tied
// to the line and column a person has to fix. The FDL is kept exactly as written (unknown keys
// included) so an import → export cycle never loses anything; validation works on a normalised
// API-shaped copy of each service, checked with the same schema the service form uses.
import {
  Document,
  LineCounter,
  Scalar,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Node,
  type Pair,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import {
  cloneJson,
  fdlServiceToApi,
  isRecord,
  normaliseFdlClusters,
  normaliseFdlStorageProviders,
} from './convert';
import type { Fdl, FdlIssue, FdlService, ParseFdlResult } from './types';
import { findTooDeep } from './yaml-depth';
import {
  STORAGE_PROVIDER_KINDS,
  clustersSchema,
  collectIssues,
  describeValue,
  serviceWarnings,
  storageProvidersSchema,
  validateService,
  valueAtPath,
  type IssuePath,
  type ServiceIssue,
} from './service-schema';

export type { Fdl, FdlIssue, FdlService, FdlServiceBody, ParseFdlResult } from './types';
export {
  apiServiceToFdl,
  fdlServiceToApi,
  lookupScript,
  normaliseFdlService,
  type ApiToFdlOptions,
  type ApiToFdlResult,
  type FdlToApiOptions,
} from './convert';

/** Real FDL files are a few kilobytes; anything this big is a wrong paste and parsing it would freeze the tab. */
export const MAX_FDL_CHARS = 1_000_000;
const MAX_REPORTED_ERRORS = 50;

type Position = { line: number; column: number };

// Characters that cannot appear in YAML text (C0 controls other than tab/newlines, DEL) and the
// replacement character a browser puts where bytes were not valid UTF-8.
// eslint-disable-next-line no-control-regex
const BINARY_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

function positionOfIndex(text: string, index: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}

const fail = (errors: FdlIssue[]): ParseFdlResult => ({ ok: false, errors });

function friendlyYamlError(e: YAMLError): string {
  const text = e.message.replace(/\s+/g, ' ').trim();
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `The same key appears twice in one block: ${text}`;
    case 'TAB_AS_INDENT':
      return 'The YAML is indented with a tab here; indent with spaces only';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return `The YAML is broken here (check the indentation and colons): ${text}`;
    case 'MULTIPLE_DOCS':
      return 'The file holds several YAML documents (separated by ---); an FDL file is a single document';
    default:
      return `The YAML is broken here: ${text}`;
  }
}

/**
 * A quote, [ or { that is never closed is reported by the parser where it gave up, often lines
 * later; the place to fix is where it was opened. Maps the parser's end offset to that opener.
 */
function unclosedNodes(doc: Document.Parsed): Map<number, { start: number; message: string }> {
  const out = new Map<number, { start: number; message: string }>();
  visit(doc, (_key, node) => {
    const range = (node as Node).range;
    if (!range) return;
    let message: string | null = null;
    if (isSeq(node) && node.flow) message = 'This [ list is never closed with a matching ]';
    else if (isMap(node) && node.flow) message = 'This { group is never closed with a matching }';
    else if (isScalar(node) && (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)) {
      message = `This quoted text is never closed with a matching ${node.type === Scalar.QUOTE_DOUBLE ? '"' : "'"}`;
    }
    if (message) out.set(range[1], { start: range[0], message });
  });
  return out;
}

function describeNode(node: unknown): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a group of settings';
  if (isScalar(node)) return describeValue(node.value);
  return 'nothing';
}

function keyOf(pair: Pair): string | null {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? '' : String(k.value);
  return null;
}

function findPair(map: YAMLMap, key: string | number, looseCase = false): Pair | undefined {
  const want = String(key);
  const items = map.items as Pair[];
  return (
    items.find((p) => keyOf(p) === want) ??
    (looseCase ? items.find((p) => keyOf(p)?.toLowerCase() === want.toLowerCase()) : undefined)
  );
}

function nodeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : null;
}

/** Fields that start a service: seeing one where a cluster id belongs means the cluster line is missing. */
const SERVICE_FIELDS = new Set([
  'name',
  'image',
  'script',
  'memory',
  'cpu',
  'input',
  'output',
  'environment',
  'log_level',
]);

interface ServiceSite {
  index: number;
  clusterId: string;
  keyNode: Node;
  node: YAMLMap;
}

interface Located {
  offset: number | null;
  /** The path as written in the file (file spelling of keys), as far as it exists. */
  filePath: IssuePath;
}

/**
 * Follows an API-shaped path through the YAML nodes. Keys are matched case-insensitively as a
 * second chance (FDL `Variables` for API `variables`), and a scalar stands in for its one-item
 * list (FDL `api_port: 80` for API `api_port: [80]`). When the path ends at something missing,
 * the position is that of the closest enclosing key or list item.
 */
function locate(start: Node, startKey: Node | null, path: IssuePath): Located {
  let node: Node | null = start;
  let key: Node | null = startKey;
  const filePath: IssuePath = [];
  const miss = (): Located => ({ offset: nodeStart(key) ?? nodeStart(node), filePath });
  for (const seg of path) {
    if (isMap(node)) {
      const pair = findPair(node, seg, true);
      if (!pair) return miss();
      filePath.push(keyOf(pair) ?? seg);
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
      if (node === null) return { offset: nodeStart(key), filePath };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) return miss();
      filePath.push(seg);
      key = null;
      node = item;
    } else if (isScalar(node) && seg === 0) {
      return { offset: nodeStart(node), filePath };
    } else {
      return miss();
    }
  }
  return { offset: nodeStart(node) ?? nodeStart(key), filePath };
}

/** The core fields where a list or group instead of text is an outright error, not a leftover placeholder. */
function isCoreText(path: IssuePath): boolean {
  const [a, b, c] = path;
  if (path.length === 1) return ['name', 'image', 'script', 'memory', 'cpu'].includes(String(a));
  if ((a === 'input' || a === 'output') && path.length === 3) return c === 'storage_provider' || c === 'path';
  if (a === 'mount' && path.length === 2) return b === 'storage_provider' || b === 'path';
  return false;
}

/**
 * Template FDLs ship placeholders such as `vo: [vo of the cluster]`; oscar-cli's examples are
 * full of them. They must be filled in before deploying, but they do not make the file unreadable,
 * so in free-text fields they are warnings. A missing script is also a warning here: some
 * published examples (KServe, Rucio) have none, and the deploy step checks it again.
 */
function isSoft(issue: ServiceIssue, api: unknown): boolean {
  if (issue.kind === 'missing' && issue.path.length === 1 && issue.path[0] === 'script') return true;
  if (issue.kind === 'type' && issue.expected === 'string' && !isCoreText(issue.path)) {
    const v = valueAtPath(api, issue.path);
    return typeof v === 'object' && v !== null;
  }
  return false;
}

function softMessage(issue: ServiceIssue): string {
  if (issue.kind === 'missing') {
    return 'This service has no script; OSCAR requires one, so add script: <file>.sh (a file beside this FDL) before deploying';
  }
  return `${issue.message}; if this is a placeholder, replace it with the real value before deploying`;
}

class IssueSink {
  readonly errors: FdlIssue[] = [];
  readonly warnings: FdlIssue[] = [];
  private seen = new Set<string>();
  constructor(private readonly lc: LineCounter) {}

  pos(offset: number | null): Position {
    if (offset === null) return { line: 1, column: 1 };
    const p = this.lc.linePos(offset);
    return { line: p.line, column: p.col };
  }

  add(kind: 'error' | 'warning', offset: number | null, message: string, path?: IssuePath) {
    const at = this.pos(offset);
    const id = `${kind}|${at.line}|${at.column}|${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const issue: FdlIssue = path ? { ...at, message, path } : { ...at, message };
    (kind === 'error' ? this.errors : this.warnings).push(issue);
  }
}

const byPosition = (a: FdlIssue, b: FdlIssue) => a.line - b.line || a.column - b.column;

/**
 * Parses and checks an FDL file. Never throws: anything wrong, down to binary garbage, comes
 * back as errors with a 1-based line and column.
 */
export function parseFdl(text: string): ParseFdlResult {
  try {
    return parseFdlUnchecked(text);
  } catch (e) {
    // A last resort for inputs no check above foresaw; the parser itself is not expected to throw.
    return fail([
      { line: 1, column: 1, message: `This file could not be read as an FDL file (${String(e)})` },
    ]);
  }
}

function parseFdlUnchecked(text: string): ParseFdlResult {
  if (typeof text !== 'string') {
    return fail([{ line: 1, column: 1, message: 'Expected the text of an FDL file' }]);
  }
  if (text.length > MAX_FDL_CHARS) {
    const mb = (text.length / 1_000_000).toFixed(1);
    return fail([
      {
        line: 1,
        column: 1,
        message: `This is ${mb} MB of text; an FDL file is normally a few kilobytes (scripts live in separate files). Was the wrong file chosen?`,
      },
    ]);
  }
  const binaryAt = text.search(BINARY_CHAR);
  if (binaryAt !== -1) {
    return fail([
      {
        ...positionOfIndex(text, binaryAt),
        message:
          'This looks like a binary file, not YAML text; an FDL file is plain text such as functions: oscar: …',
      },
    ]);
  }
  if (text.trim() === '') {
    return fail([
      {
        line: 1,
        column: 1,
        message: 'The file is empty; an FDL file starts with functions: oscar: followed by the services',
      },
    ]);
  }

  // Before the parser, which would overflow the stack on thousands of levels.
  const deep = findTooDeep(text);
  if (deep) {
    return fail([
      {
        line: deep.line,
        column: deep.column,
        message: `The YAML nests more than ${deep.limit} levels deep here, so it cannot be read; an FDL file needs about ten. Is a bracket left open, or something pasted into itself?`,
      },
    ]);
  }

  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const sink = new IssueSink(lc);
  if (doc.errors.length > 0) {
    const unclosed = unclosedNodes(doc);
    const lines = new Set<number>();
    for (const e of doc.errors.slice(0, MAX_REPORTED_ERRORS)) {
      const aboutClosing = /closing|end with/i.test(e.message);
      const opener = aboutClosing ? unclosed.get(e.pos[0]) : undefined;
      const offset = opener ? opener.start : e.pos[0];
      // One syntax slip often trips several checks on the same line; the first says enough.
      const line = sink.pos(offset).line;
      if (lines.has(line)) continue;
      lines.add(line);
      sink.add('error', offset, opener ? opener.message : friendlyYamlError(e));
    }
    return fail(sink.errors.sort(byPosition));
  }
  for (const w of doc.warnings) sink.add('warning', w.pos[0], w.message.replace(/\s+/g, ' ').trim());

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return fail([
      {
        line: 1,
        column: 1,
        message:
          'The file has no content; an FDL file starts with functions: oscar: followed by the services',
      },
    ]);
  }
  if (!isMap(root)) {
    sink.add(
      'error',
      nodeStart(root),
      `An FDL file is a group of settings starting with functions:, but this file is ${describeNode(root)}`,
    );
    return fail(sink.errors);
  }

  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    sink.add(
      'error',
      nodeStart(root),
      `The YAML could not be expanded: ${e instanceof Error ? e.message : String(e)}`,
    );
    return fail(sink.errors);
  }
  if (!isRecord(js))
    return fail([
      { line: 1, column: 1, message: 'An FDL file is a group of settings starting with functions:' },
    ]);

  const sites = findServices(root, sink);
  if (sink.errors.length > 0) return fail(sink.errors.sort(byPosition));

  const functions = js.functions as Record<string, unknown>;
  const entries = functions.oscar as Array<Record<string, unknown>>;
  const services: FdlService[] = sites.map((site) => {
    const entry = entries[site.index];
    const body = entry && Object.hasOwn(entry, site.clusterId) ? entry[site.clusterId] : undefined;
    const service = isRecord(body)
      ? body
      : (site.node.toJS(doc, { maxAliasCount: 100 }) as Record<string, unknown>);
    return { clusterId: site.clusterId, service };
  });

  checkTopLevel(root, js, sink);
  const clusterIds = [
    ...new Set([
      ...sites.map((s) => s.clusterId),
      ...(isRecord(js.clusters) ? Object.keys(js.clusters) : []),
    ]),
  ];
  const seenNames = new Map<string, number>();
  sites.forEach((site, i) => {
    const entry = services[i] as FdlService;
    checkService(site, entry, js as Record<string, unknown>, clusterIds, sink);
    const name = entry.service.name;
    if (typeof name === 'string') {
      const id = `${site.clusterId}\u0000${name}`;
      if (seenNames.has(id)) {
        const at = locate(site.node, site.keyNode, ['name']);
        sink.add(
          'warning',
          at.offset,
          `Service ${JSON.stringify(name)} is defined twice for cluster ${site.clusterId}; the later one replaces the earlier`,
          sitePath(site, at.filePath),
        );
      }
      seenNames.set(id, i);
    }
  });

  if (sink.errors.length > 0) return fail(sink.errors.sort(byPosition));
  return { ok: true, fdl: js as Fdl, services, warnings: sink.warnings.sort(byPosition) };
}

function sitePath(site: ServiceSite, rest: IssuePath): IssuePath {
  return ['functions', 'oscar', site.index, site.clusterId, ...rest];
}

/** Checks the functions: oscar: skeleton and returns where each service is. */
function findServices(root: YAMLMap, sink: IssueSink): ServiceSite[] {
  const functionsPair = findPair(root, 'functions');
  if (!functionsPair) {
    sink.add(
      'error',
      nodeStart(root),
      'There is no functions: section; an FDL file lists its services under functions: oscar: - <cluster-id>: …',
      [],
    );
    return [];
  }
  const functions = functionsPair.value as Node | null;
  if (!isMap(functions)) {
    sink.add(
      'error',
      nodeStart(functions) ?? nodeStart(functionsPair.key),
      `functions: should hold an oscar: list of services, but it is ${describeNode(functions)}`,
      ['functions'],
    );
    return [];
  }
  const oscarPair = findPair(functions, 'oscar');
  if (!oscarPair) {
    const others = (functions.items as Pair[]).map(keyOf).filter((k): k is string => k !== null);
    const hint = others.length > 0 ? ` (it has ${others.join(', ')}; Lagoon deploys only to OSCAR)` : '';
    sink.add('error', nodeStart(functionsPair.key), `functions: has no oscar: list of services${hint}`, [
      'functions',
    ]);
    return [];
  }
  const oscar = oscarPair.value as Node | null;
  const zeroServices =
    'functions: oscar: lists no services; add one as - <cluster-id>: with the service settings indented below it';
  if (
    oscar === null ||
    (isScalar(oscar) && oscar.value === null) ||
    (isSeq(oscar) && oscar.items.length === 0)
  ) {
    sink.add('error', nodeStart(oscarPair.key), zeroServices, ['functions', 'oscar']);
    return [];
  }
  if (!isSeq(oscar)) {
    sink.add(
      'error',
      nodeStart(oscar),
      `functions: oscar: should be a list of services (each line starting with "- <cluster-id>:"), not ${describeNode(oscar)}`,
      ['functions', 'oscar'],
    );
    return [];
  }

  const sites: ServiceSite[] = [];
  oscar.items.forEach((item, index) => {
    const here: IssuePath = ['functions', 'oscar', index];
    const itemNode = item as Node | null;
    if (!isMap(itemNode)) {
      sink.add(
        'error',
        nodeStart(itemNode) ?? nodeStart(oscarPair.key),
        `Each entry under functions: oscar: should be <cluster-id>: followed by the service settings, not ${describeNode(itemNode)}`,
        here,
      );
      return;
    }
    if (itemNode.items.length === 0) {
      sink.add(
        'error',
        nodeStart(itemNode),
        'This entry under functions: oscar: is empty; write <cluster-id>: and the service below it',
        here,
      );
    }
    for (const pair of itemNode.items as Pair[]) {
      const clusterId = keyOf(pair);
      const keyNode = pair.key as Node;
      if (clusterId === null) {
        sink.add(
          'error',
          nodeStart(keyNode),
          'A cluster id must be a plain name such as oscar-cluster',
          here,
        );
        continue;
      }
      const value = pair.value as Node | null;
      if (isMap(value)) {
        sites.push({ index, clusterId, keyNode, node: value });
        continue;
      }
      const path = [...here, clusterId];
      if (SERVICE_FIELDS.has(clusterId) && !isMap(value)) {
        sink.add(
          'error',
          nodeStart(keyNode),
          `This entry starts with ${clusterId}: directly; put the cluster id first (- oscar-cluster:) and indent the service settings below it`,
          path,
        );
      } else if (value === null || (isScalar(value) && value.value === null)) {
        sink.add(
          'error',
          nodeStart(keyNode),
          `The service under ${clusterId}: is empty; indent its settings (name, image, script, …) below it`,
          path,
        );
      } else {
        sink.add(
          'error',
          nodeStart(value),
          `The service under ${clusterId}: should be a group of settings (name, image, script, …), not ${describeNode(value)}`,
          path,
        );
      }
    }
  });
  return sites;
}

function checkTopLevel(root: YAMLMap, js: Record<string, unknown>, sink: IssueSink) {
  const report = (issues: ServiceIssue[], prefix: string) => {
    for (const issue of issues) {
      const at = locate(root, null, [prefix, ...issue.path]);
      sink.add('error', at.offset, issue.message, [...at.filePath]);
    }
  };
  if (js.storage_providers !== undefined && js.storage_providers !== null) {
    report(
      collectIssues(storageProvidersSchema, normaliseFdlStorageProviders(js.storage_providers)),
      'storage_providers',
    );
    if (isRecord(js.storage_providers)) {
      for (const kind of Object.keys(js.storage_providers)) {
        if (!(STORAGE_PROVIDER_KINDS as readonly string[]).includes(kind)) {
          const at = locate(root, null, ['storage_providers', kind]);
          const providers = findPair(root, 'storage_providers')?.value;
          const pair = isMap(providers) ? findPair(providers, kind) : undefined;
          sink.add(
            'warning',
            nodeStart(pair?.key) ?? at.offset,
            `storage_providers ${kind} is not a kind OSCAR knows (minio, s3, onedata, webdav, rucio), so it will be ignored`,
            at.filePath,
          );
        }
      }
    }
  }
  if (js.clusters !== undefined && js.clusters !== null) {
    report(collectIssues(clustersSchema, normaliseFdlClusters(js.clusters)), 'clusters');
  }
}

function checkService(
  site: ServiceSite,
  entry: FdlService,
  js: Record<string, unknown>,
  clusterIds: string[],
  sink: IssueSink,
) {
  // The service's own settings; the file-level providers and clusters are checked once, on their own.
  const own = fdlServiceToApi(entry);
  for (const issue of validateService(own)) {
    const at = locate(site.node, site.keyNode, issue.path);
    const soft = isSoft(issue, own);
    sink.add(
      soft ? 'warning' : 'error',
      at.offset,
      soft ? softMessage(issue) : issue.message,
      sitePath(site, at.filePath),
    );
  }

  const merged = fdlServiceToApi(entry, { storageProviders: js.storage_providers, clusters: js.clusters });
  for (const issue of serviceWarnings(merged, { clusterIds })) {
    const at = locate(site.node, site.keyNode, issue.path);
    sink.add('warning', at.offset, issue.message, sitePath(site, at.filePath));
  }

  const env = entry.service.environment;
  for (const [upper, lower] of [
    ['Variables', 'variables'],
    ['Secrets', 'secrets'],
  ]) {
    if (isRecord(env) && Object.hasOwn(env, upper!) && Object.hasOwn(env, lower!)) {
      const envNode = findPair(site.node, 'environment')?.value;
      const pair = isMap(envNode) ? findPair(envNode, lower!) : undefined;
      sink.add(
        'warning',
        nodeStart(pair?.key),
        `environment has both ${upper} and ${lower}; they are merged, and ${lower} wins where a name is in both`,
        sitePath(site, ['environment', lower!]),
      );
    }
  }
  if (Object.hasOwn(entry.service, 'replicas') && !Object.hasOwn(entry.service, 'federation')) {
    const pair = findPair(site.node, 'replicas');
    sink.add(
      'warning',
      nodeStart(pair?.key),
      'replicas: is how OSCAR before 4.1 listed replicas; OSCAR 4.1 and later read them from federation: members:',
      sitePath(site, ['replicas']),
    );
  }
}

// YAML 1.1 readers (PyYAML, older Go libraries) take these as booleans, null or numbers, even
// though YAML 1.2 does not; quoting them keeps text as text for every reader.
const YAML11_AMBIGUOUS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<|[-+]?(?:0b[01_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)))$/;

/** YAML text for an FDL; strings that could be read as anything else are quoted. */
export function stringifyFdl(fdl: Fdl): string {
  const doc = new Document(fdl, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && YAML11_AMBIGUOUS.test(node.value))
        node.type = Scalar.QUOTE_SINGLE;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/** "line 5, column 15: memory "lots" is not …", for plain-text reports and logs. */
export function formatFdlIssue(issue: FdlIssue): string {
  return `line ${issue.line}, column ${issue.column}: ${issue.message}`;
}

/** The script files an FDL names (as written, in file order, once each), to ask the user for. */
export function scriptFilesReferenced(fdl: Fdl): string[] {
  const out: string[] = [];
  const entries = isRecord(fdl) && isRecord(fdl.functions) ? fdl.functions.oscar : undefined;
  if (!Array.isArray(entries)) return out;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    for (const service of Object.values(entry)) {
      const script = isRecord(service) ? service.script : undefined;
      if (
        typeof script === 'string' &&
        script.trim() !== '' &&
        !script.includes('\n') &&
        !out.includes(script)
      ) {
        out.push(script);
      }
    }
  }
  return out;
}

/** The services of an FDL in file order, without validating them. */
export function fdlServices(fdl: Fdl): FdlService[] {
  const out: FdlService[] = [];
  const entries = isRecord(fdl) && isRecord(fdl.functions) ? fdl.functions.oscar : undefined;
  if (!Array.isArray(entries)) return out;
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    for (const [clusterId, service] of Object.entries(entry)) {
      if (isRecord(service)) out.push({ clusterId, service: cloneJson(service) });
    }
  }
  return out;
}
