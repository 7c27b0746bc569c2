-- Registered stations (issue B2): an admin registers a station for some work centers and pairs
-- a tablet with a one-time code; the tablet's device token (hashed) opens the station's operator
-- list and PIN sign-in, and a PIN session records the station it was opened on.

-- CreateTable
CREATE TABLE "stations" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "pairing_code_hash" TEXT,
    "pairing_code_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "stations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station_work_centers" (
    "station_id" UUID NOT NULL,
    "work_center_id" UUID NOT NULL,

    CONSTRAINT "station_work_centers_pkey" PRIMARY KEY ("station_id","work_center_id")
);

-- CreateTable
CREATE TABLE "station_devices" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "station_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "paired_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "station_devices_pkey" PRIMARY KEY ("id")
);

-- AlterTable
ALTER TABLE "sessions" ADD COLUMN "station_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "stations_name_key" ON "stations"("name");
CREATE UNIQUE INDEX "stations_pairing_code_hash_key" ON "stations"("pairing_code_hash");
CREATE INDEX "station_work_centers_work_center_id_idx" ON "station_work_centers"("work_center_id");
CREATE UNIQUE INDEX "station_devices_token_hash_key" ON "station_devices"("token_hash");
CREATE INDEX "station_devices_station_id_idx" ON "station_devices"("station_id");
CREATE INDEX "sessions_station_id_idx" ON "sessions"("station_id");

-- AddForeignKey
ALTER TABLE "station_work_centers" ADD CONSTRAINT "station_work_centers_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "station_work_centers" ADD CONSTRAINT "station_work_centers_work_center_id_fkey" FOREIGN KEY ("work_center_id") REFERENCES "work_centers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "station_devices" ADD CONSTRAINT "station_devices_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
