// Secrets and what to send. OSCAR never returns secret values (GET blanks them), and it rewrites a
// service's whole Kubernetes Secret from the body whenever the body lists secrets, so a PUT that
// carries the blanked values wipes them (pkg/handlers/update.go; ../shared/oscar-api/NOTES.md).
// The editor therefore leaves `environment.secrets` out of a PUT when no secret was touched, and
// when one was, says plainly which untouched secrets the update would clear.
import type { Service } from '../../../api/types';
import type { ServiceIssue } from '../../../lib/fdl/service-schema';
import { clone, type EditorValue, type ServerFields } from './editor-value';

/** How the YAML tab shows a secret whose value stays as it is on the cluster. */
export const UNCHANGED_SECRET = '<unchanged>';

export interface SecretPlan {
  /** On the cluster and not touched: kept as they are (when nothing else changes). */
  unchanged: string[];
  /** On the cluster, given a new value. */
  changed: string[];
  /** New keys with a value. */
  added: string[];
  /** On the cluster, removed in the editor. */
  removed: string[];
  /** New keys without a value yet: the user must type one. */
  missing: string[];
  /** Whether the request carries environment.secrets. */
  send: boolean;
  /** Untouched secrets that this update would clear, because another secret changed. */
  clearing: string[];
}

export function currentSecrets(service: Service): Record<string, string> {
  return service.environment?.secrets ?? {};
}

/**
 * `baseline` is the list of secret keys on the cluster (null when creating). A baseline key whose
 * value is empty is untouched: its real value is on the cluster only.
 */
export function planSecrets(service: Service, baseline: readonly string[] | null): SecretPlan {
  const secrets = currentSecrets(service);
  const base = new Set(baseline ?? []);
  const plan: SecretPlan = { unchanged: [], changed: [], added: [], removed: [], missing: [], send: false, clearing: [] };
  for (const [key, value] of Object.entries(secrets)) {
    if (base.has(key)) (value === '' ? plan.unchanged : plan.changed).push(key);
    else (value === '' ? plan.missing : plan.added).push(key);
  }
  for (const key of base) if (!(key in secrets)) plan.removed.push(key);
  if (baseline === null) {
    plan.send = Object.keys(secrets).length > 0;
    return plan;
  }
  const touched = plan.changed.length + plan.added.length + plan.removed.length > 0;
  // With no secret listed OSCAR leaves the stored ones alone, which is also all an update can do
  // when every secret was removed.
  plan.send = touched && Object.keys(secrets).length > 0;
  if (plan.send) plan.clearing = [...plan.unchanged];
  return plan;
}

/** Problems to show next to secret rows before anything is sent. */
export function secretIssues(service: Service, baseline: readonly string[] | null): ServiceIssue[] {
  return planSecrets(service, baseline).missing.map((key) => ({
    path: ['environment', 'secrets', key],
    kind: 'missing' as const,
    message: `secret ${key} has no value; type it (OSCAR never shows secret values, so a copied or imported service needs them typed again)`,
  }));
}

export type ApplyMode = { kind: 'create' } | { kind: 'update'; baselineSecrets: readonly string[]; server: ServerFields };

/** The body for POST (create) or PUT (update), and what happens to the secrets. */
export function requestBody(value: EditorValue, mode: ApplyMode): { body: Service; plan: SecretPlan } {
  const body = clone(value.service);
  const plan = planSecrets(body, mode.kind === 'create' ? null : mode.baselineSecrets);
  if (mode.kind === 'update') {
    // PUT takes the whole service; the fields OSCAR manages go back as they came.
    Object.assign(body, mode.server);
  }
  if (!plan.send && body.environment) {
    delete body.environment.secrets;
    if (Object.keys(body.environment).length === 0) delete body.environment;
  }
  return { body, plan };
}
