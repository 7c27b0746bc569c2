-- Sign-in lock-outs grow: `lockouts` counts the waits a key has served (an account's next lock
-- lasts twice as long; an address's or station's next delay too, forgotten with its window).
ALTER TABLE "auth_throttles" ADD COLUMN "lockouts" INTEGER NOT NULL DEFAULT 0;
