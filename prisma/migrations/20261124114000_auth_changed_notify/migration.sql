-- Every API replica keeps the sessions it resolved for a few seconds (auth/session-cache.ts).
-- Any change to sessions or users (log-out, deactivation, new roles, attendance) tells every
-- replica to forget them at once: a NOTIFY, sent when the changing transaction commits. These
-- are rare, small transactions, so the NOTIFY's commit-order lock costs nothing measurable; the
-- work-queue commands never touch these tables.

CREATE FUNCTION "notify_auth_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atelier_auth', '');
  RETURN NULL;
END
$$;

CREATE TRIGGER "sessions_auth_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_auth_changed"();

CREATE TRIGGER "users_auth_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "notify_auth_changed"();
