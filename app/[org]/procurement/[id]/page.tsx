import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { DecisionPageView } from "@/components/procurement/decision-page-view";
import { loadOrNavigate } from "@/components/trpc/server";
import { asLocale } from "@/components/use-cases/fields";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { procurementRouteLabels } from "@/server/domain/procurement/labels";

type Props = { params: Promise<{ org: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const returnTo = `/${org}/procurement/${id}`;
  await loadWorkspace(org, returnTo);
  const caller = await api();
  const decision = await loadOrNavigate(() => caller.procurement.get({ organisationSlug: org, id }), returnTo);
  const locale = asLocale(await getLocale());
  const t = await getTranslations("Procurement.page");
  return { title: t("metaTitle", { route: procurementRouteLabels[decision.route][locale], reference: decision.useCase.reference }) };
}

export default async function ProcurementDecisionPage({ params }: Props) {
  const { org, id } = await params;
  const returnTo = `/${org}/procurement/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const decision = await loadOrNavigate(() => caller.procurement.get({ organisationSlug: org, id }), returnTo);
  const locale = asLocale(await getLocale());
  const planned = decision.status === "PLANNED";
  const mayUpdate = can(workspace, "procurement.update");
  const canEdit = planned && mayUpdate && !decision.useCase.archived;
  // The supplier's products for the edit form (the catalogue's own search, by the supplier's name).
  const supplierProducts =
    canEdit && decision.supplier
      ? ((await caller.suppliers.search({ organisationSlug: org, q: decision.supplier.name })).items.find((item) => item.id === decision.supplier?.id)?.products ?? [])
      : [];
  const allowed = {
    approve: planned && mayUpdate,
    reject: planned && mayUpdate,
    cancel: (planned || decision.status === "APPROVED") && mayUpdate,
    acceptRisk: planned && decision.blocking.length > 0 && decision.riskAcceptance === null && can(workspace, "procurement.acceptRisk"),
    delete: planned && mayUpdate,
  };
  return (
    <DecisionPageView organisationSlug={org} decision={decision} locale={locale} allowed={allowed} canEdit={canEdit} supplierProducts={supplierProducts} />
  );
}
