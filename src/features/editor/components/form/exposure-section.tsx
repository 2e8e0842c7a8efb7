import { ListField } from './collection-fields';
import { NumberField, TextField } from './fields';
import { CheckField, SelectField } from './choice-fields';
import { useForm } from './form-context';
import { Row, Section } from './section';

/** `expose`: the service runs all the time behind its own URL (a web app, a model server). */
export function ExposureSection() {
  const { service, setField, readOnly } = useForm();
  const exposed = service.expose !== undefined;
  return (
    <Section
      title="Exposed service and scaling"
      description="Run continuously behind a URL, and how many copies run for synchronous calls"
      defaultOpen={exposed || service.synchronous !== undefined}
      paths={[['expose'], ['synchronous']]}
    >
      <div className="flex items-start gap-2">
        <input
          id="expose-toggle"
          type="checkbox"
          className="mt-0.5 size-4 accent-accent"
          checked={exposed}
          disabled={readOnly}
          aria-describedby="expose-toggle-hint"
          onChange={(e) => setField(['expose'], e.target.checked ? { api_port: [8080], min_scale: 1, max_scale: 1 } : undefined)}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="expose-toggle" className="text-sm font-medium">
            Expose the service at its own URL
          </label>
          <p id="expose-toggle-hint" className="text-xs text-muted">
            For web apps and model servers that listen on a port (Jupyter, a REST API). OSCAR keeps them running.
          </p>
        </div>
      </div>
      {exposed && (
        <>
          <Row cols={3}>
            <ListField path={['expose', 'api_port']} label="Ports the container listens on" numbers placeholder="8080" hint="Comma-separated port numbers." />
            <NumberField path={['expose', 'min_scale']} label="Minimum copies" placeholder="1" />
            <NumberField path={['expose', 'max_scale']} label="Maximum copies" placeholder="10" />
          </Row>
          <Row cols={3}>
            <NumberField path={['expose', 'cpu_threshold']} label="Scale up above CPU %" placeholder="80" />
            <TextField path={['expose', 'health_path']} label="Health check path" mono placeholder="/" />
            <SelectField
              path={['expose', 'probe_mode']}
              label="Health probe"
              emptyLabel="Default (legacy)"
              options={[
                { value: 'legacy', label: 'legacy' },
                { value: 'http', label: 'http' },
                { value: 'tcp', label: 'tcp' },
                { value: 'none', label: 'none' },
              ]}
            />
          </Row>
          <Row cols={3}>
            <TextField path={['expose', 'auth_type']} label="Authentication type" mono placeholder="basic" />
            <ListField path={['expose', 'nodePort']} label="Node ports" numbers placeholder="30080" />
          </Row>
          <Row cols={3}>
            <CheckField path={['expose', 'set_auth']} label="Protect the URL with a password" />
            <CheckField path={['expose', 'rewrite_target']} label="Strip the service prefix from request paths" />
            <CheckField path={['expose', 'default_command']} label="Run the image's own command instead of the script" />
          </Row>
        </>
      )}
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Synchronous calls</legend>
        <p className="text-xs text-muted">Copies kept for direct calls (oscar-cli service run, /run). 0 means no minimum and no limit.</p>
        <Row>
          <NumberField path={['synchronous', 'min_scale']} label="Minimum copies kept warm" placeholder="0" />
          <NumberField path={['synchronous', 'max_scale']} label="Maximum copies" placeholder="0" />
        </Row>
      </fieldset>
    </Section>
  );
}
