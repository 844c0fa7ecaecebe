-- Overviews with the publication model (20261202130000_publication): a use case published in
-- the public register counts as disclosed, like one shared with oversight (its published
-- version is public anyway), and the oversight path reports publication: the share published
-- and how many published use cases were changed after their published version.
-- Record-level rows of a published use case that is not shared come from its published
-- snapshot only, so a field withheld from the public stays withheld from oversight too.

GRANT tillit_oversight_reader TO CURRENT_USER;
GRANT SELECT ON "PublishedUseCaseSnapshot" TO tillit_oversight_reader;
CREATE POLICY oversight_read ON "PublishedUseCaseSnapshot" FOR SELECT TO tillit_oversight_reader USING (true);

-- The use case's published version in force (not superseded, not retracted), if any.
CREATE OR REPLACE VIEW oversight.use_case AS
  SELECT u."organisationId", o."kind"::text AS "kind", o."sector"::text AS "sector", u."id",
         u."lifecycleStage", u."riskClass", u."techniques", u."hosting", u."dataLeavesEea", u."personalData",
         u."annexIIIArea", u."annexI", u."friaRequired", u."outputUse", u."acquisitionMethod", u."createdAt",
         (u."sharedWithOversight" OR s."useCaseId" IS NOT NULL) AS "disclosed",
         ((u."description" IS NOT NULL AND u."description" <> '')::int
          + (u."legalBasis" IS NOT NULL AND u."legalBasis" <> '')::int
          + (u."humanOversight" IS NOT NULL AND u."humanOversight" <> '')::int
          + (u."hosting" IS NOT NULL)::int
          + (u."dataLeavesEea" IS NOT NULL)::int
          + (cardinality(u."techniques") > 0)::int
          + (cardinality(u."personalData") > 0)::int
          + (u."riskClass" <> 'UNDETERMINED')::int) AS "filledFields",
         u."sharedWithOversight" AS "shared",
         (s."useCaseId" IS NOT NULL) AS "published",
         -- Changed after its published version (a second's grace for the publishing transaction itself).
         (s."useCaseId" IS NOT NULL AND u."updatedAt" > s."publishedAt" + interval '1 second') AS "publicationOutdated"
  FROM "UseCase" u
  JOIN "Organisation" o ON o."id" = u."organisationId"
  LEFT JOIN "PublishedUseCaseSnapshot" s
    ON s."organisationId" = u."organisationId" AND s."useCaseId" = u."id"
   AND s."supersededAt" IS NULL AND s."retractedAt" IS NULL
  WHERE u."archivedAt" IS NULL;

-- Publication by organisation kind and by sector. What is published is public, so the counts of
-- published use cases are never suppressed; the total they are a share of follows the rule.
CREATE FUNCTION oversight_publication(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("groupBy" text, "groupValue" text, "useCases" integer, "published" integer, "outdated" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g."groupBy", g."groupValue",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.n END,
         g.published, g.outdated, g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT x."groupBy", x."groupValue", count(*)::int AS n,
           count(*) FILTER (WHERE b."published")::int AS published,
           count(*) FILTER (WHERE b."publicationOutdated")::int AS outdated,
           count(DISTINCT b."organisationId") FILTER (WHERE NOT b."disclosed") AS hidden
    FROM oversight.use_case b
    CROSS JOIN LATERAL (SELECT 'all'::text AS "groupBy", 'all'::text AS "groupValue"
                        UNION ALL SELECT 'kind', b."kind" UNION ALL SELECT 'sector', b."sector") x
    WHERE (p_kind IS NULL OR b."kind" = p_kind) AND (p_sector IS NULL OR b."sector" = p_sector)
      AND (p_organisation IS NULL OR b."organisationId" = p_organisation)
    GROUP BY x."groupBy", x."groupValue"
  ) g;
$$;

-- Record-level detail: use cases shared with oversight (as registered), and published ones that
-- are not shared (as published: from the snapshot in force, withheld fields stay withheld).
CREATE OR REPLACE FUNCTION oversight_disclosed_use_cases(p_kind text, p_sector text, p_organisation uuid, p_dimension text, p_value text, p_limit integer)
  RETURNS TABLE ("organisationSlug" text, "organisationName" text, "reference" text, "title" text, "publicSummary" text,
                 "businessArea" text, "lifecycleStage" text, "riskClass" text, "techniques" text[], "hosting" text,
                 "updatedAt" timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o."slug", o."name",
         CASE WHEN u."sharedWithOversight" THEN u."reference" ELSE s."snapshot"->>'reference' END,
         CASE WHEN u."sharedWithOversight" THEN u."title" ELSE s."title" END,
         CASE WHEN u."sharedWithOversight" THEN u."publicSummary" ELSE s."snapshot"->>'publicSummary' END,
         CASE WHEN u."sharedWithOversight" THEN u."businessArea" ELSE s."snapshot"->>'businessArea' END,
         CASE WHEN u."sharedWithOversight" THEN u."lifecycleStage"::text ELSE s."lifecycleStage"::text END,
         CASE WHEN u."sharedWithOversight" THEN u."riskClass"::text ELSE s."riskClass"::text END,
         CASE WHEN u."sharedWithOversight" THEN u."techniques"::text[] ELSE s."techniques"::text[] END,
         CASE WHEN u."sharedWithOversight" THEN u."hosting"::text ELSE s."snapshot"->>'hosting' END,
         CASE WHEN u."sharedWithOversight" THEN u."updatedAt" ELSE s."publishedAt" END
  FROM "UseCase" u
  JOIN "Organisation" o ON o."id" = u."organisationId"
  LEFT JOIN "PublishedUseCaseSnapshot" s
    ON s."organisationId" = u."organisationId" AND s."useCaseId" = u."id"
   AND s."supersededAt" IS NULL AND s."retractedAt" IS NULL
  WHERE u."archivedAt" IS NULL AND (u."sharedWithOversight" OR s."useCaseId" IS NOT NULL)
    AND (p_kind IS NULL OR o."kind"::text = p_kind) AND (p_sector IS NULL OR o."sector"::text = p_sector)
    AND (p_organisation IS NULL OR u."organisationId" = p_organisation)
    AND (p_dimension IS NULL OR EXISTS (
      SELECT 1 FROM oversight.use_case_dimension d
      WHERE d."organisationId" = u."organisationId" AND d."id" = u."id" AND d."dimension" = p_dimension AND d."value" = p_value))
  ORDER BY o."name", 3
  LIMIT p_limit;
$$;

-- Drill-down: organisations behind a figure whose records they disclosed (shared or published).
-- (Unchanged text; it reads the view's "disclosed", which now includes published use cases.)

GRANT CREATE ON SCHEMA public TO tillit_oversight_reader;
ALTER FUNCTION oversight_publication(text, text, uuid) OWNER TO tillit_oversight_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_oversight_reader;
REVOKE ALL ON FUNCTION oversight_publication(text, text, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION oversight_publication(text, text, uuid) TO tillit_app;
