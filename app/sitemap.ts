import type { MetadataRoute } from "next";
import { loadPublicList, loadPublicOrganisations } from "@/components/public-register/load";
import { publicRegisterFilters } from "@/server/domain/public-register/schemas";
import { env } from "@/server/env";

// Built per request from the (cached) public register, never at build time.
export const dynamic = "force-dynamic";

/** The public register's pages: its lists and every published use case and organisation (keyset-paged). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
  const entries: MetadataRoute.Sitemap = ["/register", "/register/organisations", "/register/not-yet-published", "/register/completeness", "/register/fields"].map(
    (path) => ({ url: `${base}${path}`, changeFrequency: "daily" }),
  );
  for (const organisation of await loadPublicOrganisations(true)) {
    entries.push({ url: `${base}/register/organisations/${organisation.slug}`, lastModified: organisation.lastPublishedAt ?? undefined });
  }
  const filters = publicRegisterFilters.parse({});
  let cursor: string | undefined;
  // A sitemap holds at most 50 000 addresses.
  while (entries.length < 50_000) {
    const page = await loadPublicList(filters, { cursor, limit: 100 });
    for (const item of page.items) entries.push({ url: `${base}/register/use-cases/${item.useCaseId}`, lastModified: item.publishedAt });
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return entries;
}
