// Friendly names for the generated OSCAR schema types (src/api/schema.ts, from ../shared/oscar-api/swagger.yaml).
import type { components } from './schema';

type S = components['schemas'];
export type Service = S['types.Service'];
export type StorageIOConfig = S['types.StorageIOConfig'];
export type StorageProviders = S['types.StorageProviders'];
export type Expose = S['types.Expose'];
export type Info = S['types.Info'];
export type ConfigForUser = S['types.ConfigForUser'];
export type StatusInfo = S['types.StatusInfo'];
export type JobInfo = S['types.JobInfo'];
export type JobsResponse = S['types.JobsResponse'];
export type MinIOBucket = S['utils.MinIOBucket'];
export type MinIOObject = S['utils.MinIOObject'];
export type BucketListResponse = S['buckets.BucketListResponse'];
export type PresignRequest = S['buckets.PresignRequest'];
export type PresignResponse = S['buckets.PresignResponse'];
export type MetricsSummaryResponse = S['types.MetricsSummaryResponse'];
export type MetricsBreakdownResponse = S['types.MetricsBreakdownResponse'];
export type ServiceMetricsResponse = S['types.ServiceMetricsResponse'];
export type MetricValueResponse = S['types.MetricValueResponse'];
export type ServiceDeploymentStatus = S['types.ServiceDeploymentStatus'];
export type DeploymentLogStream = S['types.DeploymentLogStream'];
export type QuotaResponse = S['types.QuotaResponse'];
export type ManagedVolume = S['types.ManagedVolume'];
export type FederationResponse = S['types.FederationResponse'];
export type SourceStatus = S['types.SourceStatus'];
