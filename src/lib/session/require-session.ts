// The route guard: pages behind the login send a visitor without a session to /login, keeping where they were going.
import { redirect } from 'react-router';
import { getSession } from './session';

/** Route loader guard: no session sends the user to log in, and back here afterwards. */
export function requireSession({ request }: { request: Request }) {
  if (getSession()) return null;
  const url = new URL(request.url);
  const next = `${url.pathname}${url.search}${url.hash}`;
  throw redirect(next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`);
}

/** Only same-app paths are followed after login, never another origin. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/services';
  return next;
}
