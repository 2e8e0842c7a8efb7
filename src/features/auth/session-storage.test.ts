// @vitest-environment jsdom
// The session lives in memory and sessionStorage only: a reload keeps it, closing the tab ends it,
// and nothing of it reaches localStorage (docs/decisions/001-session-storage.md).
import type { Session } from '../../lib/session/session';

const basic: Session = {
  endpoint: 'https://oscar.test',
  method: 'basic',
  user: { name: 'oscar' },
  credentials: { kind: 'basic', username: 'oscar', password: 's3cret-pass' },
};

async function freshSessionModule() {
  vi.resetModules();
  return import('../../lib/session/session');
}

test('a session survives a reload through sessionStorage, and never touches localStorage', async () => {
  const first = await freshSessionModule();
  first.setSession(basic);
  expect(JSON.parse(sessionStorage.getItem('lagoon.session') ?? 'null')).toEqual(basic);
  expect(localStorage.length).toBe(0);

  // A reload: the module starts again and reads what the tab kept.
  const second = await freshSessionModule();
  expect(second.getSession()).toEqual(basic);
  const { getConnection } = await import('../../api/connection');
  expect(getConnection()).toEqual({ endpoint: basic.endpoint, credentials: basic.credentials });
});

test('ending the session removes it from the tab', async () => {
  const m = await freshSessionModule();
  m.setSession(basic);
  m.setSession(null);
  expect(sessionStorage.getItem('lagoon.session')).toBeNull();
  expect((await freshSessionModule()).getSession()).toBeNull();
});

test('listeners hear about every change', async () => {
  const m = await freshSessionModule();
  const heard: (string | undefined)[] = [];
  const off = m.subscribeSession(() => heard.push(m.getSession()?.user.name));
  m.setSession(basic);
  m.setSession({ ...basic, user: { name: 'someone' } });
  off();
  m.setSession(null);
  expect(heard).toEqual(['oscar', 'someone']);
});

test('something that is not a session in storage is ignored', async () => {
  sessionStorage.setItem('lagoon.session', JSON.stringify({ endpoint: 'https://x.test' }));
  expect((await freshSessionModule()).getSession()).toBeNull();
  sessionStorage.setItem('lagoon.session', '{broken');
  expect((await freshSessionModule()).getSession()).toBeNull();
});
