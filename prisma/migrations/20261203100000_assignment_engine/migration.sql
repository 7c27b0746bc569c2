-- Assignment engine (issue 15): rule settings, attendance reasons, round-robin, offers, skips,
-- the engine's last decision per work item, and inbox items that cannot be raised twice at once.

-- AlterTable
ALTER TABLE "users" ADD COLUMN "absence_reason" TEXT,
ADD COLUMN "last_assigned_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "assignment_rules" ADD COLUMN "offer_timeout_sec" INTEGER,
ADD COLUMN "max_open_minutes" INTEGER,
ADD COLUMN "overdue_minutes" INTEGER,
ADD COLUMN "weights" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN "skills" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "inbox_items" ADD COLUMN "open_key" TEXT,
ADD COLUMN "comment" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "inbox_items_open_key_key" ON "inbox_items"("open_key");

-- CreateTable
CREATE TABLE "assignment_offers" (
    "work_item_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "offered_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assignment_offers_pkey" PRIMARY KEY ("work_item_id")
);

-- CreateTable
CREATE TABLE "assignment_skips" (
    "work_item_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assignment_skips_pkey" PRIMARY KEY ("work_item_id","user_id")
);

-- CreateTable
CREATE TABLE "assignment_decisions" (
    "work_item_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,
    "item_version" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "explain" JSONB NOT NULL,

    CONSTRAINT "assignment_decisions_pkey" PRIMARY KEY ("work_item_id")
);

-- CreateIndex
CREATE INDEX "assignment_offers_expires_at_idx" ON "assignment_offers"("expires_at");

-- CreateIndex
CREATE INDEX "assignment_offers_user_id_idx" ON "assignment_offers"("user_id");

-- CreateIndex
CREATE INDEX "assignment_skips_user_id_idx" ON "assignment_skips"("user_id");

-- AddForeignKey
ALTER TABLE "assignment_offers" ADD CONSTRAINT "assignment_offers_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_offers" ADD CONSTRAINT "assignment_offers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_skips" ADD CONSTRAINT "assignment_skips_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_skips" ADD CONSTRAINT "assignment_skips_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "assignment_decisions" ADD CONSTRAINT "assignment_decisions_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
