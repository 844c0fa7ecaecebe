-- "Changed since publication" in DIGG's overview means what the register's filter means
-- (20261202130100_publication_drift): the fingerprint of what the public snapshot is built from
-- differs from the one stored when it was published. Without a stored fingerprint (a
-- publication written before it existed), a change of the use case after publishing counts.

GRANT tillit_oversight_reader TO CURRENT_USER;
GRANT SELECT ON "UseCasePublication", "ProcurementDecision" TO tillit_oversight_reader;
CREATE POLICY oversight_read ON "UseCasePublication" FOR SELECT TO tillit_oversight_reader USING (true);

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
         (s."useCaseId" IS NOT NULL AND COALESCE(
            p."publishedFingerprint" <> use_case_public_fingerprint(u."organisationId", u."id"),
            u."updatedAt" > s."publishedAt" + interval '1 second')) AS "publicationOutdated"
  FROM "UseCase" u
  JOIN "Organisation" o ON o."id" = u."organisationId"
  LEFT JOIN "PublishedUseCaseSnapshot" s
    ON s."organisationId" = u."organisationId" AND s."useCaseId" = u."id"
   AND s."supersededAt" IS NULL AND s."retractedAt" IS NULL
  LEFT JOIN "UseCasePublication" p ON p."organisationId" = u."organisationId" AND p."useCaseId" = u."id"
  WHERE u."archivedAt" IS NULL;
