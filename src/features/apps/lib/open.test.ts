// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Service } from '../../../api/types';
import { verifyHs256 } from '../../../lib/jwt/hs256';
import { appById, type AppDef } from './apps';
import { launcherFor } from './open';

const app = (id: string) => appById(id) as AppDef;
const base = 'https://oscar.example.org/system/services/nb/exposed/';
const target = { base, url: `${base}?token=T` };
const notebook: Service = { name: 'nb', image: 'ghcr.io/grycap/juno:minimal', script: 'jupyter lab', environment: { variables: { JUPYTER_TOKEN: 'T' } } };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('launcherFor', () => {
  it('a notebook on the page’s own origin posts Jupyter’s login form (token as password, a matching _xsrf) in a new tab', async () => {
    const tab = { opener: {} as unknown };
    const open = vi.fn(() => tab);
    vi.stubGlobal('open', open);
    const submitted: { action: string; target: string; fields: Record<string, string>; openerKept: boolean }[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      const fields = Object.fromEntries(new FormData(this) as unknown as Iterable<[string, string]>);
      submitted.push({ action: this.action, target: this.target, fields, openerKept: tab.opener !== null });
    });
    const cookies: string[] = [];
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation((c: string) => void cookies.push(c));
    const l = launcherFor(app('notebooks'), notebook, target, 'https://oscar.example.org');
    expect(l.note).toBe('The token goes to Jupyter’s login form in the new tab, not in the address.');
    expect(await l.open()).toEqual({ kind: 'opened' });
    expect(open).toHaveBeenCalledWith('about:blank', submitted[0]!.target);
    // The form goes to the tab while this page is still its opener (so its name finds it); then the link is cut.
    expect(submitted[0]!.openerKept).toBe(true);
    expect(tab.opener).toBeNull();
    expect(submitted[0]!.action).toBe(`${base}login?next=${encodeURIComponent('/system/services/nb/exposed/lab')}`);
    expect(submitted[0]!.fields.password).toBe('T');
    // Scoped to the notebook's path, the value Tornado compares with the form's field.
    expect(cookies).toEqual([`_xsrf=${submitted[0]!.fields._xsrf}; path=/system/services/nb/exposed/; SameSite=Strict`]);
    expect(document.querySelector('form')).toBeNull();
  });

  it('from another origin the notebook opens with ?token= and says so plainly', async () => {
    const open = vi.fn(() => ({ opener: null }));
    vi.stubGlobal('open', open);
    const l = launcherFor(app('notebooks'), notebook, target, 'https://lagoon.example.org');
    expect(l.note).toMatch(/^Jupyter takes the token in the address here/);
    expect(await l.open()).toEqual({ kind: 'opened' });
    expect(open).toHaveBeenCalledWith(`${base}?token=T`, '_blank');
  });

  it('a file browser signs a JWT with the service token, posts it to api/auth/renew, then opens files/; a refusal is said', async () => {
    const open = vi.fn(() => ({ opener: null }));
    vi.stubGlobal('open', open);
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      const jwt = new URL(url).searchParams.get('jwt')!;
      return (await verifyHs256(jwt, 'svc-token')) ? new Response('{}') : new Response('bad token', { status: 401 });
    }));
    const fb: Service = { name: 'fb', image: 'x', script: 'filebrowser', token: 'svc-token', environment: { variables: { FILEBROWSER_JWT_SUB: 'user' } } };
    expect(await launcherFor(app('file-browsers'), fb, target).open()).toEqual({ kind: 'opened' });
    expect(calls[0]).toMatch(new RegExp(`^POST ${base.replace(/[.?]/g, '\\$&')}api/auth/renew\\?jwt=`));
    expect(open).toHaveBeenCalledWith(`${base}files/`, '_blank');

    const wrong = await launcherFor(app('file-browsers'), { ...fb, token: 'another' }, target).open();
    expect(wrong).toEqual({ kind: 'refused', message: 'The file browser refused the sign-in: HTTP 401. bad token' });
    const noToken = await launcherFor(app('file-browsers'), { ...fb, token: '' }, target).open();
    expect(noToken.kind).toBe('refused');
  });
});
