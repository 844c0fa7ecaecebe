/**
 * The open API's services: plain functions over a public-scope transaction that read only
 * through the public read path (read.ts and the views owned by tillit_public_reader) and
 * return responses already shaped by their schemas.
 */
import type { Transaction } from "../../../db/client";
import { mapSnapshot, type TargetFormatId } from "../mappings";
import { getPublicUseCase, getPublicUseCaseVersion, listPublicOrganisations, listPublicUseCases } from "../read";
import {
  API_BASE_PATH,
  type OpenOrganisationQuery,
  openOrganisationList,
  openRetractedUseCase,
  type OpenUseCaseQuery,
  openUseCaseDetail,
  openUseCaseList,
  openUseCaseVersion,
} from "./schemas";
import { z } from "zod";

/** Absolute addresses in responses, from the origin the client called. */
export interface Links {
  origin: string;
}

/** The public page of a use case (the public register's route). */
export function publicUseCasePagePath(useCaseId: string): string {
  return `/register/use-cases/${useCaseId}`;
}

export const linksTo = {
  useCase: (links: Links, id: string) => `${links.origin}${API_BASE_PATH}/use-cases/${id}`,
  version: (links: Links, id: string, version: number) => `${links.origin}${API_BASE_PATH}/use-cases/${id}/versions/${version}`,
  page: (links: Links, id: string) => `${links.origin}${publicUseCasePagePath(id)}`,
  format: (links: Links, id: string, format: TargetFormatId) => `${links.origin}${API_BASE_PATH}/use-cases/${id}/${format}.json`,
};

const iso = (value: Date) => value.toISOString();

export async function listOpenOrganisations(tx: Transaction, query: OpenOrganisationQuery, links: Links): Promise<z.output<typeof openOrganisationList>> {
  const rows = await listPublicOrganisations(tx, { published: query.published, kind: query.kind, updatedSince: query.updatedSince });
  return openOrganisationList.parse({
    total: rows.length,
    data: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      sector: row.sector,
      websiteUrl: row.websiteUrl,
      publishedCount: row.publishedCount,
      lastPublishedAt: row.lastPublishedAt ? iso(row.lastPublishedAt) : null,
      completeness: row.completeness,
      links: { useCases: `${links.origin}${API_BASE_PATH}/use-cases?organisation=${encodeURIComponent(row.slug)}` },
    })),
  });
}

/** The query string of the next page: the same filters with the new cursor. */
function nextPageUrl(links: Links, search: URLSearchParams, cursor: string): string {
  const next = new URLSearchParams(search);
  next.set("cursor", cursor);
  return `${links.origin}${API_BASE_PATH}/use-cases?${next.toString()}`;
}

export async function listOpenUseCases(
  tx: Transaction,
  query: OpenUseCaseQuery,
  links: Links,
  search: URLSearchParams,
): Promise<z.output<typeof openUseCaseList>> {
  const { cursor, limit, ...filters } = query;
  const page = await listPublicUseCases(tx, filters, { cursor, limit });
  return openUseCaseList.parse({
    total: page.total,
    nextCursor: page.nextCursor,
    links: { next: page.nextCursor ? nextPageUrl(links, search, page.nextCursor) : null },
    facets: page.facets,
    data: page.items.map((item) => ({
      id: item.useCaseId,
      version: item.version,
      title: item.title,
      publicSummary: item.publicSummary,
      organisation: item.organisation,
      sector: item.sector,
      lifecycleStage: item.lifecycleStage,
      riskClass: item.riskClass,
      techniques: item.techniques,
      generativeAi: item.generativeAi,
      processesPersonalData: item.processesPersonalData,
      firstPublishedAt: iso(item.firstPublishedAt),
      publishedAt: iso(item.publishedAt),
      links: { self: linksTo.useCase(links, item.useCaseId), page: linksTo.page(links, item.useCaseId) },
    })),
  });
}

export type OpenUseCaseResult =
  | { status: "PUBLISHED"; body: z.output<typeof openUseCaseDetail> }
  | { status: "RETRACTED"; body: z.output<typeof openRetractedUseCase> }
  | { status: "NOT_FOUND" };

export async function getOpenUseCase(tx: Transaction, useCaseId: string, links: Links): Promise<OpenUseCaseResult> {
  const view = await getPublicUseCase(tx, useCaseId);
  if (!view) return { status: "NOT_FOUND" };
  if (view.status === "RETRACTED") {
    return {
      status: "RETRACTED",
      body: openRetractedUseCase.parse({
        id: view.useCaseId,
        status: "RETRACTED",
        title: view.title,
        organisation: { slug: view.organisationSlug, name: view.organisationName },
        version: view.version,
        publishedAt: iso(view.publishedAt),
        retractedAt: iso(view.retractedAt),
        retractionReason: view.retractionReason,
      }),
    };
  }
  const id = view.useCaseId;
  return {
    status: "PUBLISHED",
    body: openUseCaseDetail.parse({
      id,
      status: "PUBLISHED",
      version: view.version,
      firstPublishedAt: iso(view.firstPublishedAt),
      publishedAt: iso(view.publishedAt),
      completeness: view.completeness,
      useCase: view.snapshot,
      versions: view.versions.map((entry) => ({
        version: entry.version,
        publishedAt: iso(entry.publishedAt),
        supersededAt: entry.supersededAt ? iso(entry.supersededAt) : null,
        links: { self: linksTo.version(links, id, entry.version) },
      })),
      reports: view.reports,
      links: {
        self: linksTo.useCase(links, id),
        page: linksTo.page(links, id),
        ukAtrs: linksTo.format(links, id, "uk-atrs"),
        nlAlgoritmeregister: linksTo.format(links, id, "nl-algoritmeregister"),
        usInventory: linksTo.format(links, id, "us-inventory"),
      },
    }),
  };
}

export async function getOpenUseCaseVersion(
  tx: Transaction,
  useCaseId: string,
  version: number,
): Promise<z.output<typeof openUseCaseVersion> | null> {
  const row = await getPublicUseCaseVersion(tx, useCaseId, version);
  if (!row) return null;
  return openUseCaseVersion.parse({
    id: useCaseId,
    version: row.version,
    publishedAt: iso(row.publishedAt),
    supersededAt: row.supersededAt ? iso(row.supersededAt) : null,
    useCase: row.snapshot,
  });
}

/** The current published version of a use case in another register's shape; null unless published now. */
export async function getOpenUseCaseAs(tx: Transaction, useCaseId: string, format: TargetFormatId, links: Links): Promise<unknown> {
  const view = await getPublicUseCase(tx, useCaseId);
  if (!view || view.status !== "PUBLISHED") return null;
  return mapSnapshot(format, view.snapshot, {
    version: view.version,
    publishedAt: view.publishedAt,
    firstPublishedAt: view.firstPublishedAt,
    pageUrl: linksTo.page(links, useCaseId),
    apiUrl: linksTo.useCase(links, useCaseId),
  });
}
