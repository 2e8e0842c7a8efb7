// Creating (POST, 201 empty) and updating (PUT of the whole service, 204) a service. Afterwards
// every query under ['services'] is refreshed: the list, this service, its neighbours.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oscar } from '../../../api/client';
import { errorMessage, isApiError } from '../../../api/errors';
import type { Service } from '../../../api/types';
import { editorKeys } from './queries';

export interface ApplyRequest {
  kind: 'create' | 'update';
  body: Service;
}

export async function applyService({ kind, body }: ApplyRequest): Promise<void> {
  if (kind === 'create') await oscar.POST('/system/services', { body });
  else await oscar.PUT('/system/services', { body });
}

export function useApplyService() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: applyService,
    onSuccess: () => qc.invalidateQueries({ queryKey: editorKeys.all }),
  });
}

export interface CreateOutcome {
  name: string;
  ok: boolean;
  status?: number;
  message?: string;
}

/** Creates several services one after the other (import "create all"), reporting each result. */
export async function createAll(bodies: readonly Service[], onEach?: (o: CreateOutcome) => void): Promise<CreateOutcome[]> {
  const out: CreateOutcome[] = [];
  for (const body of bodies) {
    let outcome: CreateOutcome;
    try {
      await oscar.POST('/system/services', { body });
      outcome = { name: body.name, ok: true };
    } catch (e) {
      outcome = { name: body.name, ok: false, status: isApiError(e) ? e.status : 0, message: errorMessage(e) };
    }
    out.push(outcome);
    onEach?.(outcome);
  }
  return out;
}
