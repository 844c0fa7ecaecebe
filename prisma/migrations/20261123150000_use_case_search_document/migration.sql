-- Store the search document instead of indexing an expression. Under row-level security
-- PostgreSQL will not use a GIN index for `@@` (ts_match_vq is not leakproof), so a search
-- filters the organisation's own rows; with the expression it rebuilt every row's
-- to_tsvector, once per facet (about 1.8 s for 5 000 use cases, tests/bench/register-list.ts).
-- A stored column makes that filter cheap, and the GIN index still serves work without RLS.
ALTER TABLE "UseCase"
  ADD COLUMN "searchDocument" tsvector
  GENERATED ALWAYS AS (use_case_search_document("title", "publicSummary", "description")) STORED;

DROP INDEX "manual_UseCase_search";
CREATE INDEX "manual_UseCase_searchDocument" ON "UseCase" USING GIN ("searchDocument");
