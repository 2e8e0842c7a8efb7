// Deleting one job, shared by the jobs pages and the batch board's cancel.
import { oscar } from '../../api/client';

/** Deletes one job and its pod (`DELETE /system/logs/{service}/{job}`, with the session's credentials). */
export async function deleteJob(service: string, job: string): Promise<void> {
  await oscar.DELETE('/system/logs/{serviceName}/{jobName}', { params: { path: { serviceName: service, jobName: job } } });
}
