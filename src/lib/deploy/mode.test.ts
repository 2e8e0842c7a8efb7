import { appDir, EMBEDDED, oidcRedirectUri, postLogoutUri } from './mode';

// The unit tests run the hosted build; the embedded one is covered by e2e/deploy/embedded.spec.ts.
const page = { origin: 'https://lagoon.example.org', pathname: '/services/grayify' };

test('hosted: routes are paths from the site root, and the provider comes back to /auth/callback', () => {
  expect(EMBEDDED).toBe(false);
  expect(appDir(page)).toBe('/');
  expect(oidcRedirectUri(page)).toBe('https://lagoon.example.org/auth/callback');
  expect(postLogoutUri(page)).toBe('https://lagoon.example.org/login');
});
