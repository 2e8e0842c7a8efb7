import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { Service } from '../../api/types';
import {
  MAX_FDL_CHARS,
  apiServiceToFdl,
  fdlServiceToApi,
  fdlServices,
  formatFdlIssue,
  lookupScript,
  parseFdl,
  scriptFilesReferenced,
  stringifyFdl,
  type Fdl,
  type FdlIssue,
  type ParseFdlResult,
} from './fdl';

const SHARED_FDL = path.resolve(__dirname, '../../../../shared/fdl');
const FDL_DIR = existsSync(SHARED_FDL) ? SHARED_FDL : path.resolve(__dirname, '../../../mocks/fdl');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry) ? [full] : [];
    });
}

const samples = yamlFiles(FDL_DIR).map((file) => ({
  name: path.relative(FDL_DIR, file),
  file,
  text: readFileSync(file, 'utf8'),
}));

function expectOk(result: ParseFdlResult) {
  if (!result.ok) throw new Error(`expected the FDL to parse, got ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

function expectErrors(result: ParseFdlResult): FdlIssue[] {
  if (result.ok) throw new Error('expected errors, but the FDL parsed');
  expect(result.errors.length).toBeGreaterThan(0);
  return result.errors;
}

/** What OSCAR makes of a service: Go zero values and absent fields mean the same. */
function meaning(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(meaning);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(value)) {
    const v = meaning(raw);
    if (v === null || v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && v !== null && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out;
}

describe('the real FDL examples', () => {
  it('are there to test against', () => {
    expect(samples.length).toBeGreaterThan(0);
  });

  describe.each(samples)('$name', ({ file, text }) => {
    it('parses without errors, listing every service in file order', () => {
      const result = expectOk(parseFdl(text));
      const raw = YAML.parse(text) as { functions: { oscar: Array<Record<string, unknown>> } };
      const expected = raw.functions.oscar.flatMap((entry) =>
        Object.entries(entry).map(([clusterId, service]) => ({ clusterId, service })),
      );
      expect(result.services).toEqual(expected);
      for (const issue of result.warnings) {
        expect(issue.line).toBeGreaterThanOrEqual(1);
        expect(issue.column).toBeGreaterThanOrEqual(1);
      }
    });

    it('round-trips through stringifyFdl with the same keys, values and types', () => {
      const result = expectOk(parseFdl(text));
      const written = stringifyFdl(result.fdl);
      expect(YAML.parse(written)).toEqual(YAML.parse(text));
      // And the written file is itself a valid FDL.
      expect(parseFdl(written).ok).toBe(true);
    });

    it('names script files that exist beside it', () => {
      const result = expectOk(parseFdl(text));
      for (const script of scriptFilesReferenced(result.fdl)) {
        expect(existsSync(path.join(path.dirname(file), script)), script).toBe(true);
      }
    });

    it('keeps its meaning through FDL → API → FDL → API', () => {
      const result = expectOk(parseFdl(text));
      const dir = path.dirname(file);
      const scripts = Object.fromEntries(
        scriptFilesReferenced(result.fdl).map((s) => [s, readFileSync(path.join(dir, s), 'utf8')]),
      );
      for (const entry of result.services) {
        const context = {
          scripts,
          storageProviders: result.fdl.storage_providers,
          clusters: result.fdl.clusters,
        };
        const api = fdlServiceToApi(entry, context);
        expect(api.cluster_id).toBe(entry.clusterId);
        if (typeof entry.service.script === 'string') expect(api.script).toBe(scripts[entry.service.script]);

        const exported = apiServiceToFdl(api, entry.clusterId);
        const again = expectOk(parseFdl(stringifyFdl(exported.fdl)));
        expect(again.services).toHaveLength(1);
        const [back] = again.services;
        expect(back?.clusterId).toBe(entry.clusterId);
        const api2 = fdlServiceToApi(back!, {
          scripts: exported.scripts,
          storageProviders: again.fdl.storage_providers,
          clusters: again.fdl.clusters,
        });
        expect(meaning(api2)).toEqual(meaning(api));
      }
    });
  });
});

// Lines:       1          2        3                4               5            6             7
const GOOD = [
  'functions:',
  '  oscar:',
  '  - oscar-cluster:',
  '      name: cowsay', // 4
  '      memory: 1Gi', // 5
  "      cpu: '1.0'", // 6
  '      image: ghcr.io/grycap/cowsay', // 7
  '      script: script.sh', // 8
  '      input:', // 9
  '      - storage_provider: minio.default', // 10
  '        path: cowsay/input', // 11
  '      output:', // 12
  '      - storage_provider: minio.default', // 13
  '        path: cowsay/output', // 14
].join('\n');

function edit(line: number, replacement: string | null): string {
  const lines = GOOD.split('\n');
  if (replacement === null) lines.splice(line - 1, 1);
  else lines[line - 1] = replacement;
  return lines.join('\n');
}

describe('parseFdl errors', () => {
  it('accepts the base file used below', () => {
    expect(expectOk(parseFdl(GOOD)).warnings).toEqual([]);
  });

  it.each([
    [
      'bad memory',
      edit(5, '      memory: lots'),
      5,
      15,
      'memory "lots" is not a Kubernetes quantity such as 512Mi or 2Gi',
    ],
    ['bad cpu', edit(6, '      cpu: fast'), 6, 12, /^cpu "fast" is not a number of CPU cores/],
    ['cpu with a memory unit', edit(6, '      cpu: 2Gi'), 6, 12, /^cpu "2Gi" is not a number of CPU cores/],
    ['missing name', edit(4, null), 3, 5, 'name is required'],
    ['missing image', edit(7, null), 3, 5, 'image is required'],
    ['uppercase name', edit(4, '      name: CowSay'), 4, 13, /^name "CowSay" has uppercase letters/],
    [
      'name with underscores',
      edit(4, '      name: cow_say'),
      4,
      13,
      /contains underscores; use hyphens instead, as in "cow-say"/,
    ],
    [
      '40-character name',
      edit(4, `      name: ${'c'.repeat(40)}`),
      4,
      13,
      /is 40 characters long; OSCAR accepts at most 39/,
    ],
    [
      'unknown provider',
      edit(10, '      - storage_provider: ftp.default'),
      10,
      27,
      /^storage_provider "ftp.default" is not a kind OSCAR knows/,
    ],
    [
      'missing provider',
      edit(13, '      - path: cowsay/output').replace('        path: cowsay/output', '        prefix: [a]'),
      13,
      9,
      /storage_provider is required/,
    ],
    [
      'path with spaces',
      edit(11, '        path: My Data/input'),
      11,
      15,
      /^path "My Data\/input" contains spaces/,
    ],
    [
      'path with a short bucket',
      edit(14, '        path: ab/output'),
      14,
      15,
      /bucket "ab", but bucket names must be 3 to 63 characters long/,
    ],
    ['empty path', edit(14, "        path: ''"), 14, 15, /^path is empty/],
    [
      'text where a list belongs',
      edit(9, '      input: cowsay/input').replace(
        /\n {6}- storage_provider: minio.default\n {8}path: cowsay\/input/,
        '',
      ),
      9,
      14,
      'input should be a list, not text "cowsay/input"',
    ],
    [
      'text where settings belong',
      `${GOOD}\n      environment: A=1`,
      15,
      20,
      /^environment should be a group of settings \(key: value lines\), not text "A=1"/,
    ],
    [
      'a list where a name belongs',
      edit(4, '      name: [cowsay]'),
      4,
      13,
      'name should be text, not a list [cowsay]',
    ],
    [
      'a port that is not a number',
      `${GOOD}\n      expose:\n        api_port: http`,
      16,
      19,
      'api_port should be a list, not text "http"',
    ],
    [
      'broken YAML (unclosed list)',
      edit(7, '      image: [ghcr.io/grycap/cowsay'),
      7,
      14,
      'This [ list is never closed with a matching ]',
    ],
    [
      'broken YAML (bad indentation)',
      edit(7, '     image: ghcr.io/grycap/cowsay'),
      7,
      1,
      /^The YAML is broken here/,
    ],
    ['broken YAML (tab indentation)', edit(7, '\timage: ghcr.io/grycap/cowsay'), 7, 1, /tab/],
    ['duplicate key', edit(7, '      name: again'), 7, 7, /The same key appears twice/],
  ] as const)('%s', (_title, text, line, column, message) => {
    const errors = expectErrors(parseFdl(text));
    const first = errors[0]!;
    expect({ line: first.line, column: first.column }).toEqual({ line, column });
    if (typeof message === 'string') expect(first.message).toBe(message);
    else expect(first.message).toMatch(message);
  });

  it('gives the path inside the file for service errors', () => {
    const [error] = expectErrors(parseFdl(edit(11, '        path: My Data/input')));
    expect(error?.path).toEqual(['functions', 'oscar', 0, 'oscar-cluster', 'input', 0, 'path']);
  });

  it('reports every problem, not just the first', () => {
    const text = GOOD.replace('memory: 1Gi', 'memory: lots')
      .replace("cpu: '1.0'", 'cpu: fast')
      .replace('name: cowsay', 'name: Cow');
    expect(expectErrors(parseFdl(text)).map((e) => e.line)).toEqual([4, 5, 6]);
  });

  it('points at the right service in a file with several', () => {
    const second = GOOD.split('\n')
      .slice(2)
      .join('\n')
      .replace('name: cowsay', 'name: second')
      .replace('memory: 1Gi', 'memory: 12 GB');
    const errors = expectErrors(parseFdl(`${GOOD}\n${second}`));
    expect(errors).toEqual([
      {
        line: 17,
        column: 15,
        message: 'memory "12 GB" is not a Kubernetes quantity such as 512Mi or 2Gi',
        path: ['functions', 'oscar', 1, 'oscar-cluster', 'memory'],
      },
    ]);
  });

  it.each([
    ['empty input', '', 1, 1, /The file is empty/],
    ['only whitespace', '  \n\n ', 1, 1, /The file is empty/],
    ['only a comment', '# nothing here\n', 1, 1, /no content/],
    ['a scalar at the top', 'hello world', 1, 1, /this file is text "hello world"/],
    ['a number at the top', '42\n', 1, 1, /this file is the number 42/],
    ['a list at the top', '- a\n- b\n', 1, 1, /this file is a list/],
    ['no functions', 'services:\n  - a\n', 1, 1, /There is no functions: section/],
    [
      'functions is text',
      'functions: cowsay\n',
      1,
      12,
      /functions: should hold an oscar: list of services, but it is text "cowsay"/,
    ],
    [
      'functions without oscar',
      'functions:\n  aws:\n  - x: 1\n',
      1,
      1,
      /has no oscar: list of services \(it has aws; Lagoon deploys only to OSCAR\)/,
    ],
    ['zero services (empty list)', 'functions:\n  oscar: []\n', 2, 3, /lists no services/],
    ['zero services (nothing)', 'functions:\n  oscar:\n', 2, 3, /lists no services/],
    ['oscar is a map', 'functions:\n  oscar:\n    c:\n      name: x\n', 3, 5, /should be a list of services/],
    [
      'entry without a cluster id',
      'functions:\n  oscar:\n  - name: cowsay\n    image: x\n',
      3,
      5,
      /starts with name: directly; put the cluster id first/,
    ],
    [
      'entry that is text',
      'functions:\n  oscar:\n  - cowsay\n',
      3,
      5,
      /should be <cluster-id>: followed by the service settings, not text "cowsay"/,
    ],
    [
      'empty service',
      'functions:\n  oscar:\n  - oscar-cluster:\n',
      3,
      5,
      /The service under oscar-cluster: is empty/,
    ],
    [
      'service that is a list',
      'functions:\n  oscar:\n  - oscar-cluster:\n    - name: x\n',
      4,
      5,
      /should be a group of settings \(name, image, script, …\), not a list/,
    ],
    ['several YAML documents', `${GOOD}\n---\nfoo: 1\n`, 15, 1, /several YAML documents/],
    ['an unknown alias', 'functions: *nope\n', 1, 1, /could not be expanded/],
  ])('%s', (_title, text, line, column, message) => {
    const [first] = expectErrors(parseFdl(text));
    expect(first?.message).toMatch(message);
    expect({ line: first?.line, column: first?.column }).toEqual({ line, column });
  });

  it('recognises binary garbage and says where it starts', () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 7919 + 13) % 256;
    const garbage = new TextDecoder('utf-8').decode(bytes);
    const [first] = expectErrors(parseFdl(garbage));
    expect(first?.message).toMatch(/binary file/);

    const [late] = expectErrors(parseFdl(`functions:\n  oscar:\n    ab\u0000cd\n`));
    expect(late).toMatchObject({ line: 3, column: 7 });
  });

  it('refuses a 5 MB paste by its size, before parsing it', () => {
    const huge = `${GOOD}\n${'#'.repeat(5 * 1024 * 1024)}\n`;
    const [first] = expectErrors(parseFdl(huge));
    expect(first).toMatchObject({ line: 1, column: 1 });
    expect(first?.message).toMatch(/5\.\d MB of text; an FDL file is normally a few kilobytes/);
  });

  it('parses a large but plausible file', () => {
    const services = Array.from({ length: 300 }, (_, i) =>
      GOOD.split('\n').slice(2).join('\n').replaceAll('cowsay', `svc-${i}`),
    ).join('\n');
    const text = `functions:\n  oscar:\n${services}\n`;
    expect(text.length).toBeLessThan(MAX_FDL_CHARS);
    const result = expectOk(parseFdl(text));
    expect(result.services).toHaveLength(300);
  });

  it('checks top-level storage_providers and clusters', () => {
    const text = `${GOOD}\nstorage_providers:\n  minio:\n    edge:\n      verify: maybe\nclusters:\n  edge:\n    ssl_verify: [no]\n`;
    const errors = expectErrors(parseFdl(text));
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [18, 15, 'verify should be true or false, not text "maybe"'],
      [21, 17, 'ssl_verify should be true or false, not a list [no]'],
    ]);
    expect(errors[0]?.path).toEqual(['storage_providers', 'minio', 'edge', 'verify']);
  });

  it('says on which line a deeply nested file goes too deep, instead of overflowing the stack', () => {
    const flow = `${GOOD}\n    deep: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`;
    const [first, ...rest] = expectErrors(parseFdl(flow));
    expect(rest).toEqual([]);
    // deep: sits three levels in (functions, the list under oscar, the cluster), so the 98th bracket is one too many.
    expect(first).toMatchObject({ line: GOOD.split('\n').length + 1, column: 11 + 97 });
    expect(first?.message).toMatch(/^The YAML nests more than 100 levels deep here, so it cannot be read/);
    expect(first?.message).not.toMatch(/call stack/);

    const block = Array.from({ length: 900 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const [deep] = expectErrors(parseFdl(`${block} 1\n`));
    expect(deep).toMatchObject({ line: 101, column: 101 });
    expect(deep?.message).toMatch(/nests more than 100 levels/);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [
      undefined,
      null,
      42,
      {},
      [],
      '\uFEFF',
      '\r\n\r\n',
      '{{{{',
      ']]]]',
      '&a [*a]',
      '%YAML 1.1\n---\nfoo: 1',
    ] as unknown[]) {
      const result = parseFdl(input as string);
      expect(result.ok).toBe(false);
    }
  });
});

describe('parseFdl warnings', () => {
  it('flags a storage provider id the file never defines', () => {
    const text = GOOD.replace(
      '      - storage_provider: minio.default\n        path: cowsay/output',
      '      - storage_provider: s3.results\n        path: cowsay/output',
    );
    const result = expectOk(parseFdl(text));
    expect(result.warnings).toEqual([
      {
        line: 13,
        column: 27,
        message: expect.stringMatching(
          /^storage_provider "s3.results" is not defined; add it under storage_providers: s3: results:/,
        ),
        path: ['functions', 'oscar', 0, 'oscar-cluster', 'output', 0, 'storage_provider'],
      },
    ]);
    const defined = `${text}\nstorage_providers:\n  s3:\n    results:\n      access_key: a\n      secret_key: b\n      region: eu-west-1\n`;
    expect(expectOk(parseFdl(defined)).warnings).toEqual([]);
  });

  it('accepts minio.<cluster-id> for a cluster the file deploys to', () => {
    const two = `${GOOD}\n  - edge:\n      name: cowsay-edge\n      image: x\n      script: s.sh\n      output:\n      - storage_provider: minio.edge\n        path: cowsay/out`;
    expect(expectOk(parseFdl(two)).warnings).toEqual([]);
  });

  it('treats placeholders in free-text fields as warnings', () => {
    const text = `${GOOD}\n      vo: [vo of the cluster]\n      environment:\n        Variables:\n          KEY: [your key]`;
    const result = expectOk(parseFdl(text));
    expect(result.warnings.map((w) => [w.line, w.column, w.message])).toEqual([
      [
        15,
        11,
        'vo should be text, not a list [vo of the cluster]; if this is a placeholder, replace it with the real value before deploying',
      ],
      [
        18,
        16,
        'environment variable KEY should be text, not a list [your key]; if this is a placeholder, replace it with the real value before deploying',
      ],
    ]);
  });

  it('warns about a missing script, pointing at the service', () => {
    const result = expectOk(parseFdl(edit(8, null)));
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 3,
        column: 5,
        message: expect.stringMatching(/no script; OSCAR requires one/),
      }),
    ]);
  });

  it('warns about legacy replicas, both Variables spellings and a service defined twice', () => {
    const text = `${GOOD}\n      replicas:\n      - type: oscar\n        cluster_id: other\n      environment:\n        Variables: {A: '1'}\n        variables: {B: '2'}\n${GOOD.split('\n').slice(2).join('\n')}`;
    const result = expectOk(parseFdl(text));
    expect(result.warnings.map((w) => [w.line, w.message.slice(0, 40)])).toEqual([
      [15, 'replicas: is how OSCAR before 4.1 listed'],
      [20, 'environment has both Variables and varia'],
      [22, 'Service "cowsay" is defined twice for cl'],
    ]);
  });

  it('warns about unknown kinds of storage provider', () => {
    const result = expectOk(parseFdl(`${GOOD}\nstorage_providers:\n  ftp:\n    x: {}\n`));
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 16,
        column: 3,
        message: expect.stringMatching(/ftp is not a kind OSCAR knows/),
      }),
    ]);
  });
});

describe('OSCAR 4.1 features', () => {
  it('accepts a federation with its member clusters and several exposed ports', () => {
    const text = [
      'functions:',
      '  oscar:',
      '  - home:',
      '      name: fed-demo',
      '      image: ubuntu',
      '      script: run.sh',
      '      output:',
      '      - storage_provider: minio.partner',
      '        path: fed-demo/out',
      '      expose:',
      '        api_port: [8080, 9090]',
      '        nodePort: [0, 0]',
      '      federation:',
      '        group_id: fed-demo',
      '        topology: star',
      '        delegation: static',
      '        members:',
      '        - type: oscar',
      '          cluster_id: partner',
      '          service_name: fed-demo',
      '          priority: 0',
      'clusters:',
      '  partner:',
      '    endpoint: https://partner.example.org',
      "    auth_user: ''",
      '    ssl_verify: false',
    ].join('\n');
    const result = expectOk(parseFdl(text));
    expect(result.warnings).toEqual([]);
    const api = fdlServiceToApi(result.services[0]!, { clusters: result.fdl.clusters });
    expect(api.federation?.members?.[0]?.cluster_id).toBe('partner');
    expect(api.expose?.api_port).toEqual([8080, 9090]);
    expect(api.clusters?.partner?.endpoint).toBe('https://partner.example.org');
  });

  it('reports a federation member with the wrong shape where it is', () => {
    const text = `${GOOD}\n      federation:\n        members:\n        - priority: high`;
    const [error] = expectErrors(parseFdl(text));
    expect(error).toMatchObject({
      line: 17,
      column: 21,
      message: 'priority should be a whole number, not text "high"',
    });
  });
});

describe('stringifyFdl', () => {
  it('quotes text that YAML readers could take for something else', () => {
    const tricky = [
      '1.0',
      '1',
      'true',
      'yes',
      'No',
      'on',
      'OFF',
      'y',
      'n',
      'null',
      '~',
      '0755',
      '0x1F',
      '1:20',
      '1e3',
      '.inf',
      '-.5',
      '<<',
      '=',
    ];
    const fdl: Fdl = {
      functions: {
        oscar: [
          {
            c: {
              name: 'x',
              environment: { Variables: Object.fromEntries(tricky.map((t, i) => [`V${i}`, t])) },
            },
          },
        ],
      },
    };
    const written = stringifyFdl(fdl);
    expect(YAML.parse(written)).toEqual(fdl);
    // PyYAML and older Go YAML libraries follow YAML 1.1, where yes/on/0755/1:20 are not text.
    expect(YAML.parse(written, { version: '1.1' })).toEqual(fdl);
  });

  it('keeps numbers and booleans as they are, and lists as lists', () => {
    const fdl: Fdl = {
      functions: { oscar: [{ c: { cpu: 1, memory: '1Gi', alpine: true, allowed_users: [], v: ['a'] } }] },
    };
    const written = stringifyFdl(fdl);
    expect(written).toContain('cpu: 1\n');
    expect(YAML.parse(written)).toEqual(fdl);
  });

  it('writes scripts and long text without folding them', () => {
    const long = `echo ${'x'.repeat(200)}`;
    const fdl: Fdl = { functions: { oscar: [{ c: { script: `#!/bin/sh\n${long}\n`, image: long } }] } };
    const written = stringifyFdl(fdl);
    expect(written).toContain(`image: ${long}\n`);
    expect(YAML.parse(written)).toEqual(fdl);
  });
});

describe('fdlServiceToApi', () => {
  const entry = {
    clusterId: 'oscar-eu',
    service: {
      name: 'fire',
      cpu: 1.0,
      memory: '1Gi',
      image: 'img',
      script: './script.sh',
      log_level: null,
      environment: { Variables: { SEND_SNS: false, N: 3, EMPTY: null }, secrets: { TOKEN: 'abc' } },
      expose: { api_port: 5000, min_scale: 1 },
      output: [{ storage_provider: 'minio.oscar-us', path: 'fire/out' }],
      storage_providers: { s3: { mine: { region: 'eu' } }, minio: { 'oscar-us': { endpoint: 'own' } } },
      something_new: { kept: true },
    },
  };
  const fileProviders = {
    minio: { 'oscar-us': { endpoint: 'https://us', verify: true, region: null } },
    rucio: { r: { host: 'h' } },
  };
  const fileClusters = {
    'oscar-us': {
      endpoint: 'https://us',
      auth_user: 'u',
      auth_password: 'p',
      ssl_verify: true,
      memory: '256Mi',
    },
  };

  it('produces what oscar-cli would send', () => {
    const api = fdlServiceToApi(entry, {
      scripts: { 'script.sh': '#!/bin/sh\necho fire\n' },
      storageProviders: fileProviders,
      clusters: fileClusters,
    });
    expect(api).toEqual({
      name: 'fire',
      cpu: '1',
      memory: '1Gi',
      image: 'img',
      script: '#!/bin/sh\necho fire\n',
      cluster_id: 'oscar-eu',
      environment: { secrets: { TOKEN: 'abc' }, variables: { SEND_SNS: 'false', N: '3', EMPTY: '' } },
      expose: { api_port: [5000], min_scale: 1 },
      output: [{ storage_provider: 'minio.oscar-us', path: 'fire/out' }],
      storage_providers: {
        s3: { mine: { region: 'eu' } },
        minio: { 'oscar-us': { endpoint: 'https://us', verify: true } },
        rucio: { r: { host: 'h' } },
      },
      clusters: fileClusters,
      something_new: { kept: true },
    });
    expect(entry.service.cpu).toBe(1); // the FDL itself is not touched
  });

  it('leaves the script path when the file was not supplied', () => {
    expect(fdlServiceToApi(entry).script).toBe('./script.sh');
    expect(fdlServiceToApi(entry, { scripts: { 'other.sh': 'x' } }).script).toBe('./script.sh');
  });

  it('reads Secrets like secrets', () => {
    const api = fdlServiceToApi({
      clusterId: 'c',
      service: { environment: { Variables: { A: 1 }, Secrets: { PASSWORD: 'x' } } },
    });
    expect(api.environment).toEqual({ variables: { A: '1' }, secrets: { PASSWORD: 'x' } });
  });

  it('prefers lowercase variables when both spellings are present', () => {
    const api = fdlServiceToApi({
      clusterId: 'c',
      service: { environment: { Variables: { A: '1', B: '1' }, variables: { B: '2' } } },
    });
    expect(api.environment).toEqual({ variables: { A: '1', B: '2' } });
  });

  it('validates clean after conversion', async () => {
    const { validateService } = await import('./service-schema');
    const api = fdlServiceToApi(entry, {
      scripts: { 'script.sh': 'echo' },
      storageProviders: fileProviders,
      clusters: fileClusters,
    });
    expect(validateService(api)).toEqual([]);
  });
});

describe('lookupScript', () => {
  const files = { 'script.sh': 'a', 'nested/other.sh': 'b', 'dup/x.sh': 'c', 'again/x.sh': 'd' };
  it.each([
    ['script.sh', 'a'],
    ['./script.sh', 'a'],
    ['scripts/script.sh', 'a'],
    ['nested/other.sh', 'b'],
    ['other.sh', 'b'],
    ['x.sh', undefined], // two files share the name: do not guess
    ['missing.sh', undefined],
  ])('%s → %s', (ref, content) => {
    expect(lookupScript(files, ref)).toBe(content);
  });
});

describe('apiServiceToFdl', () => {
  const fromServer = {
    name: 'cowsay-secret',
    image: 'ghcr.io/grycap/cowsay',
    script: '#!/bin/sh\necho moo\n',
    cpu: '1.0',
    memory: '1Gi',
    cluster_id: 'oscar-eu',
    token: 'f'.repeat(64),
    owner: 'cluster_admin',
    namespace: 'oscar-svc',
    bucket_list: [],
    volume_status: { enabled: false },
    deployment: { state: 'ready' },
    alpine: false,
    enable_gpu: true,
    log_level: 'INFO',
    interlink_node_name: '',
    labels: {
      oscar_service: 'cowsay-secret',
      applicationId: 'cowsay-secret',
      queue: 'root.oscar-queue.cowsay-secret',
      team: 'x',
    },
    annotations: {},
    environment: { variables: { INPUT_TYPE: 'json' }, secrets: { COWSAY_SECRET: '', KEPT: 'v' } },
    expose: { min_scale: 0, max_scale: 0, api_port: [], cpu_threshold: 0 },
    synchronous: { min_scale: 0, max_scale: 0 },
    mount: { storage_provider: '', path: '' },
    storage_providers: {
      minio: {
        default: { endpoint: 'https://minio', access_key: 'hidden', secret_key: 'hidden', verify: true },
      },
      s3: { aws: { access_key: 'a', secret_key: 's', region: 'eu' } },
    },
    clusters: { edge: { endpoint: 'https://edge', ssl_verify: true } },
    input: [{ storage_provider: 'minio.default', path: 'cowsay/in', prefix: [], suffix: [] }],
  } as unknown as Service;

  it('writes a clean FDL and a separate script file', () => {
    const { fdl, scripts, warnings } = apiServiceToFdl(fromServer);
    expect(fdl).toEqual({
      functions: {
        oscar: [
          {
            'oscar-eu': {
              name: 'cowsay-secret',
              image: 'ghcr.io/grycap/cowsay',
              script: 'script.sh',
              cpu: '1.0',
              memory: '1Gi',
              log_level: 'INFO',
              enable_gpu: true,
              labels: { team: 'x' },
              environment: { Variables: { INPUT_TYPE: 'json' }, secrets: { KEPT: 'v' } },
              input: [{ storage_provider: 'minio.default', path: 'cowsay/in' }],
            },
          },
        ],
      },
      storage_providers: { s3: { aws: { access_key: 'a', secret_key: 's', region: 'eu' } } },
      clusters: { edge: { endpoint: 'https://edge', ssl_verify: true } },
    });
    expect(Object.keys(fdl.functions.oscar[0]!['oscar-eu']!).slice(0, 5)).toEqual([
      'name',
      'image',
      'script',
      'cpu',
      'memory',
    ]);
    expect(scripts).toEqual({ 'script.sh': '#!/bin/sh\necho moo\n' });
    expect(warnings).toEqual([expect.stringMatching(/^Secret COWSAY_SECRET was left out/)]);
  });

  it('takes the cluster id, script name and Variables spelling from the caller', () => {
    const { fdl, scripts } = apiServiceToFdl(fromServer, 'my-cluster', {
      scriptFileName: 'moo.sh',
      variablesKey: 'variables',
    });
    const svc = fdl.functions.oscar[0]?.['my-cluster'];
    expect(svc?.script).toBe('moo.sh');
    expect(svc?.environment).toEqual({ variables: { INPUT_TYPE: 'json' }, secrets: { KEPT: 'v' } });
    expect(Object.keys(scripts)).toEqual(['moo.sh']);
  });

  it('falls back to oscar-cluster', () => {
    const { fdl } = apiServiceToFdl({ name: 'a', image: 'b', script: 'c' });
    expect(Object.keys(fdl.functions.oscar[0]!)).toEqual(['oscar-cluster']);
  });

  it('keeps exposed ports and warns about other hidden credentials', () => {
    const { fdl, warnings } = apiServiceToFdl({
      ...fromServer,
      expose: { api_port: [8080], min_scale: 1 },
      storage_providers: { webdav: { d: { hostname: 'h', login: 'l', password: 'hidden' } } },
    } as Service);
    expect(fdl.functions.oscar[0]?.['oscar-eu']?.expose).toEqual({ api_port: [8080], min_scale: 1 });
    expect(warnings).toContainEqual(expect.stringMatching(/webdav.d has credentials OSCAR hid/));
  });

  it('produces a file parseFdl accepts and that converts back to the same service', () => {
    const { fdl, scripts } = apiServiceToFdl(fromServer);
    const parsed = expectOk(parseFdl(stringifyFdl(fdl)));
    const api = fdlServiceToApi(parsed.services[0]!, {
      scripts,
      storageProviders: parsed.fdl.storage_providers,
      clusters: parsed.fdl.clusters,
    });
    const expected = { ...(fromServer as unknown as Record<string, unknown>) };
    for (const k of ['token', 'owner', 'namespace', 'bucket_list', 'volume_status', 'deployment'])
      delete expected[k];
    // Not exposed (no port) and zero scaling limits are OSCAR's defaults, so the export leaves them out.
    delete expected.expose;
    delete expected.synchronous;
    expected.labels = { team: 'x' };
    expected.environment = { variables: { INPUT_TYPE: 'json' }, secrets: { KEPT: 'v' } };
    expected.storage_providers = { s3: { aws: { access_key: 'a', secret_key: 's', region: 'eu' } } };
    expect(meaning(api)).toEqual(meaning(expected));
  });
});

describe('scriptFilesReferenced and fdlServices', () => {
  const fdl = {
    functions: {
      oscar: [
        { a: { name: 'one', script: 'script.sh' }, b: { name: 'two', script: 'script.sh' } },
        { a: { name: 'three', script: 'other.sh' } },
        { a: { name: 'inline', script: '#!/bin/sh\necho\n' } },
        { a: { name: 'none' } },
      ],
    },
  } as Fdl;

  it('lists each script file once, in file order, skipping inline scripts', () => {
    expect(scriptFilesReferenced(fdl)).toEqual(['script.sh', 'other.sh']);
  });

  it('lists services in file order', () => {
    expect(fdlServices(fdl).map((s) => `${s.clusterId}/${String(s.service.name)}`)).toEqual([
      'a/one',
      'b/two',
      'a/three',
      'a/inline',
      'a/none',
    ]);
  });

  it('copes with malformed input', () => {
    expect(scriptFilesReferenced({} as Fdl)).toEqual([]);
    expect(fdlServices({ functions: { oscar: 'x' } } as unknown as Fdl)).toEqual([]);
  });
});

// A small seeded generator so a failure can be replayed.
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseFdl on random and mutated input', () => {
  const pieces = [
    ':',
    '-',
    ' ',
    '  ',
    '\n',
    '[',
    ']',
    '{',
    '}',
    '"',
    "'",
    '\t',
    '&a',
    '*a',
    '!',
    '#',
    '|',
    '>',
    '%',
    '@',
    ',',
    '?',
    'x',
    '1',
    '.',
    '0x',
    'é',
    '😀',
    '\r\n',
    '---',
    '<<',
    '\u0000',
  ];

  function mutate(text: string, rnd: () => number): string {
    let out = text;
    const edits = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < edits; i += 1) {
      const at = Math.floor(rnd() * (out.length + 1));
      const op = Math.floor(rnd() * 6);
      if (op === 0) out = out.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + out.slice(at);
      else if (op === 1) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 10));
      else if (op === 2) out = out.slice(0, at);
      else if (op === 3) {
        const lines = out.split('\n');
        const a = Math.floor(rnd() * lines.length);
        const b = Math.floor(rnd() * lines.length);
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        out = lines.join('\n');
      } else if (op === 4) {
        const lines = out.split('\n');
        const a = Math.floor(rnd() * lines.length);
        lines[a] = rnd() < 0.5 ? ` ${lines[a] ?? ''}` : (lines[a] ?? '').replace(/^ /, '');
        out = lines.join('\n');
      } else {
        const lines = out.split('\n');
        const a = Math.floor(rnd() * lines.length);
        lines.splice(a, 0, lines[a] ?? '');
        out = lines.join('\n');
      }
    }
    return out;
  }

  function checkShape(input: string, result: ParseFdlResult) {
    if (result.ok) {
      expect(Array.isArray(result.services)).toBe(true);
      // Whatever parses must still round-trip.
      expect(YAML.parse(stringifyFdl(result.fdl))).toEqual(YAML.parse(input));
    } else {
      for (const e of result.errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(e.column).toBeGreaterThanOrEqual(1);
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
  }

  it('never throws on mutated real files, and whatever parses round-trips', () => {
    const rnd = mulberry32(20240611);
    const sources = [GOOD, ...samples.map((s) => s.text)];
    let parsed = 0;
    for (let i = 0; i < 600; i += 1) {
      const source = sources[i % sources.length]!;
      const input = mutate(source, rnd);
      let result: ParseFdlResult | undefined;
      expect(() => {
        result = parseFdl(input);
      }, JSON.stringify(input)).not.toThrow();
      checkShape(input, result!);
      if (result!.ok) parsed += 1;
    }
    // The mutations should leave a fair share valid, or the round-trip half of this test is idle.
    expect(parsed).toBeGreaterThan(50);
  });

  it('never throws on random text', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 400; i += 1) {
      const length = Math.floor(rnd() * 120);
      let input = '';
      for (let j = 0; j < length; j += 1) input += pieces[Math.floor(rnd() * pieces.length)];
      checkShape(input, parseFdl(input));
    }
  });
});

describe('keys that are special in JavaScript', () => {
  it('keeps __proto__, constructor and toString as ordinary keys', () => {
    const text = [
      'functions:',
      '  oscar:',
      '  - __proto__:',
      '      name: odd',
      '      image: x',
      '      script: s.sh',
      '      constructor: kept',
      '      environment:',
      '        Variables:',
      '          __proto__: a',
      '          toString: b',
      '      output:',
      '      - storage_provider: minio.__proto__',
      '        path: abc/out',
      'storage_providers:',
      '  minio:',
      '    __proto__:',
      '      endpoint: https://x',
    ].join('\n');
    const result = expectOk(parseFdl(text));
    expect(result.warnings).toEqual([]);
    expect(YAML.parse(stringifyFdl(result.fdl))).toEqual(YAML.parse(text));
    const [entry] = result.services;
    expect(entry?.clusterId).toBe('__proto__');
    const api = fdlServiceToApi(entry!, { storageProviders: result.fdl.storage_providers });
    expect(Object.getPrototypeOf(api)).toBe(Object.prototype);
    expect(api.environment?.variables).toEqual(JSON.parse('{"__proto__":"a","toString":"b"}'));
    expect((api as unknown as Record<string, unknown>).constructor).toBe('kept');

    const back = apiServiceToFdl(api);
    expect(Object.keys(back.fdl.storage_providers?.minio as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).endpoint).toBeUndefined();
    const svc = back.fdl.functions.oscar[0]?.['__proto__'];
    expect(Object.hasOwn(svc!, 'constructor')).toBe(true);
  });
});

describe('formatFdlIssue', () => {
  it('puts the position first', () => {
    expect(formatFdlIssue({ line: 5, column: 15, message: 'memory "lots" is wrong' })).toBe(
      'line 5, column 15: memory "lots" is wrong',
    );
  });
});
