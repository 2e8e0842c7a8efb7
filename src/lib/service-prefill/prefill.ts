// A service made elsewhere (an app's "New" form, a Hub crate) handed to the editor for review before
// it is created. It travels in the router's navigation state, never in the URL: it may hold secrets.
import type { Service } from '../../api/types';

/** What the editor edits: the service and its script's file name in the FDL. */
export interface PrefillValue {
  service: Service;
  scriptFileName: string;
  extras?: Record<string, unknown>;
}

export interface ServicePrefill {
  /** The service to create, with the user's choices applied. */
  value: PrefillValue;
  /** The template as published, so the review shows what the user's choices changed. */
  template?: PrefillValue;
  /** Where it came from, shown above the editor with a link back ("Notebooks", "Hub: Cowsay"). */
  source: { label: string; href: string };
  /** Where to go once created; `{name}` is replaced by the new service's name (URL-encoded). */
  afterCreate?: string;
  /** Open straight on the review step (the user can still go back to edit). */
  review?: boolean;
}

/** The navigation state that opens `/services/new` with this service. */
export function prefillState(prefill: ServicePrefill): { prefill: ServicePrefill } {
  return { prefill };
}

function isValue(v: unknown): v is PrefillValue {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return !!o.service && typeof o.service === 'object' && typeof o.scriptFileName === 'string';
}

/** The prefill in a navigation state, or null when there is none or it is not one. */
export function readPrefill(state: unknown): ServicePrefill | null {
  if (!state || typeof state !== 'object') return null;
  const p = (state as { prefill?: unknown }).prefill;
  if (!p || typeof p !== 'object') return null;
  const o = p as Record<string, unknown>;
  const source = o.source as { label?: unknown; href?: unknown } | undefined;
  if (!isValue(o.value) || !source || typeof source.label !== 'string' || typeof source.href !== 'string')
    return null;
  return {
    value: o.value,
    ...(isValue(o.template) ? { template: o.template } : {}),
    source: { label: source.label, href: source.href },
    ...(typeof o.afterCreate === 'string' ? { afterCreate: o.afterCreate } : {}),
    ...(o.review === true ? { review: true } : {}),
  };
}

/** The page to go to after creating `name`. */
export function afterCreatePath(
  prefill: Pick<ServicePrefill, 'afterCreate'> | null | undefined,
  name: string,
): string {
  const to = prefill?.afterCreate;
  return to ? to.replaceAll('{name}', encodeURIComponent(name)) : `/services/${encodeURIComponent(name)}`;
}
