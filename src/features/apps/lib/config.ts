// config.json's `apps` section: where each app's FDL template and script are fetched from. By default the
// raw GitHub files the OSCAR Dashboard reads; a site can point them at its own copies (a fork, a mirror).
// The hosted nginx CSP lets the page reach every URL origin in config.json (deploy/docker-entrypoint.sh),
// so a template source named here is reachable there too.
import { z } from 'zod';
import { APPS, type AppDef, type AppId } from './apps';

export interface TemplateSource {
  fdl: string;
  script: string;
}

export type AppsConfig = Record<AppId, TemplateSource>;

const url = z.url({ protocol: /^https?$/ });
const source = z.object({ fdl: url, script: url });
const section = z.object({
  notebooks: source.optional(),
  flows: source.optional(),
  terminals: source.optional(),
  'file-browsers': source.optional(),
});

export function defaultSource(app: AppDef): TemplateSource {
  return { fdl: `${app.repo}${app.fdlFile}`, script: `${app.repo}${app.scriptFile}` };
}

/**
 * The template sources from the whole config.json. An app the section leaves out keeps its default; a
 * section that is not valid is reported in `problem` and the defaults are used for every app.
 */
export function parseAppsConfig(raw: unknown): { config: AppsConfig; problem?: string } {
  const config = Object.fromEntries(APPS.map((a) => [a.id, defaultSource(a)])) as AppsConfig;
  const apps = raw && typeof raw === 'object' ? (raw as { apps?: unknown }).apps : undefined;
  if (apps === undefined) return { config };
  const parsed = section.safeParse(apps);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { config, problem: `config.json "apps"${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'not valid'}` };
  }
  for (const a of APPS) {
    const s = parsed.data[a.id];
    if (s) config[a.id] = s;
  }
  return { config };
}
