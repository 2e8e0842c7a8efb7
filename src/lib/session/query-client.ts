// The one react-query client: retries only what may pass (never a 4xx), and how long answers stay fresh.
import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A 4xx will not change by asking again; network errors and 5xx get two more tries.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});
