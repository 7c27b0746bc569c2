import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { StationView, stationWithPairingCodeSchema } from '@atelier/contracts';
import type { z } from 'zod';
import { sendCommand } from '../../../api/http-client.ts';
import { fetchAllPages } from './fetch-all-pages.ts';
import { adminKeys } from './keys.ts';

/** A station with a one-time pairing code, shown only in the answer that opened it. */
export type StationPairing = z.infer<typeof stationWithPairingCodeSchema>;

/** The registered stations. */
export function useStations() {
  return useQuery({
    queryKey: adminKeys.stations(),
    queryFn: ({ signal }) => fetchAllPages<StationView>('/stations', {}, signal),
  });
}

function storeStation(client: QueryClient, station: StationView): void {
  client.setQueryData<StationView[]>(adminKeys.stations(), (stations) =>
    stations
      ? [...stations.filter((other) => other.id !== station.id), station].sort((a, b) => a.name.localeCompare(b.name))
      : stations,
  );
}

/** Registers a station; the answer carries its first pairing code. */
export function useCreateStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; workCenters: string[] }) =>
      sendCommand<StationPairing>('POST', '/stations', body),
    onSuccess: ({ station }) => storeStation(client, station),
  });
}

/** Opens a new pairing code for a station (the previous one stops working). */
export function useIssuePairingCode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendCommand<StationPairing>('POST', `/stations/${id}/pairing-code`),
    onSuccess: ({ station }) => storeStation(client, station),
  });
}

/** Unpairs every tablet of a station and ends its sessions. */
export function useRevokeStation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendCommand<StationView>('POST', `/stations/${id}/revoke`),
    onSuccess: (station) => storeStation(client, station),
  });
}
