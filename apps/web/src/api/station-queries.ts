import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, postJson } from './http-client.ts';
import { queryKeys } from './queries.ts';
import { SIGN_IN_META } from './session-queries.ts';
import type { PairedStation, PairedDevice } from '@atelier/contracts';

/**
 * Which registered station this browser is (its httpOnly device cookie decides), null when it is
 * none: then the station tab offers to pair it. On the embedded demo the API pairs it on the spot.
 */
export function useThisStation() {
  return useQuery({
    queryKey: queryKeys.thisStation,
    queryFn: async ({ signal }) =>
      (await getJson<{ station: PairedStation | null }>('/auth/station', undefined, signal)).station,
    staleTime: 5 * 60_000,
  });
}

/** `POST /stations/pair`: makes this tablet the station whose one-time code an admin gave. */
export function usePairStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => postJson<PairedDevice>('/stations/pair', { code }),
    onSuccess: (result) => client.setQueryData(queryKeys.thisStation, result.station),
    // A 401 here is a wrong code, not a lost session.
    meta: SIGN_IN_META,
  });
}
