// /system/volumes: OSCAR-managed persistent volumes in the caller's namespace.
import { http } from 'msw';
import type { Cluster } from '../cluster';
import { empty, json, readJson, system } from './common';

type VolumeParams = { volumeName: string };

export function volumeHandlers(cluster: Cluster, base: string) {
  return [
    http.get(`${base}/system/volumes`, system(cluster, ({ principal }) => json(cluster.listVolumes(principal)))),
    http.post(
      `${base}/system/volumes`,
      system(cluster, async ({ principal, request }) => json(cluster.createVolume(principal, await readJson(request)), 201)),
    ),
    http.get(
      `${base}/system/volumes/:volumeName`,
      system<VolumeParams>(cluster, ({ principal, params }) =>
        json(cluster.volumeView(cluster.requireVolume(principal, params.volumeName))),
      ),
    ),
    http.delete(
      `${base}/system/volumes/:volumeName`,
      system<VolumeParams>(cluster, ({ principal, params }) => {
        cluster.deleteVolume(principal, params.volumeName);
        return empty(204);
      }),
    ),
  ];
}
