import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isUnauthenticated } from './client.js';

/**
 * The app's query client. A 401 anywhere means the session ended (logout elsewhere, idle expiry): `onSignedOut`
 * sends the user to the login page. Not-found and forbidden answers are not retried: they will not change.
 */
export function createQueryClient(onSignedOut: () => void): QueryClient {
  const onError = (e: unknown) => {
    if (isUnauthenticated(e)) onSignedOut();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (failures, e) => failures < 2 && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
      },
    },
  });
}
