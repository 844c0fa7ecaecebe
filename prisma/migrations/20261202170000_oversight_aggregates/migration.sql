-- Maintained aggregates for DIGG's cross-sector overview (issue 13: "if a query cannot stay
-- fast, maintain the aggregate ... and show its freshness on the page").
--
-- At national scale the three heaviest figures (use cases by dimension, assessment coverage,
-- trends) took seconds each when computed from the records on every page load. They now read
-- materialised views in the reader's schema `oversight`, pre-aggregated PER ORGANISATION (and
-- per disclosed/undisclosed), so the kind/sector/organisation filters and the small-group rule
-- (a figure whose undisclosed records come from 1 or 2 organisations is suppressed) still apply
-- at read time, in SQL, in the functions below.
--
-- Security is unchanged: the views are owned by the NOLOGIN reader tillit_oversight_reader and
-- PostgreSQL always computes a materialised view as its owner, so they read the records through
-- the reader's read-only policies; row-level security stays ENABLE + FORCE on every table. (They
-- are created empty, given to the reader, then filled: no SET ROLE, which the embedded
-- database's shared session could not undo.) They are the reader's own, in a schema the app
-- role cannot use; the app role reaches them only through the SECURITY DEFINER functions.
-- oversight_refresh() (definer, executable by tillit_app) refreshes them CONCURRENTLY (readers
-- are never blocked; each view has the unique index that needs), and oversight.aggregate_freshness
-- records when: the page and the exports show it.

GRANT tillit_oversight_reader TO CURRENT_USER;

-- Use cases by dimension: one row per organisation, dimension, value and disclosed.
CREATE MATERIALIZED VIEW oversight.breakdown_fact AS
  SELECT d."organisationId", d."kind", d."sector", d."dimension", d."value", d."disclosed",
         count(*)::int AS "useCases", sum(d."filledFields")::int AS "filledFields"
  FROM oversight.use_case_dimension d
  GROUP BY d."organisationId", d."kind", d."sector", d."dimension", d."value", d."disclosed"
  WITH NO DATA;
CREATE UNIQUE INDEX breakdown_fact_key ON oversight.breakdown_fact ("organisationId", "dimension", "value", "disclosed");

-- Assessment coverage: one row per organisation, population, template and disclosed.
CREATE MATERIALIZED VIEW oversight.coverage_fact AS
  SELECT n."organisationId", n."kind", n."sector", p."population", n."templateKind"::text AS "templateKind", n."disclosed",
         count(*)::int AS "useCases", count(*) FILTER (WHERE n."covered")::int AS "covered"
  FROM oversight.template_need n
  CROSS JOIN LATERAL (
    SELECT 'HIGH_RISK'::text AS "population" WHERE n."riskClass" = 'HIGH_RISK'
    UNION ALL SELECT 'PERSONAL_DATA'
      WHERE n."personalData" && ARRAY['ORDINARY','SPECIAL_CATEGORIES','CRIMINAL_OFFENCES','PERSONAL_IDENTITY_NUMBERS']::"PersonalDataCategory"[]
  ) p
  GROUP BY n."organisationId", n."kind", n."sector", p."population", n."templateKind", n."disclosed"
  WITH NO DATA;
CREATE UNIQUE INDEX coverage_fact_key ON oversight.coverage_fact ("organisationId", "population", "templateKind", "disclosed");

-- Trends: use cases registered, and assessments approved, per organisation, calendar month
-- and disclosed (of the use case). "In the register at the month's end" is the running sum.
CREATE MATERIALIZED VIEW oversight.trend_fact AS
  SELECT b."organisationId", b."kind", b."sector", 'registered'::text AS "measure",
         date_trunc('month', b."createdAt")::date AS "month", b."disclosed", count(*)::int AS "n"
  FROM oversight.use_case b
  GROUP BY b."organisationId", b."kind", b."sector", date_trunc('month', b."createdAt"), b."disclosed"
  UNION ALL
  SELECT b."organisationId", b."kind", b."sector", 'approved', date_trunc('month', a."approvedAt")::date, b."disclosed", count(*)::int
  FROM "Assessment" a
  JOIN oversight.use_case b ON b."organisationId" = a."organisationId" AND b."id" = a."useCaseId"
  WHERE a."approvedAt" IS NOT NULL
  GROUP BY b."organisationId", b."kind", b."sector", date_trunc('month', a."approvedAt"), b."disclosed"
  WITH NO DATA;
CREATE UNIQUE INDEX trend_fact_key ON oversight.trend_fact ("organisationId", "measure", "month", "disclosed");

-- When the aggregates were last refreshed (the refreshing transaction's start).
CREATE MATERIALIZED VIEW oversight.aggregate_freshness AS SELECT 1 AS "id", now() AS "refreshedAt"
  WITH NO DATA;
CREATE UNIQUE INDEX aggregate_freshness_key ON oversight.aggregate_freshness ("id");

ALTER MATERIALIZED VIEW oversight.breakdown_fact OWNER TO tillit_oversight_reader;
ALTER MATERIALIZED VIEW oversight.coverage_fact OWNER TO tillit_oversight_reader;
ALTER MATERIALIZED VIEW oversight.trend_fact OWNER TO tillit_oversight_reader;
ALTER MATERIALIZED VIEW oversight.aggregate_freshness OWNER TO tillit_oversight_reader;
REFRESH MATERIALIZED VIEW oversight.breakdown_fact;
REFRESH MATERIALIZED VIEW oversight.coverage_fact;
REFRESH MATERIALIZED VIEW oversight.trend_fact;
REFRESH MATERIALIZED VIEW oversight.aggregate_freshness;

REVOKE ALL ON oversight.breakdown_fact, oversight.coverage_fact, oversight.trend_fact, oversight.aggregate_freshness FROM PUBLIC;

-- The same figures as before, from the maintained aggregates.
CREATE OR REPLACE FUNCTION oversight_breakdown(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("dimension" text, "value" text, "useCases" integer, "organisations" integer,
                 "filledFields" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT g."dimension", g."value",
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.n END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.orgs END,
         CASE WHEN g.hidden BETWEEN 1 AND 2 THEN NULL ELSE g.filled END,
         g.hidden BETWEEN 1 AND 2
  FROM (
    SELECT f."dimension", f."value", sum(f."useCases")::int AS n, count(DISTINCT f."organisationId")::int AS orgs,
           sum(f."filledFields")::int AS filled,
           count(DISTINCT f."organisationId") FILTER (WHERE NOT f."disclosed") AS hidden
    FROM oversight.breakdown_fact f
    WHERE (p_kind IS NULL OR f."kind" = p_kind) AND (p_sector IS NULL OR f."sector" = p_sector)
      AND (p_organisation IS NULL OR f."organisationId" = p_organisation)
    GROUP BY f."dimension", f."value"
  ) g;
$$;

CREATE OR REPLACE FUNCTION oversight_assessment_coverage(p_kind text, p_sector text, p_organisation uuid)
  RETURNS TABLE ("groupBy" text, "groupValue" text, "population" text, "templateKind" text,
                 "useCases" integer, "covered" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH grouped AS (
    SELECT g."groupBy", g."groupValue", f."population", f."templateKind",
           sum(f."useCases")::int AS n, sum(f."covered")::int AS covered,
           count(DISTINCT f."organisationId") FILTER (WHERE NOT f."disclosed") AS hidden
    FROM oversight.coverage_fact f
    CROSS JOIN LATERAL (SELECT 'kind'::text AS "groupBy", f."kind" AS "groupValue"
                        UNION ALL SELECT 'sector', f."sector") g
    WHERE (p_kind IS NULL OR f."kind" = p_kind) AND (p_sector IS NULL OR f."sector" = p_sector)
      AND (p_organisation IS NULL OR f."organisationId" = p_organisation)
    GROUP BY g."groupBy", g."groupValue", f."population", f."templateKind"
  )
  SELECT "groupBy", "groupValue", "population", "templateKind",
         CASE WHEN hidden BETWEEN 1 AND 2 THEN NULL ELSE n END,
         CASE WHEN hidden BETWEEN 1 AND 2 THEN NULL ELSE covered END,
         hidden BETWEEN 1 AND 2
  FROM grouped;
$$;

CREATE OR REPLACE FUNCTION oversight_trends(p_kind text, p_sector text, p_organisation uuid, p_months integer)
  RETURNS TABLE ("month" text, "measure" text, "value" integer, "suppressed" boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH months AS (
    SELECT m::date AS "start", (m + interval '1 month')::date AS "end"
    FROM generate_series(date_trunc('month', current_date) - make_interval(months => p_months - 1),
                         date_trunc('month', current_date), interval '1 month') m
  ), base AS (
    SELECT * FROM oversight.trend_fact f
    WHERE (p_kind IS NULL OR f."kind" = p_kind) AND (p_sector IS NULL OR f."sector" = p_sector)
      AND (p_organisation IS NULL OR f."organisationId" = p_organisation)
  ), facts AS (
    SELECT m."start", 'registered'::text AS "measure", f."organisationId", f."disclosed", f."n"
    FROM months m JOIN base f ON f."measure" = 'registered' AND f."month" = m."start"
    UNION ALL
    SELECT m."start", 'total', f."organisationId", f."disclosed", f."n"
    FROM months m JOIN base f ON f."measure" = 'registered' AND f."month" < m."end"
    UNION ALL
    SELECT m."start", 'approved', f."organisationId", f."disclosed", f."n"
    FROM months m JOIN base f ON f."measure" = 'approved' AND f."month" = m."start"
  ), grouped AS (
    SELECT "start", "measure", sum("n")::int AS n, count(DISTINCT "organisationId") FILTER (WHERE NOT "disclosed") AS hidden
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

-- When the maintained aggregates were last refreshed.
CREATE FUNCTION oversight_refreshed_at()
  RETURNS timestamptz
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT "refreshedAt" FROM oversight.aggregate_freshness;
$$;

-- Refresh every maintained aggregate, without blocking readers; returns the new freshness.
CREATE FUNCTION oversight_refresh()
  RETURNS timestamptz
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY oversight.breakdown_fact;
  REFRESH MATERIALIZED VIEW CONCURRENTLY oversight.coverage_fact;
  REFRESH MATERIALIZED VIEW CONCURRENTLY oversight.trend_fact;
  REFRESH MATERIALIZED VIEW CONCURRENTLY oversight.aggregate_freshness;
  RETURN (SELECT "refreshedAt" FROM oversight.aggregate_freshness);
END;
$$;

GRANT CREATE ON SCHEMA public TO tillit_oversight_reader;
ALTER FUNCTION oversight_refreshed_at() OWNER TO tillit_oversight_reader;
ALTER FUNCTION oversight_refresh() OWNER TO tillit_oversight_reader;
REVOKE CREATE ON SCHEMA public FROM tillit_oversight_reader;
REVOKE ALL ON FUNCTION oversight_refreshed_at() FROM PUBLIC;
REVOKE ALL ON FUNCTION oversight_refresh() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION oversight_refreshed_at() TO tillit_app;
GRANT EXECUTE ON FUNCTION oversight_refresh() TO tillit_app;
