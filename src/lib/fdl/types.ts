// Shapes of an OSCAR FDL (Functions Definition Language) file as oscar-cli reads it.

/** A service as written in the FDL (FDL spelling, script as a file path, unknown keys kept). */
export type FdlServiceBody = Record<string, unknown>;

export interface Fdl {
  functions: {
    /** Each entry maps cluster ids to a service; usually one cluster per entry. */
    oscar: Array<Record<string, FdlServiceBody>>;
    [key: string]: unknown;
  };
  /** kind (minio, s3, …) → provider id → settings; oscar-cli copies these into every service. */
  storage_providers?: Record<string, unknown>;
  /** cluster id → endpoint and credentials, for replicas and federation. */
  clusters?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface FdlService {
  clusterId: string;
  /** The FDL service as written. */
  service: FdlServiceBody;
}

export interface FdlIssue {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** Where in the file the problem is, as keys and list indexes from the top (functions, oscar, 0, …). */
  path?: (string | number)[];
}

export type ParseFdlResult =
  { ok: true; fdl: Fdl; services: FdlService[]; warnings: FdlIssue[] } | { ok: false; errors: FdlIssue[] };
