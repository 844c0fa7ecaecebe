import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { ExportLinks } from "@/components/use-cases/export-links";
import { parseRegisterQuery, registerHref, type SearchParams } from "@/components/use-cases/register-list/query";
import { RegisterList } from "@/components/use-cases/register-list/register-list";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";

type Props = { params: Promise<{ org: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org } = await params;
  const workspace = await loadWorkspace(org, `/${org}/register`);
  const t = await getTranslations("UseCases.register");
  return { title: `${t("heading")}: ${workspace.name}` };
}

export default async function RegisterPage({ params, searchParams }: Props) {
  const { org } = await params;
  const query = parseRegisterQuery(await searchParams);
  const returnTo = registerHref(org, query.filters, query.cursor);
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const page = await loadOrNavigate(
    () => caller.useCases.list({ organisationSlug: org, filters: query.filters, cursor: query.cursor, limit: 25 }),
    returnTo,
  );
  return (
    <RegisterList
      organisationSlug={org}
      organisationName={workspace.name}
      query={query}
      page={page}
      canCreate={can(workspace, "useCase.create")}
      canImport={can(workspace, "useCase.import")}
      exportLinks={page.total > 0 ? <ExportLinks organisationSlug={org} filters={query.filters} total={page.total} /> : null}
    />
  );
}
