-- Master data is deactivated, never deleted (work items, shifts and history keep referring to it).
-- Node presets get the palette tooltip text the shipped defaults already carry.

-- AlterTable
ALTER TABLE "skills" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "teams" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "shifts" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "node_presets" ADD COLUMN "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
