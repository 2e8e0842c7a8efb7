// Services shaped as OSCAR v4.1 returns them (secrets blanked, default MinIO keys "hidden").
import type { Service } from '../../../api/types';

const base = { isolation_level: 'SERVICE', script: '#!/bin/sh\necho hi\n' } as const;

export const fish: Service = {
  ...base,
  name: 'fish-detector',
  image: 'ghcr.io/grycap/fish-detector-zip:1.0.0',
  cpu: '1.0',
  memory: '3Gi',
  owner: 'alice@egi.eu',
  visibility: 'public',
  log_level: 'DEBUG',
  input: [{ storage_provider: 'minio.default', path: 'fish/input', suffix: ['.zip'] }],
  output: [{ storage_provider: 'minio.default', path: 'fish/output' }],
  deployment: { state: 'Ready', active_instances: 1 },
};

export const cowsay: Service = {
  ...base,
  name: 'cowsay',
  image: 'ghcr.io/grycap/cowsay',
  cpu: '0.5',
  memory: '256Mi',
  owner: 'cluster_admin',
  visibility: 'private',
};

export const nginx: Service = {
  ...base,
  name: 'nginx',
  image: 'nginx',
  cpu: '1.0',
  memory: '2Gi',
  owner: 'bob@egi.eu',
  visibility: 'private',
  expose: { api_port: [80], min_scale: 1, max_scale: 10, cpu_threshold: 50, auth_type: 'basic', health_path: '/', probe_mode: 'legacy', rewrite_target: false },
  deployment: { state: 'Pending' },
};

export const magick: Service = {
  ...base,
  name: 'imagemagick',
  image: 'ghcr.io/grycap/imagemagick',
  cpu: '250m',
  memory: '512Mi',
  owner: 'alice@egi.eu',
  visibility: 'restricted',
  allowed_users: ['bob@egi.eu'],
  input: [{ storage_provider: 'minio', path: 'magick-in' }],
  output: [{ storage_provider: 'minio.default', path: 'magick-out/results' }],
  deployment: { state: 'Ready' },
};

export const ALL: Service[] = [fish, cowsay, nginx, magick];
