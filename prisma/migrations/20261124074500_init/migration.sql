-- Initial schema of Atelier Flow. Mirrors prisma/schema.prisma exactly (checked by
-- apps/api/src/db/schema-drift.test.ts); constraint and index names follow Prisma's conventions.

-- CreateEnum
CREATE TYPE "role" AS ENUM ('admin', 'designer', 'manager', 'operator', 'integrator');
CREATE TYPE "node_type" AS ENUM ('start', 'end', 'operation', 'qc', 'split', 'join', 'decision');
CREATE TYPE "graph_version_status" AS ENUM ('draft', 'published', 'retired');
CREATE TYPE "order_status" AS ENUM ('draft', 'released', 'in_progress', 'completed', 'cancelled');
CREATE TYPE "token_state" AS ENUM ('active', 'waiting', 'completed', 'cancelled');
CREATE TYPE "cancellation_type" AS ENUM ('QC_FAIL', 'REDESIGN', 'PERMANENT');
CREATE TYPE "work_item_state" AS ENUM ('ready', 'assigned', 'in_progress', 'paused', 'completed', 'cancelled');
CREATE TYPE "qc_result" AS ENUM ('pass', 'fail', 'rework');
CREATE TYPE "time_log_end_reason" AS ENUM ('paused', 'handed_off', 'left', 'completed', 'requeued', 'cancelled');
CREATE TYPE "assignment_policy" AS ENUM ('auto', 'offer', 'pool', 'manual');
CREATE TYPE "inbox_status" AS ENUM ('open', 'approved', 'rejected', 'resolved');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "roles" "role"[] NOT NULL DEFAULT ARRAY[]::"role"[],
    "team_id" UUID,
    "present" BOOLEAN NOT NULL DEFAULT false,
    "password_hash" TEXT,
    "pin_hash" TEXT,
    "badge_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "skills" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "skills_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "user_skills" (
    "user_id" UUID NOT NULL,
    "skill_id" UUID NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "user_skills_pkey" PRIMARY KEY ("user_id", "skill_id"),
    -- Skill levels run from 1 (novice) to 5 (master).
    CONSTRAINT "user_skills_level_check" CHECK ("level" BETWEEN 1 AND 5)
);

CREATE TABLE "teams" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "work_center_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "work_centers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "work_centers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "work_centers_capacity_check" CHECK ("capacity" >= 0)
);

CREATE TABLE "shifts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL,
    "weekdays" INTEGER[] NOT NULL DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "work_center_id" UUID,
    "team_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "shifts_pkey" PRIMARY KEY ("id"),
    -- A night shift may end after midnight (end < start); both stay within one day's minutes.
    CONSTRAINT "shifts_minutes_check" CHECK ("start_minute" BETWEEN 0 AND 1439 AND "end_minute" BETWEEN 0 AND 1440)
);

CREATE TABLE "node_presets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "node_type" "node_type" NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "builtin" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "node_presets_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "routing_graphs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "routing_graphs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "graph_versions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "graph_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "graph_version_status" NOT NULL DEFAULT 'draft',
    "body" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "graph_versions_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "manufacturing_orders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "target_quantity" INTEGER NOT NULL,
    "due_date" DATE,
    "status" "order_status" NOT NULL DEFAULT 'draft',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "graph_id" UUID NOT NULL,
    "graph_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "manufacturing_orders_pkey" PRIMARY KEY ("id"),
    -- PERMANENT cancellations may lower the target to zero, never below.
    CONSTRAINT "manufacturing_orders_target_quantity_check" CHECK ("target_quantity" >= 0)
);

CREATE TABLE "atelier_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "code" TEXT NOT NULL,
    "product" TEXT NOT NULL,
    "customer" TEXT,
    "quantity" INTEGER NOT NULL,
    "due_date" DATE,
    "status" "order_status" NOT NULL DEFAULT 'draft',
    "priority" INTEGER NOT NULL DEFAULT 0,
    "mo_id" UUID,
    "graph_id" UUID NOT NULL,
    "graph_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "atelier_jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "atelier_jobs_quantity_check" CHECK ("quantity" >= 0)
);

CREATE TABLE "tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "serial" TEXT NOT NULL,
    "mo_id" UUID,
    "atelier_job_id" UUID,
    "graph_version_id" UUID NOT NULL,
    "parent_id" UUID,
    "replaces_id" UUID,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "state" "token_state" NOT NULL DEFAULT 'active',
    "current_node_key" TEXT NOT NULL,
    "rework_passes" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "cancellation_type" "cancellation_type",
    "cancellation_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "tokens_pkey" PRIMARY KEY ("id"),
    -- A piece belongs to exactly one order: a manufacturing order or an atelier job.
    CONSTRAINT "tokens_one_order_check" CHECK (num_nonnulls("mo_id", "atelier_job_id") = 1)
);

CREATE TABLE "work_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_id" UUID NOT NULL,
    "node_key" TEXT NOT NULL,
    "visit" INTEGER NOT NULL DEFAULT 1,
    "state" "work_item_state" NOT NULL DEFAULT 'ready',
    "work_center_id" UUID,
    "assignee_id" UUID,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "standard_minutes" INTEGER,
    "claim_deadline" TIMESTAMPTZ(3),
    "qc_result" "qc_result",
    "qc_reason_codes" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "work_items_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "work_item_operators" (
    "work_item_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "joined_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "left_at" TIMESTAMPTZ(3),

    CONSTRAINT "work_item_operators_pkey" PRIMARY KEY ("work_item_id", "user_id")
);

CREATE TABLE "time_logs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "work_item_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" "time_log_end_reason",

    CONSTRAINT "time_logs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "time_logs_interval_check" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at")
);

CREATE TABLE "assignment_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "graph_id" UUID,
    "node_key" TEXT,
    "work_center_id" UUID,
    "team_id" UUID,
    "policy" "assignment_policy" NOT NULL DEFAULT 'pool',
    "claim_timeout_sec" INTEGER,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "assignment_rules_pkey" PRIMARY KEY ("id"),
    -- A rule applies to a node of a graph or to a work center.
    CONSTRAINT "assignment_rules_target_check" CHECK (("graph_id" IS NOT NULL AND "node_key" IS NOT NULL) OR "work_center_id" IS NOT NULL)
);

CREATE TABLE "inbox_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "status" "inbox_status" NOT NULL DEFAULT 'open',
    "payload" JSONB NOT NULL DEFAULT '{}',
    "node_key" TEXT,
    "mo_id" UUID,
    "atelier_job_id" UUID,
    "token_id" UUID,
    "work_item_id" UUID,
    "user_id" UUID,
    "resolved_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "inbox_items_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "events" (
    "seq" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT,
    "order_id" UUID,
    "token_id" UUID,
    "work_item_id" UUID,
    "node_key" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    -- The writing transaction: readers deliver in (tx_id, seq) order only events of transactions
    -- older than any still in flight, so an event whose transaction commits late is never skipped.
    "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),

    CONSTRAINT "events_pkey" PRIMARY KEY ("seq")
);

CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);

CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'integrator',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "station" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE UNIQUE INDEX "users_badge_id_key" ON "users"("badge_id");
CREATE INDEX "users_team_id_idx" ON "users"("team_id");
CREATE UNIQUE INDEX "skills_code_key" ON "skills"("code");
CREATE INDEX "user_skills_skill_id_idx" ON "user_skills"("skill_id");
CREATE UNIQUE INDEX "teams_code_key" ON "teams"("code");
CREATE INDEX "teams_work_center_id_idx" ON "teams"("work_center_id");
CREATE UNIQUE INDEX "work_centers_code_key" ON "work_centers"("code");
CREATE UNIQUE INDEX "shifts_code_key" ON "shifts"("code");
CREATE INDEX "shifts_work_center_id_idx" ON "shifts"("work_center_id");
CREATE INDEX "shifts_team_id_idx" ON "shifts"("team_id");
CREATE UNIQUE INDEX "node_presets_code_key" ON "node_presets"("code");
CREATE UNIQUE INDEX "routing_graphs_code_key" ON "routing_graphs"("code");
CREATE UNIQUE INDEX "graph_versions_graph_id_number_key" ON "graph_versions"("graph_id", "number");
CREATE INDEX "graph_versions_graph_id_status_idx" ON "graph_versions"("graph_id", "status");
CREATE UNIQUE INDEX "manufacturing_orders_code_key" ON "manufacturing_orders"("code");
CREATE INDEX "manufacturing_orders_status_due_date_idx" ON "manufacturing_orders"("status", "due_date");
CREATE INDEX "manufacturing_orders_graph_id_idx" ON "manufacturing_orders"("graph_id");
CREATE INDEX "manufacturing_orders_graph_version_id_idx" ON "manufacturing_orders"("graph_version_id");
CREATE UNIQUE INDEX "atelier_jobs_code_key" ON "atelier_jobs"("code");
CREATE INDEX "atelier_jobs_status_due_date_idx" ON "atelier_jobs"("status", "due_date");
CREATE INDEX "atelier_jobs_mo_id_idx" ON "atelier_jobs"("mo_id");
CREATE INDEX "atelier_jobs_graph_id_idx" ON "atelier_jobs"("graph_id");
CREATE INDEX "atelier_jobs_graph_version_id_idx" ON "atelier_jobs"("graph_version_id");
CREATE UNIQUE INDEX "tokens_serial_key" ON "tokens"("serial");
CREATE UNIQUE INDEX "tokens_replaces_id_key" ON "tokens"("replaces_id");
CREATE INDEX "tokens_mo_id_state_idx" ON "tokens"("mo_id", "state");
CREATE INDEX "tokens_atelier_job_id_state_idx" ON "tokens"("atelier_job_id", "state");
CREATE INDEX "tokens_parent_id_idx" ON "tokens"("parent_id");
CREATE INDEX "tokens_graph_version_id_current_node_key_idx" ON "tokens"("graph_version_id", "current_node_key");
CREATE INDEX "tokens_state_current_node_key_idx" ON "tokens"("state", "current_node_key");
CREATE UNIQUE INDEX "work_items_token_id_node_key_visit_key" ON "work_items"("token_id", "node_key", "visit");
CREATE INDEX "work_items_state_node_key_idx" ON "work_items"("state", "node_key");
CREATE INDEX "work_items_assignee_id_state_idx" ON "work_items"("assignee_id", "state");
CREATE INDEX "work_items_work_center_id_state_idx" ON "work_items"("work_center_id", "state");
CREATE INDEX "work_items_state_claim_deadline_idx" ON "work_items"("state", "claim_deadline");
CREATE INDEX "work_item_operators_user_id_idx" ON "work_item_operators"("user_id");
CREATE INDEX "time_logs_work_item_id_idx" ON "time_logs"("work_item_id");
CREATE INDEX "time_logs_user_id_started_at_idx" ON "time_logs"("user_id", "started_at");
CREATE INDEX "assignment_rules_graph_id_node_key_idx" ON "assignment_rules"("graph_id", "node_key");
CREATE INDEX "assignment_rules_work_center_id_idx" ON "assignment_rules"("work_center_id");
CREATE INDEX "inbox_items_status_created_at_idx" ON "inbox_items"("status", "created_at");
CREATE INDEX "inbox_items_token_id_idx" ON "inbox_items"("token_id");
CREATE INDEX "inbox_items_work_item_id_idx" ON "inbox_items"("work_item_id");
CREATE INDEX "events_tx_id_seq_idx" ON "events"("tx_id", "seq");
CREATE INDEX "events_order_id_seq_idx" ON "events"("order_id", "seq");
CREATE INDEX "events_token_id_seq_idx" ON "events"("token_id", "seq");
CREATE INDEX "events_work_item_id_idx" ON "events"("work_item_id");
CREATE INDEX "events_node_key_seq_idx" ON "events"("node_key", "seq");
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");
CREATE INDEX "api_keys_created_by_id_idx" ON "api_keys"("created_by_id");
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions"("token_hash");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");

-- AddForeignKey
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "user_skills" ADD CONSTRAINT "user_skills_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "user_skills" ADD CONSTRAINT "user_skills_skill_id_fkey" FOREIGN KEY ("skill_id") REFERENCES "skills"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "teams" ADD CONSTRAINT "teams_work_center_id_fkey" FOREIGN KEY ("work_center_id") REFERENCES "work_centers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_work_center_id_fkey" FOREIGN KEY ("work_center_id") REFERENCES "work_centers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "shifts" ADD CONSTRAINT "shifts_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "graph_versions" ADD CONSTRAINT "graph_versions_graph_id_fkey" FOREIGN KEY ("graph_id") REFERENCES "routing_graphs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "manufacturing_orders" ADD CONSTRAINT "manufacturing_orders_graph_id_fkey" FOREIGN KEY ("graph_id") REFERENCES "routing_graphs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "manufacturing_orders" ADD CONSTRAINT "manufacturing_orders_graph_version_id_fkey" FOREIGN KEY ("graph_version_id") REFERENCES "graph_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "atelier_jobs" ADD CONSTRAINT "atelier_jobs_mo_id_fkey" FOREIGN KEY ("mo_id") REFERENCES "manufacturing_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "atelier_jobs" ADD CONSTRAINT "atelier_jobs_graph_id_fkey" FOREIGN KEY ("graph_id") REFERENCES "routing_graphs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "atelier_jobs" ADD CONSTRAINT "atelier_jobs_graph_version_id_fkey" FOREIGN KEY ("graph_version_id") REFERENCES "graph_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_mo_id_fkey" FOREIGN KEY ("mo_id") REFERENCES "manufacturing_orders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_atelier_job_id_fkey" FOREIGN KEY ("atelier_job_id") REFERENCES "atelier_jobs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_graph_version_id_fkey" FOREIGN KEY ("graph_version_id") REFERENCES "graph_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "tokens"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_work_center_id_fkey" FOREIGN KEY ("work_center_id") REFERENCES "work_centers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "work_items" ADD CONSTRAINT "work_items_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "work_item_operators" ADD CONSTRAINT "work_item_operators_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "work_item_operators" ADD CONSTRAINT "work_item_operators_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "time_logs" ADD CONSTRAINT "time_logs_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "time_logs" ADD CONSTRAINT "time_logs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_graph_id_fkey" FOREIGN KEY ("graph_id") REFERENCES "routing_graphs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_work_center_id_fkey" FOREIGN KEY ("work_center_id") REFERENCES "work_centers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_mo_id_fkey" FOREIGN KEY ("mo_id") REFERENCES "manufacturing_orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_atelier_job_id_fkey" FOREIGN KEY ("atelier_job_id") REFERENCES "atelier_jobs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_token_id_fkey" FOREIGN KEY ("token_id") REFERENCES "tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_work_item_id_fkey" FOREIGN KEY ("work_item_id") REFERENCES "work_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "inbox_items" ADD CONSTRAINT "inbox_items_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
