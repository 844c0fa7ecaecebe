import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { loadOrNavigate } from "@/components/trpc/server";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { procurementRouteLabels } from "@/server/domain/procurement/labels";
import { dayDate, formatSek } from "./format";
import { NewDecisionPanel } from "./new-decision-panel";
import { DecisionStatusBadge } from "./status-badge";

/**
 * The use case's procurement tab: its decisions (route, supplier, value, status, how the
 * checklist stands) and, for EDITOR and ADMIN, "Nytt anskaffningsbeslut".
 */
export async function UseCaseProcurement({ organisationSlug, useCaseId, returnTo }: { organisationSlug: string; useCaseId: string; returnTo: string }) {
  const workspace = await loadWorkspace(organisationSlug, returnTo);
  const caller = await api();
  const [data, useCase] = await Promise.all([
    loadOrNavigate(() => caller.procurement.forUseCase({ organisationSlug, useCaseId }), returnTo),
    loadOrNavigate(() => caller.useCases.get({ organisationSlug, id: useCaseId }), returnTo),
  ]);
  const t = await getTranslations("Procurement");
  const format = await getFormatter();
  const locale = asLocale(await getLocale());
  const archived = useCase.archivedAt !== null;
  const mayCreate = can(workspace, "procurement.create");

  return (
    <section aria-labelledby="procurement-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="procurement-heading" className="text-xl font-semibold">
          {t("tab.heading")}
        </h2>
        <p className="mt-1 text-sm">{t("tab.intro")}</p>
      </div>
      {data.decisions.length === 0 ? (
        <p>{t("tab.none")}</p>
      ) : (
        <Table caption={t("tab.caption", { title: useCase.title })}>
          <thead>
            <tr>
              <Th>{t("tab.columns.route")}</Th>
              <Th>{t("tab.columns.supplier")}</Th>
              <Th className="text-right">{t("tab.columns.value")}</Th>
              <Th>{t("tab.columns.status")}</Th>
              <Th>{t("tab.columns.checklist")}</Th>
              <Th>{t("tab.columns.decidedOn")}</Th>
              <Th>{t("tab.columns.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {data.decisions.map((decision) => {
              const route = procurementRouteLabels[decision.route][locale];
              return (
                <Tr key={decision.id}>
                  <RowHeader>
                    {route}
                    {decision.frameworkAgreement ? <span className="block text-xs font-normal text-muted">{decision.frameworkAgreement.name}</span> : null}
                    {decision.registryNumber ? <span className="block text-xs font-normal text-muted">{decision.registryNumber}</span> : null}
                  </RowHeader>
                  <Td>
                    {decision.supplier ? decision.supplier.name : <span className="text-muted">{t("page.none")}</span>}
                    {decision.product ? <span className="block text-xs text-muted">{decision.product.name}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap text-right">
                    {decision.estimatedValueSek !== null ? t("page.sek", { value: formatSek(decision.estimatedValueSek) }) : <span className="text-muted">{t("page.none")}</span>}
                  </Td>
                  <Td>
                    <DecisionStatusBadge status={decision.status} locale={locale} />
                  </Td>
                  <Td>
                    {decision.blockingCount === 0 ? t("tab.allMet") : t("tab.blocking", { count: decision.blockingCount })}
                    {decision.riskAccepted ? <span className="block text-xs font-semibold">{t("tab.riskAccepted")}</span> : null}
                  </Td>
                  <Td className="whitespace-nowrap">
                    {decision.decidedOn ? format.dateTime(dayDate(decision.decidedOn), dateFormat) : <span className="text-muted">{t("page.none")}</span>}
                  </Td>
                  <Td>
                    <Link href={`/${organisationSlug}/procurement/${decision.id}`} className="text-brand-700 underline">
                      {t("tab.open")}
                      <span className="sr-only"> {t("tab.openContext", { route })}</span>
                    </Link>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {mayCreate && archived ? <p className="text-sm">{t("tab.archived")}</p> : null}
      {mayCreate && !archived ? <NewDecisionPanel organisationSlug={organisationSlug} useCaseId={useCaseId} organisationKind={data.organisationKind} /> : null}
    </section>
  );
}
