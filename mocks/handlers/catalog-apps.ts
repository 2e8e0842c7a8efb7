// The four research apps' templates as raw.githubusercontent.com serves them (not OSCAR: the apps'
// "New" forms fetch them, as the OSCAR Dashboard does). Answered from the copies in mocks/catalog/apps so
// no demo or test reaches the internet; faults apply here too (window.__lagoonDemo.fault with a path
// such as "/grycap/oscar-juno/*"). Only these four repositories: the Hub's live elsewhere.
import { http, HttpResponse } from 'msw';
import { applyFault } from '../faults';

export const RAW_GITHUB = 'https://raw.githubusercontent.com';

const FILES = import.meta.glob<string>('../catalog/apps/*/*.{yaml,yml,sh}', { query: '?raw', import: 'default', eager: true });

/** repository → the folder of its copy. */
const REPOS: Record<string, string> = {
  'oscar-juno': 'juno',
  'oscar-flows': 'flows',
  'oscar-terminal': 'terminal',
  'oscar-filebrowser': 'filebrowser',
};

/** The copy of `file` in `repo` at any branch of main (refs/heads/main/… or main/…), or undefined. */
export function appTemplateFile(repo: string, rest: string): string | undefined {
  const folder = REPOS[repo];
  const file = rest.replace(/^(refs\/heads\/)?main\//, '');
  if (!folder || file.includes('/')) return undefined;
  return FILES[`../catalog/apps/${folder}/${file}`];
}

export function catalogAppHandlers() {
  return Object.keys(REPOS).flatMap((repo) => {
    const base = `${RAW_GITHUB}/grycap/${repo}`;
    return [
      http.get(`${base}/*`, async ({ request }) => {
        const path = new URL(request.url).pathname;
        const faulted = await applyFault('GET', path);
        if (faulted) return faulted;
        const rest = path.slice(`/grycap/${repo}/`.length);
        const body = appTemplateFile(repo, rest);
        // raw.githubusercontent.com answers plain text, with CORS open to every origin.
        const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Access-Control-Allow-Origin': '*' };
        return body === undefined ? new HttpResponse('404: Not Found', { status: 404, headers }) : new HttpResponse(body, { headers });
      }),
    ];
  });
}
