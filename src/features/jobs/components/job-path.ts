/** The job's own page: its log and its full trace from file to result. */
export function jobPath(j: { service: string; name: string }): string {
  return `/jobs/${encodeURIComponent(j.service)}/${encodeURIComponent(j.name)}`;
}
