import type { Service } from '../../../../api/types';
import { Badge } from '../../../../components/badge';
import { Section } from '../../../../components/section';
import { SecretValue } from '../../../../components/secret-value';

export function EnvironmentSection({ service: s }: { service: Service }) {
  const vars = Object.entries(s.environment?.variables ?? {});
  const secrets = Object.entries(s.environment?.secrets ?? {});
  return (
    <Section title="Environment" description="Variables set in the container when the script runs.">
      {vars.length === 0 && secrets.length === 0 ? (
        <p className="text-sm text-muted italic">No environment variables.</p>
      ) : (
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">Environment variables and secrets</caption>
          <thead>
            <tr className="text-left text-muted">
              <th scope="col" className="w-2/5 pb-2 font-medium">
                Name
              </th>
              <th scope="col" className="pb-2 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {vars.map(([k, v]) => (
              <tr key={`v-${k}`} className="border-t border-line align-top">
                <th scope="row" className="py-1.5 pr-3 text-left font-mono font-normal break-all">
                  {k}
                </th>
                <td className="py-1.5 font-mono break-all whitespace-pre-wrap">{v}</td>
              </tr>
            ))}
            {secrets.map(([k, v]) => (
              <tr key={`s-${k}`} className="border-t border-line align-top">
                <th scope="row" className="py-1.5 pr-3 text-left font-mono font-normal break-all">
                  {k} <Badge tone="warn">secret</Badge>
                </th>
                <td className="py-1.5">
                  {/* OSCAR blanks secret values in its answers; what matters is that the secret is set. */}
                  <SecretValue value={v} label={`secret ${k}`} blankText="Set (the cluster never shows its value)" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
