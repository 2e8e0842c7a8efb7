// How each app opens once it answers, and where its secret goes (docs/decisions/010-apps.md):
// - Notebooks: Jupyter Server's login form, POSTed in the new tab with the token as the password, when
//   Lagoon is on the notebook's own origin (OSCAR's /ui/ with path routes): Jupyter checks an _xsrf
//   cookie against the form's field, and only a page of that origin can set the cookie. From another
//   origin there is no such way, so the token goes in the address (?token=), and the dialog says so.
// - Terminals: ghostty-web takes the service token only as ?token=: said plainly too.
// - File browsers: PARITY A4, a short-lived HS256 JWT signed with the service token (Web Crypto) sent to
//   FileBrowser's api/auth/renew, then its files/ page: nothing secret in the address.
// - Flows: Node-RED asks for its admin password itself.
import type { Service } from '../../../api/types';
import type { Launcher, LaunchResult } from '../../../components/open-exposed-dialog';
import { openTab } from '../../../components/open-exposed-dialog';
import { fileBrowserClaims, signHs256 } from '../../../lib/jwt/hs256';
import { placeholderValue } from '../../../lib/exposed/url';
import type { AppDef } from './apps';
import { randomToken } from './token';

/** What the open dialog needs to know of the target. */
export interface OpenTarget {
  /** The service's root, ending in "/". */
  base: string;
  /** The address with the app's token placeholders filled (?token=…), for when nothing better works. */
  url: string;
}

/**
 * Posts `fields` to `action` in a new tab, which is not left this page as its opener. The opener is cut
 * only after the form is sent: by the HTML standard's rule a page is "familiar with" an auxiliary tab
 * through being its opener, so once cut the form's target name may no longer find the tab, and the form
 * would go to yet another new tab that keeps the opener. (Chromium finds it either way.)
 */
export function postInNewTab(action: string, fields: Record<string, string>, doc: Document = document): boolean {
  const name = `lagoon-${randomToken(12)}`;
  const w = window.open('about:blank', name);
  if (!w) return false;
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = action;
  form.target = name;
  form.hidden = true;
  for (const [k, v] of Object.entries(fields)) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = k;
    input.value = v;
    form.append(input);
  }
  doc.body.append(form);
  form.submit();
  form.remove();
  w.opener = null;
  return true;
}

const tab = (ok: boolean): LaunchResult => (ok ? { kind: 'opened' } : { kind: 'blocked' });

function jupyterLauncher(s: Service, t: OpenTarget, pageOrigin: string): Launcher {
  const token = placeholderValue(s, 'env', 'JUPYTER_TOKEN');
  const sameOrigin = new URL(t.base).origin === pageOrigin;
  if (!token) return { open: async () => tab(openTab(t.base)), note: 'The cluster did not send the notebook’s token: Jupyter will ask for it.' };
  if (sameOrigin) {
    return {
      note: 'The token goes to Jupyter’s login form in the new tab, not in the address.',
      open: async () => {
        const path = new URL(t.base).pathname;
        const xsrf = randomToken(32);
        // Tornado compares the form's _xsrf with the cookie; a plain value is a valid (version 1) token.
        document.cookie = `_xsrf=${xsrf}; path=${path}; SameSite=Strict${location.protocol === 'https:' ? '; Secure' : ''}`;
        return tab(postInNewTab(`${t.base}login?next=${encodeURIComponent(`${path}lab`)}`, { password: token, _xsrf: xsrf }));
      },
    };
  }
  return {
    note: 'Jupyter takes the token in the address here (?token=…): Lagoon runs on another site than the notebook, so it cannot use Jupyter’s login form. The address, token included, stays in this browser’s history.',
    open: async () => tab(openTab(t.url)),
  };
}

function fileBrowserLauncher(s: Service, t: OpenTarget): Launcher {
  return {
    note: 'Lagoon signs you in with a token valid for five minutes, sent to the file browser (not in the address).',
    open: async () => {
      const secret = placeholderValue(s, 'service', 'token');
      if (!secret) return { kind: 'refused', message: 'The cluster did not send the service’s token, so Lagoon cannot sign you in: the file browser will ask for its admin password.' };
      const sub = s.environment?.variables?.FILEBROWSER_JWT_SUB || 'user';
      const jwt = await signHs256(fileBrowserClaims(sub, Math.floor(Date.now() / 1000)), secret);
      let res: Response;
      try {
        res = await fetch(`${t.base}api/auth/renew?jwt=${encodeURIComponent(jwt)}`, { method: 'POST', credentials: 'include' });
      } catch (e) {
        return { kind: 'refused', message: `The file browser could not be reached to sign you in (${e instanceof Error ? e.message : String(e)}).` };
      }
      if (!res.ok) return { kind: 'refused', message: `The file browser refused the sign-in: HTTP ${res.status}. ${(await res.text().catch(() => '')).slice(0, 200)}`.trim() };
      return tab(openTab(`${t.base}files/`));
    },
  };
}

/** The launcher for a service of `app`. */
export function launcherFor(app: AppDef, s: Service, t: OpenTarget, pageOrigin = location.origin): Launcher {
  switch (app.id) {
    case 'notebooks':
      return jupyterLauncher(s, t, pageOrigin);
    case 'file-browsers':
      return fileBrowserLauncher(s, t);
    case 'terminals':
      return {
        note: 'The terminal takes the service token only in the address (?token=…): it stays in this browser’s history.',
        open: async () => tab(openTab(t.url)),
      };
    case 'flows':
      return { note: 'Node-RED asks for the admin password you chose.', open: async () => tab(openTab(t.base)) };
  }
}
