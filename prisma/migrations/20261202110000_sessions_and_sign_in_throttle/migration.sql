-- Sign-in sessions that can be ended, and throttle rows that expire.

-- One row per signed-in session. The session cookie (a signed JWT) names its row, and every
-- request looks it up (server/auth/sessions.ts): deleting the row ends the session at once,
-- on sign-out, password change and removal from an organisation.
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");
CREATE INDEX "UserSession_expiresAt_idx" ON "UserSession"("expiresAt");

ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sessions are created at sign-in and deleted when they end; never changed.
GRANT SELECT, INSERT, DELETE ON "UserSession" TO tillit_app;

-- A new password ends every session of its user, whichever code path sets it.
CREATE FUNCTION tillit_end_sessions_on_password_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "UserSession" WHERE "userId" = NEW."id";
  RETURN NEW;
END;
$$;

CREATE TRIGGER "User_passwordHash_ends_sessions"
AFTER UPDATE OF "passwordHash" ON "User"
FOR EACH ROW WHEN (OLD."passwordHash" IS DISTINCT FROM NEW."passwordHash")
EXECUTE FUNCTION tillit_end_sessions_on_password_change();

-- Throttle rows expire when both their window and their block are over; sign-ins delete
-- expired rows as they go (server/auth/sign-in.ts). Keys are now per account and client
-- address, per account and per address; the old rows are dropped rather than converted.
DELETE FROM "SignInThrottle";
ALTER TABLE "SignInThrottle" ADD COLUMN "expiresAt" TIMESTAMPTZ(3) NOT NULL;
CREATE INDEX "SignInThrottle_expiresAt_idx" ON "SignInThrottle"("expiresAt");
