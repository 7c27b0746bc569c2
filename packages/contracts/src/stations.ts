import { z } from 'zod';

const workCenterRefSchema = z.object({ code: z.string(), name: z.string() });

/** A registered station as admins see it: never a pairing code or device token after they were shown. */
export const stationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    workCenters: z
      .array(workCenterRefSchema)
      .describe('Its operators are those whose team works at one of these (see GET /auth/station-operators).'),
    pairedDevices: z.number().int().describe('Tablets paired and not revoked.'),
    pairedAt: z.iso.datetime().nullable().describe('When the latest of its tablets was paired.'),
    lastSeenAt: z.iso
      .datetime()
      .nullable()
      .describe(
        'When one of its tablets last asked for its operators or signed one in (updated at most once a minute).',
      ),
    pairingCodeExpiresAt: z.iso
      .datetime()
      .nullable()
      .describe('Until when the last pairing code works; null when none is open.'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Station' });

/** A station. */
export type StationView = z.infer<typeof stationSchema>;

/** `POST /stations`. */
export const createStationBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'name the station, e.g. "Cutting tablet 1"').max(100),
  workCenters: z
    .array(z.string().trim().min(1).max(100))
    .min(1, 'a station serves at least one work center')
    .max(50)
    .refine((codes) => new Set(codes).size === codes.length, 'list each work center once')
    .describe('Work center codes, e.g. ["CUT", "STI"].'),
});

/** A station with a fresh one-time pairing code, shown only in this answer. */
export const stationWithPairingCodeSchema = z
  .object({
    station: stationSchema,
    pairingCode: z
      .string()
      .describe('Type it on the tablet (Station sign-in → Pair this tablet) before it expires; it works once.'),
    pairingCodeExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'StationPairingCode' });

/** `/stations/{id}`. */
export const stationParamsSchema = z.object({ id: z.uuid('id must be a station id (UUID)') });

/** `POST /stations/pair`: the code the admin read out. */
export const pairStationBodySchema = z.strictObject({
  code: z.string().trim().min(1, 'enter the pairing code').max(20),
});

/** What a tablet knows about the station it is. */
export const pairedStationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    workCenters: z.array(workCenterRefSchema),
  })
  .meta({ id: 'PairedStation' });

/** The station a tablet is. */
export type PairedStation = z.infer<typeof pairedStationSchema>;

/** `POST /stations/pair`: the station, and the device token for clients without cookies. */
export const pairedDeviceSchema = z
  .object({
    station: pairedStationSchema,
    deviceToken: z
      .string()
      .describe('Also set as the httpOnly cookie af_station; other clients send it as the X-Station-Token header.'),
  })
  .meta({ id: 'PairedDevice' });

/** `POST /stations/pair`: the station this tablet now is, and its device token. */
export type PairedDevice = z.infer<typeof pairedDeviceSchema>;
