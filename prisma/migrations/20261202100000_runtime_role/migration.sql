-- ---------------------------------------------------------------------------
-- What the application role may do with the global tables (User, Organisation,
-- Supplier, SupplierProduct). The app connects as a login role that is neither
-- superuser nor owner and can only become tillit_app (see README, "Database
-- roles"); these rules are what holds even if a code path forgets a filter.
--
-- RLS here is ENABLEd, not FORCEd: these are global tables whose writers are the
-- app (tillit_app, always subject to the policies below) and the schema owner
-- (migrations and the demo seed), which the app never runs as.
-- ---------------------------------------------------------------------------

-- Whether the signed-in user (app.user_id) is a platform administrator. Runs as the
-- caller, so it sees only what the caller may read.
CREATE FUNCTION app_current_user_is_platform_admin() RETURNS boolean
  LANGUAGE sql STABLE
  AS $$ SELECT EXISTS (SELECT 1 FROM "User" WHERE "id" = app_current_user_id() AND "platformRole" = 'PLATFORM_ADMIN') $$;

-- User: every column but passwordHash is readable; an account is created only by
-- the holder of a pending invitation to its address, and changed only by its owner
-- (never its address or platform role).
REVOKE ALL ON "User" FROM tillit_app;
GRANT SELECT ("id", "email", "name", "platformRole", "locale", "version", "lastSignInAt", "createdAt", "updatedAt") ON "User" TO tillit_app;
GRANT INSERT ("id", "email", "name", "passwordHash", "locale", "version", "lastSignInAt", "createdAt", "updatedAt") ON "User" TO tillit_app;
GRANT UPDATE ("name", "passwordHash", "locale", "version", "lastSignInAt", "updatedAt") ON "User" TO tillit_app;
ALTER TABLE "User" ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON "User" FOR SELECT USING (true);
CREATE POLICY own_account ON "User" FOR UPDATE
  USING ("id" = app_current_user_id())
  WITH CHECK ("id" = app_current_user_id());
CREATE POLICY invited_account ON "User" FOR INSERT
  WITH CHECK (EXISTS (
    SELECT 1 FROM "Invitation" i
    WHERE i."tokenHash" = NULLIF(current_setting('app.invitation_token_hash', true), '')
      AND i."email" = "User"."email"
      AND i."acceptedAt" IS NULL AND i."revokedAt" IS NULL AND i."expiresAt" > now()
  ));

-- Organisation: readable by all (names appear across the catalogue); created and
-- changed only by a platform administrator; never deleted by the app.
REVOKE ALL ON "Organisation" FROM tillit_app;
GRANT SELECT, INSERT, UPDATE ON "Organisation" TO tillit_app;
ALTER TABLE "Organisation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON "Organisation" FOR SELECT USING (true);
CREATE POLICY platform_admin_creates ON "Organisation" FOR INSERT
  WITH CHECK (app_current_user_is_platform_admin());
CREATE POLICY platform_admin_changes ON "Organisation" FOR UPDATE
  USING (app_current_user_is_platform_admin())
  WITH CHECK (app_current_user_is_platform_admin());

-- The supplier catalogue: readable by all; an organisation adds entries as its own;
-- an entry is changed only by the organisation that added it or a platform
-- administrator, and never changes hands (or supplier).
REVOKE ALL ON "Supplier", "SupplierProduct" FROM tillit_app;
GRANT SELECT, INSERT ON "Supplier", "SupplierProduct" TO tillit_app;
GRANT UPDATE ("name", "organisationNumber", "country", "version", "updatedAt") ON "Supplier" TO tillit_app;
GRANT UPDATE ("name", "modelProvider", "model", "hostingLocations", "certifications", "version", "updatedAt") ON "SupplierProduct" TO tillit_app;
ALTER TABLE "Supplier" ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON "Supplier" FOR SELECT USING (true);
CREATE POLICY organisation_adds ON "Supplier" FOR INSERT
  WITH CHECK ("createdByOrganisationId" = app_current_organisation_id());
CREATE POLICY creator_or_platform_admin_changes ON "Supplier" FOR UPDATE
  USING ("createdByOrganisationId" = app_current_organisation_id() OR app_current_user_is_platform_admin())
  WITH CHECK ("createdByOrganisationId" = app_current_organisation_id() OR app_current_user_is_platform_admin());
ALTER TABLE "SupplierProduct" ENABLE ROW LEVEL SECURITY;
CREATE POLICY everyone_reads ON "SupplierProduct" FOR SELECT USING (true);
CREATE POLICY organisation_adds ON "SupplierProduct" FOR INSERT
  WITH CHECK ("createdByOrganisationId" = app_current_organisation_id());
CREATE POLICY creator_or_platform_admin_changes ON "SupplierProduct" FOR UPDATE
  USING ("createdByOrganisationId" = app_current_organisation_id() OR app_current_user_is_platform_admin())
  WITH CHECK ("createdByOrganisationId" = app_current_organisation_id() OR app_current_user_is_platform_admin());

-- ---------------------------------------------------------------------------
-- Password sign-in reads one account's hash through this function, owned by
-- tillit_credential_reader, a NOLOGIN role that may read only the columns it needs.
-- The app may execute it but cannot become that role, so it reads no hash in bulk
-- and none without naming the address.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillit_credential_reader') THEN
    CREATE ROLE tillit_credential_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END
$$;
GRANT tillit_credential_reader TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO tillit_credential_reader;
GRANT SELECT ("email", "passwordHash") ON "User" TO tillit_credential_reader;

CREATE FUNCTION sign_in_password_hash(account_email text) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u."passwordHash" FROM "User" u WHERE u."email" = account_email;
$$;

GRANT CREATE ON SCHEMA public TO tillit_credential_reader;
ALTER FUNCTION sign_in_password_hash(text) OWNER TO tillit_credential_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_credential_reader;
REVOKE ALL ON FUNCTION sign_in_password_hash(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sign_in_password_hash(text) TO tillit_app;

-- The health check (server/health.ts) compares the applied migrations with the code's.
GRANT SELECT ON "_prisma_migrations" TO tillit_app;

-- A runtime login that leaves tillit_app (RESET ROLE) keeps only PUBLIC's rights:
-- on PostgreSQL before 15 those include creating objects in the public schema.
-- Only the schema's owner can take that away; for anyone else this is a no-op.
DO $$
BEGIN
  REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EXCEPTION WHEN insufficient_privilege THEN
  NULL;
END
$$;
