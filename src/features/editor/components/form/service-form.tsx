// The form tab: every field of the service, in groups, with a summary of what needs fixing.
import type { ServiceIssue } from '../../../../lib/fdl/service-schema';
import type { SecretPlan } from '../../lib/secrets';
import { AccessSection } from './access-section';
import { AdvancedSection } from './advanced-section';
import { BasicsSection } from './basics-section';
import { EnvironmentSection } from './environment-section';
import { ExposureSection } from './exposure-section';
import { FederationSection } from './federation-section';
import { fieldId, FormContext, type FormContextValue } from './form-context';
import { KserveSection } from './kserve-section';
import { ProvidersSection } from './providers-section';
import { ScriptSection } from './script-section';
import { StorageSection } from './storage-section';
import { VolumeSection } from './volume-section';

/** Focuses the field an issue is about, or the closest enclosing one that is on the page. */
export function focusIssue(issue: ServiceIssue): void {
  for (let n = issue.path.length; n > 0; n--) {
    const el = document.getElementById(fieldId(issue.path.slice(0, n)));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

export function ErrorSummary({ issues }: { issues: ServiceIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div role="group" aria-labelledby="form-problems" className="rounded-lg border border-danger/40 bg-danger-soft px-4 py-3">
      <h2 id="form-problems" className="text-sm font-semibold text-danger">
        {issues.length === 1 ? '1 thing to fix before applying' : `${issues.length} things to fix before applying`}
      </h2>
      <ul className="mt-1 flex list-disc flex-col gap-0.5 pl-5 text-sm">
        {issues.slice(0, 12).map((i) => (
          <li key={`${i.path.join('.')}|${i.message}`}>
            <button type="button" className="text-left underline underline-offset-2" onClick={() => focusIssue(i)}>
              {i.message}
            </button>
          </li>
        ))}
        {issues.length > 12 && <li>…and {issues.length - 12} more.</li>}
      </ul>
    </div>
  );
}

export function ServiceForm({
  ctx,
  plan,
  scriptFileName,
  onRenameScript,
  onScriptFile,
}: {
  ctx: FormContextValue;
  plan: SecretPlan;
  scriptFileName: string;
  onRenameScript: (name: string) => void;
  onScriptFile: (name: string, content: string) => void;
}) {
  return (
    <FormContext value={ctx}>
      <div className="flex flex-col gap-4">
        <BasicsSection />
        <ScriptSection scriptFileName={scriptFileName} onRename={onRenameScript} onScriptFile={onScriptFile} />
        <EnvironmentSection plan={plan} />
        <StorageSection />
        <ProvidersSection />
        <ExposureSection />
        <AccessSection />
        <VolumeSection />
        <FederationSection />
        <KserveSection />
        <AdvancedSection />
      </div>
    </FormContext>
  );
}
