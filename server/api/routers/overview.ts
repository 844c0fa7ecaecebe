import { z } from "zod";
import type { PrismaClient } from "../../db/client";
import { inScope } from "../../db/scope";
import { organisationDashboard } from "../../domain/overview/dashboard";
import {
  aggregatesStale,
  disclosedUseCases,
  figureInput,
  figureOrganisations,
  oversightFilters,
  oversightOverview,
  refreshOversightAggregates,
} from "../../domain/overview/oversight";
import { organisationSlugInput } from "../../domain/organisations/schemas";
import { orgProcedure, oversightProcedure, router } from "../trpc";

/**
 * A refresh recomputes every use case of the country: it gets a transaction of its own, longer
 * than a request's (at a tenth of national scale it took about 2.6 s on two shared cores).
 */
const REFRESH_TIMEOUT_MS = 180_000;

/** At most one background refresh at a time in this process. */
let backgroundRefresh: Promise<void> | null = null;

/**
 * The schedule of the maintained aggregates: a read that finds them older than
 * AGGREGATE_MAX_AGE_MS starts a refresh in its own transaction and does not wait for it; the
 * page shows the figures it has, with their freshness, and the next read gets the new ones.
 */
function refreshInBackground(db: PrismaClient): void {
  if (backgroundRefresh) return;
  backgroundRefresh = inScope(db, {}, (tx) => refreshOversightAggregates(tx), { timeoutMs: REFRESH_TIMEOUT_MS })
    .then(({ refreshedAt }) => console.info(`[oversight] aggregates refreshed (scheduled) at ${refreshedAt.toISOString()}`))
    .catch((cause: unknown) => console.error("[oversight] scheduled refresh of the aggregates failed", cause))
    .finally(() => {
      backgroundRefresh = null;
    });
}

export const overviewRouter = router({
  /** The organisation's dashboard: every member. */
  dashboard: orgProcedure("organisation.read")
    .input(organisationSlugInput)
    .query(({ ctx }) => organisationDashboard(ctx.tx, ctx.organisation.id)),

  /** DIGG's cross-sector overview: aggregates through the oversight path only. */
  oversight: oversightProcedure.input(z.object({ filters: oversightFilters })).query(async ({ ctx, input }) => {
    const overview = await oversightOverview(ctx.tx, input.filters);
    if (aggregatesStale(overview.refreshedAt, overview.asOf)) refreshInBackground(ctx.db);
    return overview;
  }),

  /**
   * Refresh the maintained aggregates now (the page's "Uppdatera siffrorna"). It concerns no
   * organisation, so there is no organisation's audit trail to write: it is logged.
   */
  refreshOversight: oversightProcedure.mutation(async ({ ctx }) => {
    // Its own transaction (the guard above has checked the role): longer than the request's.
    const result = await inScope(ctx.db, {}, (tx) => refreshOversightAggregates(tx), { timeoutMs: REFRESH_TIMEOUT_MS });
    console.info(`[oversight] aggregates refreshed by user ${ctx.actor.id} at ${result.refreshedAt.toISOString()}`);
    return result;
  }),

  /** The organisations behind one figure, as far as they disclosed its records. */
  figureOrganisations: oversightProcedure.input(figureInput).query(({ ctx, input }) => figureOrganisations(ctx.tx, input)),

  /** Use cases shared with oversight: the only record-level detail oversight sees. */
  disclosedUseCases: oversightProcedure
    .input(z.object({ filters: oversightFilters, figure: figureInput.omit({ filters: true }).optional() }))
    .query(({ ctx, input }) => disclosedUseCases(ctx.tx, input.filters, input.figure)),
});
