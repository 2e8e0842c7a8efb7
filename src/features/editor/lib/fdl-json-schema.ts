// A JSON schema of an FDL file for Monaco's YAML completion and hovers, derived from the one zod
// service schema (z.toJSONSchema) and wrapped in the FDL's functions: oscar: - <cluster-id>: shape.
// Validation messages do not come from here: the editor shows the zod schema's own words.
import * as z from 'zod';
import { LOG_LEVELS, VISIBILITIES, serviceSchema, storageProvidersSchema, clustersSchema } from '../../../lib/fdl/service-schema';

type Json = Record<string, unknown>;

const DESCRIPTIONS: Record<string, string> = {
  name: 'Service name: lowercase letters, digits and hyphens, at most 39 characters.',
  image: 'Container image the script runs in, e.g. ghcr.io/grycap/cowsay.',
  script: 'File with the shell script OSCAR runs for every invocation (beside this FDL).',
  cpu: 'CPU cores per run: 0.5, 1, 500m… (default 0.2).',
  memory: 'Memory per run: 512Mi, 2Gi… (default 256Mi).',
  log_level: 'Supervisor log level: DEBUG, INFO, WARNING, ERROR, CRITICAL.',
  enable_gpu: 'Ask for a GPU for each run.',
  environment: 'Environment of the script: Variables (plain) and secrets.',
  input: 'Storage paths whose uploads start asynchronous runs.',
  output: 'Storage paths where the files the script writes to TMP_OUTPUT_DIR go.',
  mount: 'A bucket mounted as a folder inside the container.',
  storage_providers: 'Extra storage: minio, s3, onedata, webdav, rucio, each by id.',
  expose: 'Run continuously behind its own URL (web apps, model servers).',
  api_port: 'Ports the container listens on (a list).',
  min_scale: 'Minimum number of copies.',
  max_scale: 'Maximum number of copies.',
  synchronous: 'Copies kept for synchronous calls.',
  visibility: 'private, restricted (with allowed_users) or public.',
  allowed_users: 'EGI user ids that may use a restricted service.',
  isolation_level: 'SERVICE (shared buckets) or USER (a bucket per allowed user).',
  volume: 'A persistent volume mounted in every run.',
  federation: 'Other clusters or endpoints that take jobs (OSCAR 4.1).',
  replicas: 'Replicas before OSCAR 4.1; newer clusters read federation.members.',
  kserve: 'Serve a model with KServe.',
  image_pull_secrets: 'Kubernetes secrets for a private registry.',
  labels: 'Kubernetes labels for each job.',
  annotations: 'Kubernetes annotations for each job.',
  alpine: 'The image is based on Alpine Linux.',
  interlink_node_name: 'Run on a remote node through interLink.',
  total_cpu: 'CPU for all runs together (needs YuniKorn).',
  total_memory: 'Memory for all runs together (needs YuniKorn).',
  vo: 'Virtual organisation the service belongs to.',
  clusters: 'Clusters that federation members refer to, by id.',
};

function describe(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(describe);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) out[k] = describe(v);
  const props = out.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      if (DESCRIPTIONS[key] && prop && typeof prop === 'object' && !prop.description) prop.description = DESCRIPTIONS[key];
    }
  }
  return out;
}

let cached: Json | null = null;

export function fdlJsonSchema(): Json {
  if (cached) return cached;
  const opts = { io: 'input', unrepresentable: 'any' } as const;
  const service = describe(z.toJSONSchema(serviceSchema, opts)) as Json;
  delete service.$schema;
  const props = (service.properties ?? {}) as Record<string, Json>;
  // FDL spellings the API does not have: Variables next to variables, one port for a list.
  const env = props.environment;
  const envProps = env?.properties as Record<string, Json> | undefined;
  if (envProps?.variables) envProps.Variables = envProps.variables;
  const exposeProps = props.expose?.properties as Record<string, Json> | undefined;
  if (exposeProps?.api_port) exposeProps.api_port = { anyOf: [exposeProps.api_port, { type: 'integer' }], description: DESCRIPTIONS.api_port };
  for (const key of ['token', 'owner', 'namespace', 'bucket_list', 'cluster_id']) delete props[key];
  // Values to offer in completion (validation stays with zod, which also accepts other spellings).
  if (props.log_level) props.log_level.enum = [...LOG_LEVELS];
  if (props.visibility) props.visibility.enum = [...VISIBILITIES];
  if (props.isolation_level) props.isolation_level.enum = ['SERVICE', 'USER'];
  const providers = z.toJSONSchema(storageProvidersSchema, opts) as Json;
  const clusters = z.toJSONSchema(clustersSchema, opts) as Json;
  delete providers.$schema;
  delete clusters.$schema;
  cached = {
    type: 'object',
    description: 'OSCAR FDL file (oscar-cli)',
    required: ['functions'],
    properties: {
      functions: {
        type: 'object',
        properties: {
          oscar: {
            type: 'array',
            description: 'Services, each under the id of the cluster it goes to: - oscar-cluster: {name: …}',
            items: { type: 'object', additionalProperties: service },
          },
        },
      },
      storage_providers: { ...providers, description: DESCRIPTIONS.storage_providers },
      clusters: { ...clusters, description: DESCRIPTIONS.clusters },
    },
  };
  return cached;
}
