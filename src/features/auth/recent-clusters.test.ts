// @vitest-environment jsdom
import { CLUSTERS_KEY, forgetCluster, listClusters, rememberCluster } from './recent-clusters';
import { loginWithPassword } from './password-login';
import { CLUSTER, PASSWORD, serveAuthCluster } from './test/helpers';

serveAuthCluster();

test('most recently used first, one entry per cluster', () => {
  rememberCluster('https://a.test', 'basic', undefined, 1);
  rememberCluster('https://b.test', 'oidc', 'egi', 2);
  rememberCluster('https://a.test', 'oidc', 'egi', 3);
  expect(listClusters()).toEqual([
    { endpoint: 'https://a.test', lastUsed: 3, lastMethod: 'oidc', providerId: 'egi' },
    { endpoint: 'https://b.test', lastUsed: 2, lastMethod: 'oidc', providerId: 'egi' },
  ]);
});

test('keeps at most eight clusters', () => {
  for (let i = 0; i < 12; i++) rememberCluster(`https://c${i}.test`, 'basic', undefined, i);
  const list = listClusters();
  expect(list).toHaveLength(8);
  expect(list[0]?.endpoint).toBe('https://c11.test');
  expect(list.at(-1)?.endpoint).toBe('https://c4.test');
});

test('forgetting removes only that cluster', () => {
  rememberCluster('https://a.test', 'basic', undefined, 1);
  rememberCluster('https://b.test', 'basic', undefined, 2);
  forgetCluster('https://b.test');
  expect(listClusters().map((c) => c.endpoint)).toEqual(['https://a.test']);
});

test('anything odd in storage is dropped, including fields that are not ours', () => {
  localStorage.setItem(
    CLUSTERS_KEY,
    JSON.stringify([
      { endpoint: 'https://ok.test', lastUsed: 5, lastMethod: 'basic', password: 'leaked' },
      { endpoint: 42 },
      'nonsense',
    ]),
  );
  expect(listClusters()).toEqual([{ endpoint: 'https://ok.test', lastUsed: 5, lastMethod: 'basic' }]);
  rememberCluster('https://new.test', 'basic');
  expect(localStorage.getItem(CLUSTERS_KEY)).not.toContain('leaked');
  localStorage.setItem(CLUSTERS_KEY, '{not json');
  expect(listClusters()).toEqual([]);
});

test('a password login remembers the cluster, never the password', async () => {
  await loginWithPassword(CLUSTER, 'oscar', PASSWORD);
  expect(listClusters()).toEqual([{ endpoint: CLUSTER, lastUsed: expect.any(Number), lastMethod: 'basic' }]);
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i) ?? '';
    expect(localStorage.getItem(key)).not.toContain(PASSWORD);
  }
});
