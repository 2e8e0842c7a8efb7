// The file browser's sign-in (PARITY A4): an HS256 JWT signed with the service's token, which
// FileBrowser Quantum accepts at api/auth/renew?jwt=… (its jwt auth method uses OSCAR_SERVICE_TOKEN
// as the shared secret). Signed with Web Crypto; only the base64url framing is written here.

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** header.payload.signature, HS256 with `secret`. */
export async function signHs256(payload: Record<string, unknown>, secret: string): Promise<string> {
  const head = `${base64url(utf8(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))}.${base64url(utf8(JSON.stringify(payload)))}`;
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(head)));
  return `${head}.${base64url(sig)}`;
}

/** Whether `jwt` is an HS256 token signed with `secret` (the demo's file browser checks with this). */
export async function verifyHs256(jwt: string, secret: string): Promise<Record<string, unknown> | null> {
  const [h, p, s] = jwt.split('.');
  if (!h || !p || !s) return null;
  const key = await crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const sig = Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  if (!(await crypto.subtle.verify('HMAC', key, sig, utf8(`${h}.${p}`)))) return null;
  try {
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** The claims the OSCAR Dashboard signs: the FileBrowser user, the admin group, valid for five minutes. */
export function fileBrowserClaims(sub: string, nowSeconds: number): Record<string, unknown> {
  return { sub, groups: ['admin'], iat: nowSeconds, exp: nowSeconds + 300 };
}
