-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Invitation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "OrganisationRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" UUID,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "acceptedById" UUID,
    "revokedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '{}',
    "requestId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Invitation_organisationId_email_idx" ON "Invitation"("organisationId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_organisationId_tokenHash_key" ON "Invitation"("organisationId", "tokenHash");

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_createdAt_id_idx" ON "AuditEvent"("organisationId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_entityType_entityId_createdAt_idx" ON "AuditEvent"("organisationId", "entityType", "entityId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_organisationId_actorId_createdAt_idx" ON "AuditEvent"("organisationId", "actorId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- The application role. Every transaction of the app runs as tillit_app
-- (SET LOCAL ROLE, see server/db/scope.ts): neither superuser nor table owner,
-- so the row-level-security policies below apply to it.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillit_app') THEN
    CREATE ROLE tillit_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END
$$;
-- The role that migrates (and connects) may switch to tillit_app.
GRANT tillit_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO tillit_app;
GRANT SELECT, INSERT, UPDATE ON "Organisation", "User" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Membership" TO tillit_app;
GRANT SELECT, INSERT, UPDATE ON "Invitation" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "SignInThrottle" TO tillit_app;
-- The audit log is append-only for the app: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON "AuditEvent" TO tillit_app;

-- ---------------------------------------------------------------------------
-- Row-level security. The request transaction sets app.organisation_id (and
-- app.user_id, app.invitation_token_hash where they apply) with set_config(..., true);
-- unset means no rows, so a query that forgets its filter returns nothing.
-- ---------------------------------------------------------------------------
CREATE FUNCTION app_current_organisation_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.organisation_id', true), '')::uuid $$;

CREATE FUNCTION app_current_user_id() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());
-- Signed-in users see their own memberships in every organisation (the organisation switcher).
CREATE POLICY own_memberships ON "Membership" FOR SELECT
  USING ("userId" = app_current_user_id());

ALTER TABLE "Invitation" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Invitation" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Invitation"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());
-- Whoever holds an invitation's token may read that one invitation.
CREATE POLICY invitation_by_token ON "Invitation" FOR SELECT
  USING ("tokenHash" = NULLIF(current_setting('app.invitation_token_hash', true), ''));

ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditEvent"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());
