import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusBoard, type BoardFilters } from "@/components/assessments/status-board/status-board";
import { loadOrNavigate } from "@/components/trpc/server";
import { loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { statusBoardInput } from "@/server/domain/assessments/schemas";

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> };

/** Reads the board's filters from the URL with the procedure's own schema; a malformed value is ignored. */
function parseBoardFilters(searchParams: SearchParams): BoardFilters {
  const first = (key: string) => {
    const value = searchParams[key];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text ? text : undefined;
  };
  const shape = statusBoardInput.shape;
  const businessArea = shape.businessArea.safeParse(first("businessArea"));
  const ownerId = shape.ownerId.safeParse(first("ownerId"));
  return {
    businessArea: businessArea.success ? businessArea.data : undefined,
    ownerId: ownerId.success ? ownerId.data : undefined,
  };
}

function boardHref(org: string, filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.businessArea) params.set("businessArea", filters.businessArea);
  if (filters.ownerId) params.set("ownerId", filters.ownerId);
  const search = params.toString();
  return `/${org}/status${search ? `?${search}` : ""}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/status`);
  const t = await getTranslations("StatusBoard");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function StatusPage({ params, searchParams }: Props) {
  const { org } = await params;
  const filters = parseBoardFilters(await searchParams);
  const returnTo = boardHref(org, filters);
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const [board, members, businessAreas] = await Promise.all([
    loadOrNavigate(() => caller.assessments.statusBoard({ organisationSlug: org, ...filters }), returnTo),
    loadOrNavigate(() => caller.members.list({ organisationSlug: org }), returnTo),
    loadOrNavigate(() => caller.useCases.businessAreas({ organisationSlug: org }), returnTo),
  ]);
  return (
    <StatusBoard
      organisationSlug={org}
      organisationName={workspace.name}
      board={board}
      filters={filters}
      members={members.map((member) => ({ id: member.userId, name: member.name }))}
      businessAreas={businessAreas}
    />
  );
}
