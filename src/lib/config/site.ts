// Who the site is for and who runs it, from config.json: community branding chosen by the page's origin or
// the cluster's (the OSCAR Dashboard's AI4EOSC and iMagine logos, PARITY L5), and the operator named on the
// terms of use and privacy pages. Checked by hand, like the providers: the header reads it on first visit.
import { useQuery } from '@tanstack/react-query';
import { assetUrl } from '../deploy/mode';
import { loadConfigFile } from './config-file';

export interface Community {
  id: string;
  /** Its name as the community writes it ("AI4EOSC", "iMagine"). */
  name: string;
  /** The logo's address: a file next to index.html ("branding/ai4eosc.svg") or a full URL. */
  logo?: string;
  /** The community's site, where the logo links. */
  url?: string;
  /** The origins it brands: OSCAR clusters that embed Lagoon, or sites that host it for them. */
  origins: string[];
}

export interface Operator {
  name: string;
  /** An e-mail address or a web address to ask about one's data. */
  contact: string;
  address?: string;
  jurisdiction?: string;
}

export interface SiteConfig {
  communities: Community[];
  operator: Operator | null;
  /** Documents of the operator's own that replace Lagoon's pages, when set. */
  termsUrl?: string;
  privacyUrl?: string;
}

const text = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** An origin as the browser writes it ("https://host[:port]"), or null for anything that is not an http(s) URL. */
function originOf(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const u = new URL(url);
  return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
}

function parseCommunity(entry: unknown): Community | null {
  const o = record(entry);
  if (!o || !text(o.id) || !text(o.name) || !Array.isArray(o.origins)) return null;
  const origins = o.origins.filter(text).map(originOf).filter((x): x is string => x !== null);
  if (origins.length === 0) return null;
  const out: Community = { id: o.id, name: o.name, origins };
  if (text(o.logo)) out.logo = o.logo;
  if (text(o.url) && originOf(o.url)) out.url = o.url;
  return out;
}

export function parseSiteConfig(raw: unknown): SiteConfig {
  const o = record(raw) ?? {};
  const communities = Array.isArray(o.communities) ? o.communities.map(parseCommunity).filter((c): c is Community => c !== null) : [];
  const op = record(o.operator);
  const operator: Operator | null =
    op && text(op.name) && text(op.contact)
      ? { name: op.name, contact: op.contact, ...(text(op.address) ? { address: op.address } : {}), ...(text(op.jurisdiction) ? { jurisdiction: op.jurisdiction } : {}) }
      : null;
  const out: SiteConfig = { communities, operator };
  if (text(o.termsUrl) && originOf(o.termsUrl)) out.termsUrl = o.termsUrl;
  if (text(o.privacyUrl) && originOf(o.privacyUrl)) out.privacyUrl = o.privacyUrl;
  return out;
}

/**
 * The community whose origins include the first of `urls` that one lists: the page's own origin first
 * (a community's cluster embedding Lagoon, or its own hosted copy), then the cluster the user works on.
 */
export function communityFor(communities: readonly Community[], urls: readonly (string | null | undefined)[]): Community | null {
  for (const url of urls) {
    const origin = url ? originOf(url) : null;
    if (!origin) continue;
    const hit = communities.find((c) => c.origins.includes(origin));
    if (hit) return hit;
  }
  return null;
}

/** A logo's address: next to index.html unless it is a full URL. */
export function logoUrl(logo: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(logo) ? logo : assetUrl(logo.replace(/^\/+/, ''));
}

async function loadSiteConfig(): Promise<SiteConfig> {
  const file = await loadConfigFile();
  return parseSiteConfig(file.ok ? file.raw : null);
}

/** The site's settings; empty (no branding, no operator) while loading or when config.json is unreadable. */
export function useSiteConfig(): SiteConfig {
  const q = useQuery({ queryKey: ['config', 'site'], queryFn: loadSiteConfig, staleTime: Infinity });
  return q.data ?? { communities: [], operator: null };
}
