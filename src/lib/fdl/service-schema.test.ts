import type { Service } from '../../api/types';
import {
  cpuProblem,
  memoryProblem,
  parseProviderRef,
  providerRefProblem,
  serviceNameProblem,
  serviceSchema,
  serviceWarnings,
  storagePathProblem,
  validateService,
  type ServiceInput,
} from './service-schema';

const base: ServiceInput = {
  name: 'cowsay',
  image: 'ghcr.io/grycap/cowsay',
  script: '#!/bin/sh\necho hi\n',
};

function issuesFor(patch: Record<string, unknown>) {
  return validateService({ ...base, ...patch });
}

function messagesAt(patch: Record<string, unknown>, path: (string | number)[]) {
  return issuesFor(patch)
    .filter((i) => JSON.stringify(i.path) === JSON.stringify(path))
    .map((i) => i.message);
}

describe('validateService', () => {
  it('accepts a minimal service', () => {
    expect(validateService(base)).toEqual([]);
  });

  it('accepts a full v4.1 service', () => {
    const full = {
      ...base,
      cluster_id: 'oscar-cluster',
      memory: '1.5Gi',
      cpu: '500m',
      total_memory: '8Gi',
      total_cpu: '4',
      ephemeral_storage_request: '1Gi',
      enable_gpu: true,
      log_level: 'DEBUG',
      visibility: 'restricted',
      allowed_users: ['a@egi.eu'],
      image_pull_secrets: ['regcred'],
      input: [{ storage_provider: 'minio.default', path: 'cowsay/in', suffix: ['.txt'], prefix: ['a'] }],
      output: [{ storage_provider: 's3.aws', path: 'results-bucket/out' }],
      mount: { storage_provider: 'webdav.dcache', path: '/some folder/with spaces' },
      environment: { variables: { A: '1' }, secrets: { B: 'two' } },
      labels: { team: 'x' },
      annotations: { 'a.b/c': 'd' },
      expose: {
        api_port: [8080],
        min_scale: 1,
        max_scale: 2,
        cpu_threshold: 80,
        rewrite_target: true,
        health_path: '/',
      },
      synchronous: { min_scale: 0, max_scale: 5 },
      federation: {
        group_id: 'g',
        topology: 'star',
        delegation: 'static',
        rescheduler_threshold: 30,
        members: [
          { type: 'oscar', cluster_id: 'c2', service_name: 'cowsay', priority: 0, headers: { X: 'y' } },
        ],
      },
      kserve: {
        type: 'inference',
        storage_uri: 'gs://x',
        cpu: '1',
        memory: '1Gi',
        args: ['--x'],
        env: { A: 'b' },
      },
      volume: { size: '1Gi', mount_path: '/data' },
      storage_providers: {
        minio: {
          default: { endpoint: 'https://minio', verify: true, access_key: 'hidden', secret_key: 'hidden' },
        },
        s3: { aws: { access_key: 'k', secret_key: 's', region: 'eu-west-1' } },
        webdav: { dcache: { hostname: 'h', login: 'l', password: 'p' } },
        onedata: { od: { oneprovider_host: 'h', token: 't', space: 's' } },
        rucio: { r: { host: 'h', account: 'a', rse: 'r' } },
      },
      clusters: { c2: { endpoint: 'https://c2', auth_user: 'u', auth_password: 'p', ssl_verify: true } },
    };
    expect(validateService(full)).toEqual([]);
  });

  it('describes the same shape as the generated API type', () => {
    // Compile-time: anything the API type allows, the schema's input type allows too.
    expectTypeOf<Service>().toExtend<ServiceInput>();
    const fromServer: Service = {
      name: 'cowsay',
      image: 'ghcr.io/grycap/cowsay',
      script: 'echo',
      deployment: { state: 'ready', active_instances: 1 },
      volume_status: { enabled: true, phase: 'Bound' },
      token: 'f'.repeat(64),
      owner: 'cluster_admin',
    };
    expect(validateService(fromServer)).toEqual([]);
  });

  it('keeps fields it does not know, at every level', () => {
    const input = {
      ...base,
      future_field: { nested: [1, 2] },
      expose: { api_port: [80], shiny_new_option: 'x' },
      input: [{ storage_provider: 'minio', path: 'abc/in', extra: true }],
    };
    const parsed = serviceSchema.parse(input);
    expect(parsed).toEqual(input);
  });

  it.each([
    ['name', 'name is required'],
    ['image', 'image is required'],
    ['script', 'script is required'],
  ])('reports a missing %s', (field, message) => {
    const service: Record<string, unknown> = { ...base };
    delete service[field];
    expect(validateService(service)).toEqual([
      { path: [field], message, kind: 'missing', expected: 'string' },
    ]);
  });

  it('reports empty image and script', () => {
    expect(messagesAt({ image: '' }, ['image'])[0]).toMatch(/image is empty/);
    expect(messagesAt({ script: '' }, ['script'])[0]).toMatch(/script is empty/);
  });

  it.each([
    [{ input: 'cowsay/in' }, ['input'], 'input should be a list, not text "cowsay/in"'],
    [
      { environment: { variables: ['A=1'] } },
      ['environment', 'variables'],
      'environment variables should be a group of NAME: value lines, not a list [A=1]',
    ],
    [
      { environment: { variables: { A: 1 } } },
      ['environment', 'variables', 'A'],
      'environment variable A should be text, not the number 1',
    ],
    [{ labels: { team: ['x'] } }, ['labels', 'team'], 'label team should be text, not a list [x]'],
    [{ enable_gpu: 'yes' }, ['enable_gpu'], 'enable_gpu should be true or false, not text "yes"'],
    [{ allowed_users: 'me' }, ['allowed_users'], 'allowed_users should be a list, not text "me"'],
    [
      { allowed_users: ['me', 3] },
      ['allowed_users', 1],
      'allowed_users entry 2 should be text, not the number 3',
    ],
    [{ expose: { api_port: 80 } }, ['expose', 'api_port'], 'api_port should be a list, not the number 80'],
    [{ expose: { api_port: [70000] } }, ['expose', 'api_port', 0], 'api_port must be between 1 and 65535'],
    [{ expose: { min_scale: 1.5 } }, ['expose', 'min_scale'], 'min_scale should be a whole number'],
    [
      { volume: 'big' },
      ['volume'],
      'volume should be a group of settings (key: value lines), not text "big"',
    ],
    [{ memory: 2 }, ['memory'], 'memory should be text, not the number 2'],
  ] as const)('explains a wrong type: %j', (patch, path, message) => {
    expect(messagesAt(patch, [...path])).toEqual([message]);
  });

  it('reports memory and cpu that Kubernetes would refuse, in words', () => {
    expect(messagesAt({ memory: 'lots' }, ['memory'])).toEqual([
      'memory "lots" is not a Kubernetes quantity such as 512Mi or 2Gi',
    ]);
    expect(messagesAt({ cpu: 'fast' }, ['cpu'])).toEqual([
      'cpu "fast" is not a number of CPU cores such as 0.5, 1 or 500m',
    ]);
    expect(messagesAt({ total_memory: '3 GB' }, ['total_memory'])[0]).toMatch(
      /^total_memory "3 GB" is not a Kubernetes quantity/,
    );
    expect(messagesAt({ kserve: { memory: 'x' } }, ['kserve', 'memory'])[0]).toMatch(/^kserve memory "x"/);
    expect(messagesAt({ volume: { size: 'huge', mount_path: '/d' } }, ['volume', 'size'])[0]).toMatch(
      /^volume size "huge"/,
    );
  });

  it('lets empty memory and cpu mean "the default"', () => {
    expect(issuesFor({ memory: '', cpu: '' })).toEqual([]);
  });

  it('checks storage entries', () => {
    const issues = issuesFor({
      input: [
        { path: 'abc/in' },
        { storage_provider: 'minio' },
        { storage_provider: 'ftp', path: 'abc/in' },
        { storage_provider: 'minio', path: 'My Bucket/x' },
      ],
      output: [{ storage_provider: 'minio.edge', path: 'ab/out' }],
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      [
        ['input', 0, 'storage_provider'],
        "storage_provider is required; use minio for the cluster's own storage",
      ],
      [['input', 1, 'path'], 'path is required, for example my-service/input'],
      [
        ['input', 2, 'storage_provider'],
        expect.stringMatching(/^storage_provider "ftp" is not a kind OSCAR knows/),
      ],
      [['input', 3, 'path'], expect.stringMatching(/^path "My Bucket\/x" contains spaces/)],
      [
        ['output', 0, 'path'],
        expect.stringMatching(/bucket "ab", but bucket names must be 3 to 63 characters long/),
      ],
    ]);
  });

  it('accepts an empty mount but not half a mount', () => {
    expect(issuesFor({ mount: {} })).toEqual([]);
    expect(messagesAt({ mount: { path: 'abc/x' } }, ['mount', 'storage_provider'])).toHaveLength(1);
    expect(messagesAt({ mount: { storage_provider: 'minio' } }, ['mount', 'path'])).toHaveLength(1);
  });

  it('needs an absolute mount_path for a volume', () => {
    expect(messagesAt({ volume: { size: '1Gi' } }, ['volume', 'mount_path'])[0]).toMatch(
      /needs a mount_path/,
    );
    expect(messagesAt({ volume: { size: '1Gi', mount_path: 'data' } }, ['volume', 'mount_path'])[0]).toMatch(
      /absolute path/,
    );
  });

  it('does not throw on values that are not objects', () => {
    for (const v of [null, undefined, 3, 'x', [], true]) {
      expect(validateService(v).length).toBeGreaterThan(0);
    }
  });
});

describe('serviceNameProblem', () => {
  it.each(['a', 'cowsay', 'my-service-2', '0abc', 'a'.repeat(39)])('accepts %j', (name) => {
    expect(serviceNameProblem(name)).toBeNull();
  });

  it.each([
    [
      'MyService',
      /has uppercase letters; OSCAR only accepts lowercase letters, digits and hyphens \(try "myservice"\)/,
    ],
    ['my_service', /contains underscores; use hyphens instead, as in "my-service"/],
    ['my service', /contains spaces/],
    ['my.service', /contains dots/],
    ['a'.repeat(40), /is 40 characters long; OSCAR accepts at most 39/],
    ['-abc', /must start and end with a letter or digit/],
    ['abc-', /must start and end with a letter or digit/],
    ['', /name is empty/],
    ['añb', /may only contain lowercase letters, digits and hyphens/],
  ])('refuses %j, saying why', (name, why) => {
    expect(serviceNameProblem(name)).toMatch(why);
    expect(validateService({ ...base, name }).map((i) => i.path)).toEqual([['name']]);
  });
});

describe('memoryProblem and cpuProblem', () => {
  it.each(['1Gi', '512Mi', '2G', '1e3', '1.5Gi', '256Mi', '1024'])('memory %j is fine', (v) => {
    expect(memoryProblem(v)).toBeNull();
  });
  it.each([
    ['lots', /not a Kubernetes quantity/],
    ['0', /more than zero/],
    ['-1Gi', /more than zero/],
    ['512m', /fraction of a byte.*did you mean 512Mi\?/],
    ['1 Gi', /not a Kubernetes quantity/],
  ])('memory %j is refused', (v, why) => {
    expect(memoryProblem(v)).toMatch(why);
  });

  it.each(['1.0', '0.5', '500m', '2', '1e-3', '0.25'])('cpu %j is fine', (v) => {
    expect(cpuProblem(v)).toBeNull();
  });
  it.each([
    ['lots', /not a number of CPU cores/],
    ['1Gi', /not a number of CPU cores/],
    ['0', /more than zero/],
    ['0.0001', /below 1m/],
  ])('cpu %j is refused', (v, why) => {
    expect(cpuProblem(v)).toMatch(why);
  });
});

describe('storage provider references and paths', () => {
  it.each([
    ['minio', { kind: 'minio', id: 'default' }],
    ['minio.default', { kind: 'minio', id: 'default' }],
    ['s3.my.bucket.store', { kind: 's3', id: 'my.bucket.store' }],
  ])('splits %j at the first dot', (ref, parts) => {
    expect(parseProviderRef(ref)).toEqual(parts);
  });

  it.each(['minio', 'minio.default', 's3.aws', 'onedata.x', 'webdav.dcache', 'rucio.rucio', 'rucio'])(
    'accepts %j',
    (ref) => {
      expect(providerRefProblem(ref)).toBeNull();
    },
  );

  it.each([
    ['ftp', /not a kind OSCAR knows; use minio, s3, onedata, webdav or rucio/],
    ['MinIO', /write it in lowercase: minio/],
    ['minio.', /ends with a dot/],
    ['', /storage_provider is empty/],
    ['minio.my id', /contains spaces/],
  ])('refuses %j', (ref, why) => {
    expect(providerRefProblem(ref)).toMatch(why);
  });

  it.each(['cowsay/input', '/notebook', 'a.b-c/x/y', 'abc', 'a'.repeat(63) + '/x'])(
    'accepts path %j',
    (p) => {
      expect(storagePathProblem(p)).toBeNull();
    },
  );

  it.each([
    ['', /path is empty/],
    ['   ', /path is empty/],
    ['my bucket/in', /contains spaces/],
    ['ab/in', /3 to 63 characters/],
    ['a'.repeat(64) + '/in', /3 to 63 characters/],
    ['My-Bucket/in', /must be lowercase/],
    ['bucket_1/in', /may only use lowercase letters, digits, dots and hyphens/],
    ['-abc/in', /must start and end with a letter or digit/],
    ['a..b/in', /may only use/],
  ])('refuses path %j', (p, why) => {
    expect(storagePathProblem(p)).toMatch(why);
  });

  it('does not apply bucket rules to providers without buckets', () => {
    expect(storagePathProblem('My Folder/x', 'webdav')).toBeNull();
    expect(storagePathProblem('', 'webdav')).toMatch(/path is empty/);
  });
});

describe('serviceWarnings', () => {
  const withIO = (ref: string, extra: Record<string, unknown> = {}) => ({
    ...base,
    output: [{ storage_provider: ref, path: 'abc/out' }],
    ...extra,
  });

  it('flags a provider id the service does not define', () => {
    expect(serviceWarnings(withIO('minio.edge'))).toEqual([
      {
        path: ['output', 0, 'storage_provider'],
        kind: 'value',
        message: expect.stringMatching(
          /storage_provider "minio.edge" is not defined; add it under storage_providers: minio: edge:/,
        ),
      },
    ]);
    expect(serviceWarnings(withIO('s3'))).toHaveLength(1);
  });

  it('accepts defined providers, the default MinIO and MinIO of known clusters', () => {
    expect(serviceWarnings(withIO('minio'))).toEqual([]);
    expect(serviceWarnings(withIO('minio.default'))).toEqual([]);
    expect(serviceWarnings(withIO('s3.aws', { storage_providers: { s3: { aws: {} } } }))).toEqual([]);
    expect(serviceWarnings(withIO('minio.edge'), { clusterIds: ['edge'] })).toEqual([]);
    expect(serviceWarnings(withIO('minio.c2', { clusters: { c2: {} } }))).toEqual([]);
    // A cluster id only stands for its MinIO, not for other kinds.
    expect(serviceWarnings(withIO('s3.edge'), { clusterIds: ['edge'] })).toHaveLength(1);
  });

  it('checks the mount too', () => {
    expect(
      serviceWarnings({ ...base, mount: { storage_provider: 'webdav.x', path: 'p' } }).map((w) => w.path),
    ).toEqual([['mount', 'storage_provider']]);
  });

  it('flags log levels OSCAR would replace and unknown visibility', () => {
    expect(serviceWarnings({ ...base, log_level: 'debug' })).toEqual([]);
    expect(serviceWarnings({ ...base, log_level: 'verbose' })[0]?.message).toMatch(/OSCAR will use INFO/);
    expect(serviceWarnings({ ...base, visibility: 'everyone' })[0]?.path).toEqual(['visibility']);
  });

  it('flags memory without a unit that would be a few bytes', () => {
    expect(serviceWarnings({ ...base, memory: '2' })[0]?.message).toBe(
      'memory "2" is only 2 bytes; containers need several MiB, so add a unit such as 2Gi',
    );
    expect(serviceWarnings({ ...base, memory: '256Mi' })).toEqual([]);
  });

  it('ignores things that are not services', () => {
    expect(serviceWarnings(null)).toEqual([]);
    expect(serviceWarnings([1])).toEqual([]);
  });
});
