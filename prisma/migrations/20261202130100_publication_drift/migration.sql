-- "Changed since publication" for the register list: a fingerprint of everything a use
-- case's public snapshot is built from (server/domain/public-register/build.ts): its public
-- fields (withheld ones left out, so editing a withheld text changes nothing public), the
-- withholding reasons, its approved assessments, its procurement and its organisation.
-- Publishing stores it; the list's "published, out of date" filter compares. The page itself
-- shows the exact field-by-field difference of the snapshots.

-- AlterTable
ALTER TABLE "UseCasePublication" ADD COLUMN "publishedFingerprint" TEXT;

CREATE FUNCTION use_case_public_fingerprint(org uuid, use_case uuid) RETURNS text
  LANGUAGE sql STABLE
  AS $$
    SELECT md5(concat_ws('|',
      (SELECT (jsonb_build_object('title', u."title", 'publicSummary', u."publicSummary", 'tags', u."tags", 'businessArea', u."businessArea", 'affectedGroups', u."affectedGroups", 'outputUse', u."outputUse", 'legalReferences', u."legalReferences", 'techniques', u."techniques", 'acquisitionMethod', u."acquisitionMethod", 'dataLeavesEea', u."dataLeavesEea", 'lifecycleStage', u."lifecycleStage", 'startedOn', u."startedOn", 'inUseSince', u."inUseSince", 'retiredOn', u."retiredOn", 'aiActRoles', u."aiActRoles", 'riskClass', u."riskClass", 'annexIIIArea', u."annexIIIArea", 'riskClassJustification', u."riskClassJustification", 'dpiaDone', u."dpiaDone", 'friaDone', u."friaDone", 'publicContactEmail', u."publicContactEmail", 'withheldFields', u."withheldFields")
               || jsonb_build_object('description', CASE WHEN u."withheldFields" ? 'description' THEN NULL ELSE to_jsonb(u."description") END, 'registryNumber', CASE WHEN u."withheldFields" ? 'registryNumber' THEN NULL ELSE to_jsonb(u."registryNumber") END, 'problemAndBenefit', CASE WHEN u."withheldFields" ? 'problemAndBenefit' THEN NULL ELSE to_jsonb(u."problemAndBenefit") END, 'intendedUsers', CASE WHEN u."withheldFields" ? 'intendedUsers' THEN NULL ELSE to_jsonb(u."intendedUsers") END, 'humanOversight', CASE WHEN u."withheldFields" ? 'humanOversight' THEN NULL ELSE to_jsonb(u."humanOversight") END, 'appealProcess', CASE WHEN u."withheldFields" ? 'appealProcess' THEN NULL ELSE to_jsonb(u."appealProcess") END, 'legalBasis', CASE WHEN u."withheldFields" ? 'legalBasis' THEN NULL ELSE to_jsonb(u."legalBasis") END, 'necessity', CASE WHEN u."withheldFields" ? 'necessity' THEN NULL ELSE to_jsonb(u."necessity") END, 'subsidiarity', CASE WHEN u."withheldFields" ? 'subsidiarity' THEN NULL ELSE to_jsonb(u."subsidiarity") END, 'proportionality', CASE WHEN u."withheldFields" ? 'proportionality' THEN NULL ELSE to_jsonb(u."proportionality") END, 'alternativesConsidered', CASE WHEN u."withheldFields" ? 'alternativesConsidered' THEN NULL ELSE to_jsonb(u."alternativesConsidered") END, 'consequenceOfNotDeploying', CASE WHEN u."withheldFields" ? 'consequenceOfNotDeploying' THEN NULL ELSE to_jsonb(u."consequenceOfNotDeploying") END, 'modelsAndVersions', CASE WHEN u."withheldFields" ? 'modelsAndVersions' THEN NULL ELSE to_jsonb(u."modelsAndVersions") END, 'supplierName', CASE WHEN u."withheldFields" ? 'supplierName' THEN NULL ELSE to_jsonb(u."supplierName") END, 'hosting', CASE WHEN u."withheldFields" ? 'hosting' THEN NULL ELSE to_jsonb(u."hosting") END, 'dataSources', CASE WHEN u."withheldFields" ? 'dataSources' THEN NULL ELSE to_jsonb(u."dataSources") END, 'personalData', CASE WHEN u."withheldFields" ? 'personalData' THEN NULL ELSE to_jsonb(u."personalData") END, 'trainingData', CASE WHEN u."withheldFields" ? 'trainingData' THEN NULL ELSE to_jsonb(u."trainingData") END))::text
       FROM "UseCase" u WHERE u."organisationId" = org AND u."id" = use_case),
      (SELECT p."withholdingReasons"::text FROM "UseCasePublication" p
       WHERE p."organisationId" = org AND p."useCaseId" = use_case),
      (SELECT jsonb_agg(jsonb_build_array(a."templateKind", a."templateVersion", a."approvedAt", a."approvedResult"->>'riskClass')
                        ORDER BY a."templateKind", a."id")::text
       FROM "Assessment" a
       WHERE a."organisationId" = org AND a."useCaseId" = use_case AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL),
      (SELECT jsonb_agg(jsonb_build_array(d."route", d."status", d."decidedOn", d."supplierId", d."productId")
                        ORDER BY d."createdAt", d."id")::text
       FROM "ProcurementDecision" d
       WHERE d."organisationId" = org AND d."useCaseId" = use_case AND d."status" IN ('PLANNED', 'APPROVED')),
      (SELECT jsonb_build_array(o."slug", o."name", o."organisationNumber", o."kind", o."sector", o."websiteUrl", o."contactEmail")::text
       FROM "Organisation" o WHERE o."id" = org)
    ))
  $$;
