-- The language each person reads the app in (`en`, `th`); null until they choose one, when the
-- device's language applies.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("locale" IN ('en', 'th'));
