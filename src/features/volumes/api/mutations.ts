import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { volumeKeys } from '../../../lib/volumes/queries';

export function useCreateVolume() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; size: string }) => {
      await oscar.POST('/system/volumes', { body });
    },
    onSettled: () => qc.invalidateQueries({ queryKey: volumeKeys.all }),
  });
}

export interface DeleteVolumesOutcome {
  deleted: string[];
  failed: { name: string; message: string }[];
}

/** Deletes volumes one after another; each succeeds or fails on its own (an attached one is refused). */
export function useDeleteVolumes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (names: readonly string[]): Promise<DeleteVolumesOutcome> => {
      const out: DeleteVolumesOutcome = { deleted: [], failed: [] };
      for (const name of names) {
        try {
          await oscar.DELETE('/system/volumes/{volumeName}', { params: { path: { volumeName: name } } });
          out.deleted.push(name);
        } catch (e) {
          out.failed.push({ name, message: errorMessage(e) });
        }
      }
      return out;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: volumeKeys.all }),
  });
}
