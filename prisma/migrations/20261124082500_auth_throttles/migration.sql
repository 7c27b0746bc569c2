-- Sign-in lock-out (login and PIN): attempts per account and per client address in a time
-- window, shared by every API replica. Keys look like `password:<user id>`, `pin:<user id>`,
-- `address:<ip>`.

-- CreateTable
CREATE TABLE "auth_throttles" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "auth_throttles_pkey" PRIMARY KEY ("key")
);
