// The four research apps the OSCAR Dashboard offers (PARITY A1–A5): services made from a published FDL
// template, found again by a label, opened at their exposed URL. What each one is, in one table.

export type AppId = 'notebooks' | 'flows' | 'terminals' | 'file-browsers';

export interface AppDef {
  id: AppId;
  /** The page's title and the nav entry. */
  title: string;
  /** One of them, in a sentence ("a notebook"). */
  one: string;
  /** The label OSCAR services of this app carry (value "true"), as the dashboard sets it. */
  label: 'jupyter_notebook' | 'node_red' | 'terminal' | 'filebrowser';
  /** Generated names start with this. */
  prefix: string;
  /** What it is, for the empty page. */
  about: string;
  cpu: string;
  memory: { amount: string; unit: 'Mi' | 'Gi' };
  /** Where its template comes from by default: the raw GitHub files the OSCAR Dashboard reads. */
  repo: string;
  fdlFile: string;
  scriptFile: string;
}

const raw = (repo: string) => `https://raw.githubusercontent.com/grycap/${repo}/refs/heads/main/`;

export const APPS: readonly AppDef[] = [
  {
    id: 'notebooks',
    title: 'Notebooks',
    one: 'notebook',
    label: 'jupyter_notebook',
    prefix: 'juno',
    about: 'JupyterLab (JUNO) running as your own OSCAR service, with a folder kept in a bucket or a volume. The full image adds Elyra pipelines and ApricotLab.',
    cpu: '1.0',
    memory: { amount: '2', unit: 'Gi' },
    repo: raw('oscar-juno'),
    fdlFile: 'juno.yaml',
    scriptFile: 'script.sh',
  },
  {
    id: 'flows',
    title: 'Flows',
    one: 'flow editor',
    label: 'node_red',
    prefix: 'flows',
    about: 'Node-RED flows (OSCAR Flows) to wire services together in the browser, with an admin password you choose.',
    cpu: '1.0',
    memory: { amount: '2', unit: 'Gi' },
    repo: raw('oscar-flows'),
    fdlFile: 'flows.yaml',
    scriptFile: 'script.sh',
  },
  {
    id: 'terminals',
    title: 'Terminals',
    one: 'terminal',
    label: 'terminal',
    prefix: 'terminal',
    about: 'A shell in the browser (ghostty-web) inside the cluster, with oscar-cli set up for your account when your login has a refresh token.',
    cpu: '1.0',
    memory: { amount: '1', unit: 'Gi' },
    repo: raw('oscar-terminal'),
    fdlFile: 'fdl.yml',
    scriptFile: 'script.sh',
  },
  {
    id: 'file-browsers',
    title: 'File browsers',
    one: 'file browser',
    label: 'filebrowser',
    prefix: 'filebrowser',
    about: 'FileBrowser Quantum over a volume or a bucket: browse, upload and share files, signed in for you when you open it.',
    cpu: '0.5',
    memory: { amount: '512', unit: 'Mi' },
    repo: raw('oscar-filebrowser'),
    fdlFile: 'fdl.yml',
    scriptFile: 'script.sh',
  },
];

export function appById(id: string | undefined): AppDef | undefined {
  return APPS.find((a) => a.id === id);
}

/** A service of this app: it carries the app's label set to "true". */
export function isAppService(app: Pick<AppDef, 'label'>, s: { labels?: Record<string, string> | undefined }): boolean {
  return s.labels?.[app.label] === 'true';
}
