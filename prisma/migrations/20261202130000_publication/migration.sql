-- Publication: the publication workflow of a use case, its immutable published snapshots,
-- the public's reports of errors and questions, rate-limit counters for anonymous requests,
-- and the public read path (views owned by tillit_public_reader).

-- CreateEnum
CREATE TYPE "PublicationState" AS ENUM ('NONE', 'PROPOSED', 'PUBLISHED', 'RETRACTED');

-- CreateEnum
CREATE TYPE "WithholdingReason" AS ENUM ('SECURITY', 'CONFIDENTIALITY', 'ONGOING_PROCUREMENT', 'PERSONAL_PRIVACY', 'OTHER');

-- CreateEnum
CREATE TYPE "PublicReportKind" AS ENUM ('ERROR', 'QUESTION');

-- CreateEnum
CREATE TYPE "PublicReportStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateTable
CREATE TABLE "UseCasePublication" (
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "state" "PublicationState" NOT NULL DEFAULT 'NONE',
    "proposalNote" TEXT,
    "proposedById" UUID,
    "proposedAt" TIMESTAMPTZ(3),
    "withholdingReasons" JSONB NOT NULL DEFAULT '{}',
    "publishedVersion" INTEGER,
    "publishedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "retractedAt" TIMESTAMPTZ(3),
    "retractedById" UUID,
    "retractionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCasePublication_pkey" PRIMARY KEY ("organisationId","useCaseId")
);

-- CreateTable
CREATE TABLE "PublishedUseCaseSnapshot" (
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "organisationKind" "OrganisationKind" NOT NULL,
    "sector" "Sector" NOT NULL,
    "lifecycleStage" "LifecycleStage" NOT NULL,
    "riskClass" "RiskClass" NOT NULL,
    "techniques" "AiTechnique"[],
    "generativeAi" BOOLEAN NOT NULL,
    "processesPersonalData" BOOLEAN NOT NULL,
    "completeness" INTEGER NOT NULL,
    "firstPublishedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,
    "publishedById" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "retractedAt" TIMESTAMPTZ(3),
    "retractionReason" TEXT,

    CONSTRAINT "PublishedUseCaseSnapshot_pkey" PRIMARY KEY ("organisationId","useCaseId","version")
);

-- CreateTable
CREATE TABLE "PublicReport" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organisationId" UUID NOT NULL,
    "useCaseId" UUID NOT NULL,
    "snapshotVersion" INTEGER NOT NULL,
    "kind" "PublicReportKind" NOT NULL,
    "message" TEXT NOT NULL,
    "senderName" TEXT,
    "senderEmail" TEXT,
    "status" "PublicReportStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" UUID,
    "answer" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answeredById" UUID,
    "answerEmailedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicReport_pkey" PRIMARY KEY ("organisationId","id")
);

-- CreateTable
CREATE TABLE "PublicRateLimit" (
    "key" TEXT NOT NULL,
    "windowStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PublicRateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "UseCasePublication_organisationId_state_idx" ON "UseCasePublication"("organisationId", "state");

-- CreateIndex
CREATE INDEX "PublishedUseCaseSnapshot_organisationId_current_idx" ON "PublishedUseCaseSnapshot"("organisationId", "supersededAt", "firstPublishedAt" DESC);

-- CreateIndex
CREATE INDEX "PublicReport_organisationId_status_createdAt_idx" ON "PublicReport"("organisationId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PublicReport_organisationId_useCaseId_idx" ON "PublicReport"("organisationId", "useCaseId");

-- AddForeignKey
ALTER TABLE "UseCasePublication" ADD CONSTRAINT "UseCasePublication_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCasePublication" ADD CONSTRAINT "UseCasePublication_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedUseCaseSnapshot" ADD CONSTRAINT "PublishedUseCaseSnapshot_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedUseCaseSnapshot" ADD CONSTRAINT "PublishedUseCaseSnapshot_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicReport" ADD CONSTRAINT "PublicReport_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicReport" ADD CONSTRAINT "PublicReport_organisationId_useCaseId_fkey" FOREIGN KEY ("organisationId", "useCaseId") REFERENCES "UseCase"("organisationId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Search: the snapshot's public texts and the organisation's name, Swedish full text
-- (stemming, as the internal register). Stored, for the same reason as UseCase's.
-- ---------------------------------------------------------------------------
CREATE FUNCTION public_snapshot_search_document(snapshot jsonb) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT setweight(to_tsvector('pg_catalog.swedish', coalesce(snapshot->>'title', '')), 'A')
        || setweight(to_tsvector('pg_catalog.swedish', coalesce(snapshot->>'publicSummary', '')), 'B')
        || setweight(to_tsvector('pg_catalog.swedish', coalesce(snapshot->>'problemAndBenefit', '') || ' '
                                 || coalesce(snapshot->>'description', '') || ' '
                                 || coalesce(snapshot->>'businessArea', '')), 'C')
        || setweight(to_tsvector('pg_catalog.swedish', coalesce(snapshot#>>'{organisation,name}', '')), 'D')
  $$;

ALTER TABLE "PublishedUseCaseSnapshot"
  ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (public_snapshot_search_document("snapshot")) STORED;

CREATE INDEX "manual_PublishedUseCaseSnapshot_searchDocument" ON "PublishedUseCaseSnapshot" USING GIN ("searchDocument");

-- ---------------------------------------------------------------------------
-- Access: tenant tables under row-level security. Snapshots are append-only for the app
-- except for the two moments a snapshot ends (superseded, retracted): UPDATE is granted
-- only on those columns.
-- ---------------------------------------------------------------------------
GRANT SELECT, INSERT, UPDATE ON "UseCasePublication" TO tillit_app;
GRANT SELECT, INSERT ON "PublishedUseCaseSnapshot" TO tillit_app;
GRANT UPDATE ("supersededAt", "retractedAt", "retractionReason") ON "PublishedUseCaseSnapshot" TO tillit_app;
GRANT SELECT, INSERT, UPDATE ON "PublicReport" TO tillit_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "PublicRateLimit" TO tillit_app;

ALTER TABLE "UseCasePublication" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "UseCasePublication" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "UseCasePublication"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "PublishedUseCaseSnapshot" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PublishedUseCaseSnapshot" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PublishedUseCaseSnapshot"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

ALTER TABLE "PublicReport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PublicReport" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PublicReport"
  USING ("organisationId" = app_current_organisation_id())
  WITH CHECK ("organisationId" = app_current_organisation_id());

-- ---------------------------------------------------------------------------
-- The public read path. Four views owned by tillit_public_reader, a NOLOGIN role whose
-- only policies admit reading snapshots and reports; a view reads its tables with its
-- owner's rights, so the app role (which may SELECT the views but cannot become that
-- role) sees through them exactly what the public may see and nothing else. The views
-- are security barriers: a caller's function cannot see rows a view filters out.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillit_public_reader') THEN
    CREATE ROLE tillit_public_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END
$$;
GRANT tillit_public_reader TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO tillit_public_reader;
GRANT SELECT ON "PublishedUseCaseSnapshot", "PublicReport", "Organisation" TO tillit_public_reader;
CREATE POLICY public_register_read ON "PublishedUseCaseSnapshot" FOR SELECT TO tillit_public_reader USING (true);
CREATE POLICY public_register_read ON "PublicReport" FOR SELECT TO tillit_public_reader USING (true);

-- Every use case ever published: its newest snapshot. A retracted one keeps its title,
-- organisation, dates and public reason; its content is gone ("snapshot" is null).
CREATE VIEW public_register_use_case WITH (security_barrier) AS
  SELECT s."organisationId", s."useCaseId", s."version",
         o."slug" AS "organisationSlug", o."name" AS "organisationName",
         s."title", s."organisationKind", s."sector",
         CASE WHEN s."retractedAt" IS NULL THEN s."snapshot" END AS "snapshot",
         s."lifecycleStage", s."riskClass", s."techniques", s."generativeAi", s."processesPersonalData",
         s."completeness", s."searchDocument", s."firstPublishedAt", s."publishedAt",
         s."retractedAt", s."retractionReason"
  FROM "PublishedUseCaseSnapshot" s
  JOIN "Organisation" o ON o."id" = s."organisationId"
  WHERE s."supersededAt" IS NULL;

-- Every version of every use case that is published now (not of retracted ones).
CREATE VIEW public_use_case_version WITH (security_barrier) AS
  SELECT s."organisationId", s."useCaseId", s."version", s."snapshot", s."publishedAt", s."supersededAt"
  FROM "PublishedUseCaseSnapshot" s
  WHERE EXISTS (SELECT 1 FROM "PublishedUseCaseSnapshot" c
                WHERE c."organisationId" = s."organisationId" AND c."useCaseId" = s."useCaseId"
                  AND c."supersededAt" IS NULL AND c."retractedAt" IS NULL);

-- Every organisation with what it has published: how many, when last, how complete.
CREATE VIEW public_organisation WITH (security_barrier) AS
  SELECT o."id", o."slug", o."name", o."kind", o."sector", o."websiteUrl",
         count(s."useCaseId")::integer AS "publishedCount",
         max(s."publishedAt") AS "lastPublishedAt",
         CASE WHEN count(s."useCaseId") > 0 THEN round(avg(s."completeness"))::integer END AS "completeness"
  FROM "Organisation" o
  LEFT JOIN "PublishedUseCaseSnapshot" s
    ON s."organisationId" = o."id" AND s."supersededAt" IS NULL AND s."retractedAt" IS NULL
  GROUP BY o."id";

-- Per published use case: reports open and answered, and the median time to an answer.
CREATE VIEW public_report_statistics WITH (security_barrier) AS
  SELECT r."organisationId", r."useCaseId",
         count(*) FILTER (WHERE r."status" = 'OPEN')::integer AS "openCount",
         count(*) FILTER (WHERE r."answeredAt" IS NOT NULL)::integer AS "answeredCount",
         (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r."answeredAt" - r."createdAt"))
            FILTER (WHERE r."answeredAt" IS NOT NULL))::double precision AS "medianResponseSeconds"
  FROM "PublicReport" r
  GROUP BY r."organisationId", r."useCaseId";

GRANT CREATE ON SCHEMA public TO tillit_public_reader;
ALTER VIEW public_register_use_case OWNER TO tillit_public_reader;
ALTER VIEW public_use_case_version OWNER TO tillit_public_reader;
ALTER VIEW public_organisation OWNER TO tillit_public_reader;
ALTER VIEW public_report_statistics OWNER TO tillit_public_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_public_reader;
REVOKE ALL ON public_register_use_case, public_use_case_version, public_organisation, public_report_statistics FROM PUBLIC;
GRANT SELECT ON public_register_use_case, public_use_case_version, public_organisation, public_report_statistics TO tillit_app;
