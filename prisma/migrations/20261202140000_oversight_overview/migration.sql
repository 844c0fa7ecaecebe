-- Overviews (issue 13): the per-use-case "shared with DIGG" choice, and the oversight path.
--
-- DIGG's cross-sector overview reads across organisations through ONE explicit, read-only
-- path: SECURITY DEFINER functions owned by the NOLOGIN role tillit_oversight_reader (the
-- pattern of tillit_shared_reader in 20261123180000). The role's only policies admit
-- reading; row-level security stays on (ENABLE + FORCE) for every other role. The app role
-- may execute the functions but cannot become the reader, and it cannot read the views
-- below (they are the reader's own). The functions return aggregates, with small groups
-- suppressed inside SQL, and records only where the organisation shared them with oversight.

ALTER TABLE "UseCase" ADD COLUMN "sharedWithOversight" BOOLEAN NOT NULL DEFAULT false;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tillit_oversight_reader') THEN
    CREATE ROLE tillit_oversight_reader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database on this server created it at the same moment
END
$$;
GRANT tillit_oversight_reader TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO tillit_oversight_reader;
GRANT SELECT ON "Organisation", "UseCase", "Assessment", "AssessmentAnswer", "Responsibility",
  "ProcurementDecision", "Supplier", "SupplierProduct" TO tillit_oversight_reader;
CREATE POLICY oversight_read ON "UseCase" FOR SELECT TO tillit_oversight_reader USING (true);
CREATE POLICY oversight_read ON "Assessment" FOR SELECT TO tillit_oversight_reader USING (true);
CREATE POLICY oversight_read ON "AssessmentAnswer" FOR SELECT TO tillit_oversight_reader USING (true);
CREATE POLICY oversight_read ON "Responsibility" FOR SELECT TO tillit_oversight_reader USING (true);
CREATE POLICY oversight_read ON "ProcurementDecision" FOR SELECT TO tillit_oversight_reader USING (true);

-- The reader's views live in a schema of their own that only the reader may use: the app role
-- cannot even name them. The functions (in public, where the app calls them) read them.
CREATE SCHEMA oversight AUTHORIZATION tillit_oversight_reader;
REVOKE ALL ON SCHEMA oversight FROM PUBLIC;

-- A new owner needs CREATE on the schema at the moment of the change; it keeps none after.
GRANT CREATE ON SCHEMA public TO tillit_oversight_reader;

-- The use cases oversight counts (not archived), with their organisation's kind and sector
-- and whether the organisation disclosed the record (shared with oversight).
CREATE VIEW oversight.use_case AS
  SELECT u."organisationId", o."kind"::text AS "kind", o."sector"::text AS "sector", u."id",
         u."lifecycleStage", u."riskClass", u."techniques", u."hosting", u."dataLeavesEea", u."personalData",
         u."annexIIIArea", u."annexI", u."friaRequired", u."outputUse", u."acquisitionMethod", u."createdAt",
         u."sharedWithOversight" AS "disclosed",
         -- Completeness: how many of eight descriptive fields beyond the required ones are filled.
         ((u."description" IS NOT NULL AND u."description" <> '')::int
          + (u."legalBasis" IS NOT NULL AND u."legalBasis" <> '')::int
          + (u."humanOversight" IS NOT NULL AND u."humanOversight" <> '')::int
          + (u."hosting" IS NOT NULL)::int
          + (u."dataLeavesEea" IS NOT NULL)::int
          + (cardinality(u."techniques") > 0)::int
          + (cardinality(u."personalData") > 0)::int
          + (u."riskClass" <> 'UNDETERMINED')::int) AS "filledFields"
  FROM "UseCase" u JOIN "Organisation" o ON o."id" = u."organisationId"
  WHERE u."archivedAt" IS NULL;

-- One row per use case and each value it has in each dimension the overview breaks down by.
CREATE VIEW oversight.use_case_dimension AS
  SELECT b.*, d."dimension", d."value"
  FROM oversight.use_case b
  CROSS JOIN LATERAL (
    SELECT 'all'::text AS "dimension", 'all'::text AS "value"
    UNION ALL SELECT 'kind', b."kind"
    UNION ALL SELECT 'sector', b."sector"
    UNION ALL SELECT 'lifecycleStage', b."lifecycleStage"::text
    UNION ALL SELECT 'riskClass', b."riskClass"::text
    UNION ALL SELECT 'technique', t::text FROM unnest(b."techniques") t
    UNION ALL SELECT 'technique', 'NONE' WHERE cardinality(b."techniques") = 0
    UNION ALL SELECT 'generativeAi', CASE WHEN 'GENERATIVE_AI' = ANY(b."techniques") THEN 'true' ELSE 'false' END
    UNION ALL SELECT 'hosting', COALESCE(b."hosting"::text, 'UNKNOWN')
    UNION ALL SELECT 'dataLeavesEea', COALESCE(b."dataLeavesEea"::text, 'UNKNOWN')
    UNION ALL SELECT 'personalData', p::text FROM unnest(b."personalData") p
    UNION ALL SELECT 'personalData', 'UNKNOWN' WHERE cardinality(b."personalData") = 0
  ) d;

-- Use cases by dimension. A figure whose undisclosed records come from 1 or 2 organisations
-- is suppressed: its numbers are NULL and "suppressed" is true.
CREATE FUNCTION oversight_breakdown(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("dimension" text, "value" text, "useCases" integer, "organisations" integer,
                 "filledFields" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g."dimension", g."value",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.n END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.orgs END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.filled END,
         g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT d."dimension", d."value", count(*)::int AS n, count(DISTINCT d."organisationId")::int AS orgs,
           sum(d."filledFields")::int AS filled,
           count(DISTINCT d."organisationId") FILTER (WHERE NOT d."disclosed") AS hidden
    FROM oversight.use_case_dimension d
    WHERE (p_kind IS NULL OR d."kind" = p_kind) AND (p_sector IS NULL OR d."sector" = p_sector)
      AND (p_organisation IS NULL OR d."organisationId" = p_organisation)
    GROUP BY d."dimension", d."value"
  ) g;
$$;

-- How many organisations of each kind there are and how many keep a register (one use case
-- or more). Which organisations use Tillit is public (the directory); whether one keeps a
-- register is suppressed like any other figure.
CREATE FUNCTION oversight_register_keepers(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("kind" text, "organisations" integer, "keepingRegister" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g."kind", g.orgs,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.keepers END,
         g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT o."kind"::text AS "kind", count(*)::int AS orgs,
           count(*) FILTER (WHERE s.n > 0)::int AS keepers,
           count(*) FILTER (WHERE s.n > 0 AND s.disclosed = 0) AS hidden
    FROM "Organisation" o
    LEFT JOIN LATERAL (
      SELECT count(*) AS n, count(*) FILTER (WHERE u."disclosed") AS disclosed
      FROM oversight.use_case u WHERE u."organisationId" = o."id"
    ) s ON true
    WHERE (p_kind IS NULL OR o."kind"::text = p_kind) AND (p_sector IS NULL OR o."sector"::text = p_sector)
      AND (p_organisation IS NULL OR o."id" = p_organisation)
    GROUP BY o."kind"
  ) g;
$$;

-- The templates a use case needs (the rules of server/domain/assessments/gaps.ts), and
-- whether each has an approved version in force.
CREATE VIEW oversight.template_need AS
  SELECT b.*, needed."kind" AS "templateKind",
         EXISTS (
           SELECT 1 FROM "Assessment" a
           WHERE a."organisationId" = b."organisationId" AND a."useCaseId" = b."id"
             AND a."templateKind" = needed."kind" AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL
         ) AS "covered"
  FROM oversight.use_case b
  CROSS JOIN LATERAL (
    SELECT 'AI_ACT_CLASSIFICATION'::"TemplateKind" AS "kind"
    UNION ALL SELECT 'TRUST_MODEL'::"TemplateKind"
    UNION ALL SELECT 'DPIA_SCREENING'::"TemplateKind"
      WHERE b."personalData" && ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]
    UNION ALL SELECT 'FRIA'::"TemplateKind"
      WHERE b."friaRequired" IS TRUE
         OR (b."riskClass" = 'HIGH_RISK' AND b."friaRequired" IS NULL
             AND b."annexIIIArea" IS NOT NULL AND b."annexIIIArea" <> 'CRITICAL_INFRASTRUCTURE')
    UNION ALL SELECT 'GENAI_GUIDELINE'::"TemplateKind" WHERE 'GENERATIVE_AI' = ANY(b."techniques")
  ) needed
  WHERE b."lifecycleStage" <> 'RETIRED';

-- Assessment coverage: of the high-risk (and of the personal-data) use cases, how many have
-- an approved assessment of each template they need, by organisation kind and by sector.
CREATE FUNCTION oversight_assessment_coverage(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("groupBy" text, "groupValue" text, "population" text, "templateKind" text,
                 "useCases" integer, "covered" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH need AS (
    SELECT n.*, p."population"
    FROM oversight.template_need n
    CROSS JOIN LATERAL (
      SELECT 'HIGH_RISK'::text AS "population" WHERE n."riskClass" = 'HIGH_RISK'
      UNION ALL SELECT 'PERSONAL_DATA'
        WHERE n."personalData" && ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]
    ) p
    WHERE (p_kind IS NULL OR n."kind" = p_kind) AND (p_sector IS NULL OR n."sector" = p_sector)
      AND (p_organisation IS NULL OR n."organisationId" = p_organisation)
  ), grouped AS (
    SELECT g."groupBy", g."groupValue", need."population", need."templateKind"::text AS "templateKind",
           count(*)::int AS n, count(*) FILTER (WHERE need."covered")::int AS covered,
           count(DISTINCT need."organisationId") FILTER (WHERE NOT need."disclosed") AS hidden
    FROM need
    CROSS JOIN LATERAL (SELECT 'kind'::text AS "groupBy", need."kind" AS "groupValue"
                        UNION ALL SELECT 'sector', need."sector") g
    GROUP BY g."groupBy", g."groupValue", need."population", need."templateKind"
  )
  SELECT "groupBy", "groupValue", "population", "templateKind",
         CASE WHEN hidden BETWEEN 1 AND 2 THEN NULL ELSE n END,
         CASE WHEN hidden BETWEEN 1 AND 2 THEN NULL ELSE covered END,
         hidden BETWEEN 1 AND 2
  FROM grouped;
$$;

-- AI Act readiness: high-risk use cases lacking an approved classification, an approved FRIA
-- (where one is needed) or the registration details (an approved FRIA that names who submits
-- the registration, Annex VIII C), by the milestone whose date applies to them.
CREATE FUNCTION oversight_ai_act_readiness(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("milestone" text, "obligation" text, "useCases" integer, "lacking" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH high AS (
    SELECT b.*, CASE WHEN b."annexI" THEN 'high_risk_annex_i' ELSE 'high_risk_annex_iii' END AS "milestone"
    FROM oversight.use_case b
    WHERE b."riskClass" = 'HIGH_RISK' AND b."lifecycleStage" <> 'RETIRED'
      AND (p_kind IS NULL OR b."kind" = p_kind) AND (p_sector IS NULL OR b."sector" = p_sector)
      AND (p_organisation IS NULL OR b."organisationId" = p_organisation)
  ), approved AS (
    SELECT h."organisationId", h."id", h."disclosed", h."milestone",
           EXISTS (SELECT 1 FROM "Assessment" a WHERE a."organisationId" = h."organisationId" AND a."useCaseId" = h."id"
                     AND a."templateKind" = 'AI_ACT_CLASSIFICATION' AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL) AS classified,
           (h."friaRequired" IS TRUE OR (h."friaRequired" IS NULL AND h."annexIIIArea" IS NOT NULL
                                         AND h."annexIIIArea" <> 'CRITICAL_INFRASTRUCTURE')) AS "friaNeeded",
           EXISTS (SELECT 1 FROM "Assessment" a WHERE a."organisationId" = h."organisationId" AND a."useCaseId" = h."id"
                     AND a."templateKind" = 'FRIA' AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL) AS "friaApproved",
           EXISTS (SELECT 1 FROM "Assessment" a
                     WHERE a."organisationId" = h."organisationId" AND a."useCaseId" = h."id"
                       AND a."templateKind" = 'FRIA' AND a."status" = 'APPROVED' AND a."supersededAt" IS NULL
                       AND (SELECT count(*) FROM "AssessmentAnswer" x
                            WHERE x."organisationId" = a."organisationId" AND x."assessmentId" = a."id"
                              AND x."questionKey" IN ('registration_contact_name', 'registration_contact_email')
                              AND x."value" IS NOT NULL AND x."value" <> '""'::jsonb) = 2) AS registered
    FROM high h
  ), facts AS (
    SELECT a."organisationId", a."disclosed", a."milestone", o."obligation", o."applies", o."lacking"
    FROM approved a
    CROSS JOIN LATERAL (
      SELECT 'CLASSIFICATION'::text AS "obligation", true AS "applies", NOT a.classified AS "lacking"
      UNION ALL SELECT 'FRIA', a."friaNeeded", NOT a."friaApproved"
      UNION ALL SELECT 'REGISTRATION', a."milestone" = 'high_risk_annex_iii', NOT a.registered
    ) o
    WHERE o."applies"
  )
  SELECT g."milestone", g."obligation",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.n END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.lacking END,
         g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT "milestone", "obligation", count(*)::int AS n, count(*) FILTER (WHERE "lacking")::int AS lacking,
           count(DISTINCT "organisationId") FILTER (WHERE NOT "disclosed") AS hidden
    FROM facts GROUP BY "milestone", "obligation"
  ) g;
$$;

-- Responsibility gaps by sector (the rules of server/domain/responsibilities/gaps.ts, today):
-- per required role the use cases lacking it, and role 'ANY' for use cases lacking any.
CREATE FUNCTION oversight_responsibility_gaps(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("sector" text, "role" text, "useCases" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH missing AS (
    SELECT b."organisationId", b."id", b."sector", b."disclosed", needed."role"::text AS "role"
    FROM oversight.use_case b
    CROSS JOIN LATERAL (
      SELECT 'ACCOUNTABLE_OWNER'::"ResponsibilityRole" AS "role"
      UNION ALL SELECT 'DATA_PROTECTION_OFFICER'::"ResponsibilityRole"
        WHERE b."personalData" && ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]
      UNION ALL SELECT 'HUMAN_OVERSIGHT'::"ResponsibilityRole"
        WHERE b."riskClass" = 'HIGH_RISK' OR b."outputUse" <> 'INFORMATION_ONLY'
      UNION ALL SELECT 'SUPPLIER_CONTACT'::"ResponsibilityRole" WHERE b."acquisitionMethod" IS NOT DISTINCT FROM 'PROCURED'
    ) needed
    WHERE b."lifecycleStage" NOT IN ('IDEA', 'RETIRED')
      AND (p_kind IS NULL OR b."kind" = p_kind) AND (p_sector IS NULL OR b."sector" = p_sector)
      AND (p_organisation IS NULL OR b."organisationId" = p_organisation)
      AND NOT EXISTS (
        SELECT 1 FROM "Responsibility" r
        WHERE r."organisationId" = b."organisationId" AND r."useCaseId" = b."id" AND r."role" = needed."role"
          AND r."validFrom" <= current_date AND (r."validTo" IS NULL OR r."validTo" >= current_date)
          AND r."needsReassignmentSince" IS NULL)
  ), grouped AS (
    SELECT "sector", "role", count(*)::int AS n, count(DISTINCT "organisationId") FILTER (WHERE NOT "disclosed") AS hidden
    FROM missing GROUP BY "sector", "role"
    UNION ALL
    SELECT "sector", 'ANY', count(DISTINCT "id")::int, count(DISTINCT "organisationId") FILTER (WHERE NOT "disclosed")
    FROM missing GROUP BY "sector"
  )
  SELECT "sector", "role", CASE WHEN hidden BETWEEN 1 AND 2 THEN NULL ELSE n END, hidden BETWEEN 1 AND 2
  FROM grouped;
$$;

-- The most used suppliers and products of the shared catalogue: planned or approved
-- procurement decisions of use cases in the register.
CREATE FUNCTION oversight_suppliers(p_kind text, p_sector text, p_organisation uuid, p_limit integer)
  RETURNS TABLE ("supplier" text, "product" text, "organisations" integer, "useCases" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g."supplier", g."product",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.orgs END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.n END,
         g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT s."name" AS "supplier", p."name" AS "product",
           count(DISTINCT b."organisationId")::int AS orgs, count(DISTINCT b."id")::int AS n,
           count(DISTINCT b."organisationId") FILTER (WHERE NOT b."disclosed") AS hidden
    FROM "ProcurementDecision" d
    JOIN oversight.use_case b ON b."organisationId" = d."organisationId" AND b."id" = d."useCaseId"
    JOIN "Supplier" s ON s."id" = d."supplierId"
    LEFT JOIN "SupplierProduct" p ON p."id" = d."productId"
    WHERE d."status" IN ('PLANNED', 'APPROVED')
      AND (p_kind IS NULL OR b."kind" = p_kind) AND (p_sector IS NULL OR b."sector" = p_sector)
      AND (p_organisation IS NULL OR b."organisationId" = p_organisation)
    GROUP BY s."id", s."name", p."id", p."name"
  ) g
  ORDER BY (g.hidden BETWEEN 1 AND 2), g.orgs DESC, g.n DESC, g."supplier", g."product"
  LIMIT p_limit;
$$;

-- Trends by month, the last p_months months: use cases registered, use cases in the register
-- at the month's end (not archived today), and assessments approved.
CREATE FUNCTION oversight_trends(p_kind text, p_sector text, p_organisation uuid, p_months integer)
  RETURNS TABLE ("month" text, "measure" text, "value" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH months AS (
    SELECT m::date AS "start", (m + interval '1 month')::date AS "end"
    FROM generate_series(date_trunc('month', current_date) - make_interval(months => p_months - 1),
                         date_trunc('month', current_date), interval '1 month') m
  ), base AS (
    SELECT * FROM oversight.use_case b
    WHERE (p_kind IS NULL OR b."kind" = p_kind) AND (p_sector IS NULL OR b."sector" = p_sector)
      AND (p_organisation IS NULL OR b."organisationId" = p_organisation)
  ), facts AS (
    SELECT m."start", 'registered'::text AS "measure", b."organisationId", b."disclosed"
    FROM months m JOIN base b ON b."createdAt" >= m."start" AND b."createdAt" < m."end"
    UNION ALL
    SELECT m."start", 'total', b."organisationId", b."disclosed"
    FROM months m JOIN base b ON b."createdAt" < m."end"
    UNION ALL
    SELECT m."start", 'approved', b."organisationId", b."disclosed"
    FROM months m
    JOIN "Assessment" a ON a."approvedAt" >= m."start" AND a."approvedAt" < m."end"
    JOIN base b ON b."organisationId" = a."organisationId" AND b."id" = a."useCaseId"
  ), grouped AS (
    SELECT "start", "measure", count(*)::int AS n, count(DISTINCT "organisationId") FILTER (WHERE NOT "disclosed") AS hidden
    FROM facts GROUP BY "start", "measure"
  )
  SELECT to_char(m."start", 'YYYY-MM'), x."measure",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE COALESCE(g.n, 0) END,
         COALESCE(g.hidden BETWEEN 1 AND 2, false)
  FROM months m
  CROSS JOIN (VALUES ('registered'), ('total'), ('approved')) x("measure")
  LEFT JOIN grouped g ON g."start" = m."start" AND g."measure" = x."measure"
  ORDER BY m."start", x."measure";
$$;

-- Drill-down: the organisations behind a figure whose records they disclosed, with how many
-- of the figure's records each disclosed. Undisclosed records are never attributed.
CREATE FUNCTION oversight_figure_organisations(p_kind text, p_sector text, p_organisation uuid, p_dimension text, p_value text)
  RETURNS TABLE ("slug" text, "name" text, "kind" text, "sector" text, "disclosedUseCases" integer)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o."slug", o."name", o."kind"::text, o."sector"::text, count(*)::int
  FROM oversight.use_case_dimension d JOIN "Organisation" o ON o."id" = d."organisationId"
  WHERE d."disclosed" AND d."dimension" = p_dimension AND d."value" = p_value
    AND (p_kind IS NULL OR d."kind" = p_kind) AND (p_sector IS NULL OR d."sector" = p_sector)
    AND (p_organisation IS NULL OR d."organisationId" = p_organisation)
  GROUP BY o."id", o."slug", o."name", o."kind", o."sector"
  ORDER BY count(*) DESC, o."name";
$$;

-- Record-level detail: only use cases the organisation shared with oversight.
CREATE FUNCTION oversight_disclosed_use_cases(p_kind text, p_sector text, p_organisation uuid, p_dimension text, p_value text, p_limit integer)
  RETURNS TABLE ("organisationSlug" text, "organisationName" text, "reference" text, "title" text, "publicSummary" text,
                 "businessArea" text, "lifecycleStage" text, "riskClass" text, "techniques" text[], "hosting" text,
                 "updatedAt" timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o."slug", o."name", u."reference", u."title", u."publicSummary", u."businessArea",
         u."lifecycleStage"::text, u."riskClass"::text, u."techniques"::text[], u."hosting"::text, u."updatedAt"
  FROM "UseCase" u JOIN "Organisation" o ON o."id" = u."organisationId"
  WHERE u."archivedAt" IS NULL AND u."sharedWithOversight"
    AND (p_kind IS NULL OR o."kind"::text = p_kind) AND (p_sector IS NULL OR o."sector"::text = p_sector)
    AND (p_organisation IS NULL OR u."organisationId" = p_organisation)
    AND (p_dimension IS NULL OR EXISTS (
      SELECT 1 FROM oversight.use_case_dimension d
      WHERE d."organisationId" = u."organisationId" AND d."id" = u."id" AND d."dimension" = p_dimension AND d."value" = p_value))
  ORDER BY o."name", u."reference"
  LIMIT p_limit;
$$;

ALTER VIEW oversight.use_case OWNER TO tillit_oversight_reader;
ALTER VIEW oversight.use_case_dimension OWNER TO tillit_oversight_reader;
ALTER VIEW oversight.template_need OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_breakdown(text, text, uuid) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_register_keepers(text, text, uuid) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_assessment_coverage(text, text, uuid) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_ai_act_readiness(text, text, uuid) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_responsibility_gaps(text, text, uuid) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_suppliers(text, text, uuid, integer) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_trends(text, text, uuid, integer) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_figure_organisations(text, text, uuid, text, text) OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_disclosed_use_cases(text, text, uuid, text, text, integer) OWNER TO tillit_oversight_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_oversight_reader;

REVOKE ALL ON oversight.use_case, oversight.use_case_dimension, oversight.template_need FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_breakdown(text, text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_register_keepers(text, text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_assessment_coverage(text, text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_ai_act_readiness(text, text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_responsibility_gaps(text, text, uuid) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_suppliers(text, text, uuid, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_trends(text, text, uuid, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_figure_organisations(text, text, uuid, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_disclosed_use_cases(text, text, uuid, text, text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION oversight_breakdown(text, text, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_register_keepers(text, text, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_assessment_coverage(text, text, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_ai_act_readiness(text, text, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_responsibility_gaps(text, text, uuid) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_suppliers(text, text, uuid, integer) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_trends(text, text, uuid, integer) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_figure_organisations(text, text, uuid, text, text) TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_disclosed_use_cases(text, text, uuid, text, text, integer) TO tillit_app;
