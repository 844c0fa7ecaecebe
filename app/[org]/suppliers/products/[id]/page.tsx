import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EditProduct } from "@/components/suppliers/supplier-actions";
import { SharedAssessmentResult } from "@/components/suppliers/shared-result";
import { loadOrNavigate } from "@/components/trpc/server";
import { Alert } from "@/components/ui/alert";
import { dateFormat } from "@/components/ui/format";
import { RowHeader, Table, Td, Th, Tr } from "@/components/ui/table";
import { asLocale } from "@/components/use-cases/fields";
import { can, loadWorkspace } from "@/components/workspace/load";
import { api } from "@/server/api/caller";
import { templateKindLabels } from "@/server/domain/assessments/labels";
import { checklistTemplate } from "@/server/domain/procurement/checklist";
import { decisionStatusLabels, procurementRouteLabels, requirementStatusLabels } from "@/server/domain/procurement/labels";
import { countryName } from "@/server/domain/suppliers/countries";

type Props = { params: Promise<{ org: string; id: string }> };

async function load(org: string, id: string) {
  const returnTo = `/${org}/suppliers/products/${id}`;
  const workspace = await loadWorkspace(org, returnTo);
  const caller = await api();
  const page = await loadOrNavigate(() => caller.suppliers.product({ organisationSlug: org, id }), returnTo);
  return { workspace, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { org, id } = await params;
  const { page } = await load(org, id);
  const t = await getTranslations("Suppliers.product");
  return { title: t("metaTitle", { name: page.product.name }) };
}

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

/**
 * A product: its facts, how many other organisations use it, and what they chose to share
 * (approved assessments, requirement checklists); then this organisation's own decisions.
 */
export default async function ProductPage({ params }: Props) {
  const { org, id } = await params;
  const { workspace, page } = await load(org, id);
  const t = await getTranslations("Suppliers.product");
  const locale = asLocale(await getLocale());
  const format = await getFormatter();
  const { product, supplier } = page;
  const missing = <span className="text-muted">{t("missing")}</span>;
  const mayEdit = product.editable && can(workspace, "supplier.update");

  return (
    <div className="flex flex-col gap-8">
      <div>
        <p>
          {t("supplier")}:{" "}
          <Link href={`/${org}/suppliers/${supplier.id}`} className="text-brand-700 underline">
            {supplier.name}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-bold text-brand-900">{product.name}</h1>
      </div>

      <section aria-labelledby="product-facts" className="flex flex-col gap-4">
        <h2 id="product-facts" className="text-xl font-semibold text-brand-900">
          {t("facts")}
        </h2>
        <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">{t("modelProvider")}</dt>
          <dd>{product.modelProvider ?? missing}</dd>
          <dt className="font-medium">{t("model")}</dt>
          <dd>{product.model ?? missing}</dd>
          <dt className="font-medium">{t("euDatabaseRegistrationNumber")}</dt>
          <dd>{product.euDatabaseRegistrationNumber ?? missing}</dd>
          <dt className="font-medium">{t("hostingLocations")}</dt>
          <dd>{product.hostingLocations.length > 0 ? product.hostingLocations.map((code) => countryName(code, locale)).join(", ") : missing}</dd>
          <dt className="font-medium">{t("certifications")}</dt>
          <dd>
            {product.certifications.length > 0 ? (
              <ul className="list-disc pl-5">
                {product.certifications.map((certification) => (
                  <li key={certification}>{certification}</li>
                ))}
              </ul>
            ) : (
              missing
            )}
          </dd>
        </dl>
        {mayEdit ? (
          <EditProduct
            organisationSlug={org}
            supplierId={supplier.id}
            label={t("edit")}
            product={{
              id: product.id,
              version: product.version,
              name: product.name,
              modelProvider: product.modelProvider,
              model: product.model,
              euDatabaseRegistrationNumber: product.euDatabaseRegistrationNumber,
              hostingLocations: product.hostingLocations,
              certifications: product.certifications,
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="shared-heading" className="flex flex-col gap-4">
        <h2 id="shared-heading" className="text-xl font-semibold text-brand-900">
          {t("sharedHeading")}
        </h2>
        <div>
          <p className="text-lg font-semibold">{t("usage", { count: page.usedByOtherOrganisations })}</p>
          <p className="text-sm text-muted">{t("usageHint")}</p>
        </div>
        <Alert tone="info" title={t("sharedNote")} />

        <h3 className="text-lg font-semibold text-brand-900">{t("assessmentsHeading")}</h3>
        {page.sharedAssessments.length === 0 ? (
          <p>{t("noAssessments")}</p>
        ) : (
          <Table caption={t("assessmentsCaption")}>
            <thead>
              <tr>
                <Th>{t("organisation")}</Th>
                <Th>{t("template")}</Th>
                <Th>{t("useCase")}</Th>
                <Th>{t("approvedOn")}</Th>
                <Th>{t("result")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.sharedAssessments.map((assessment) => (
                <Tr key={assessment.assessmentId}>
                  <RowHeader>{assessment.organisationName}</RowHeader>
                  <Td>{templateKindLabels[assessment.templateKind][locale]}</Td>
                  <Td>{assessment.useCaseTitle}</Td>
                  <Td>{assessment.approvedAt ? format.dateTime(assessment.approvedAt, dateFormat) : "–"}</Td>
                  <Td>
                    <SharedAssessmentResult result={assessment.approvedResult} locale={locale} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}

        <h3 className="text-lg font-semibold text-brand-900">{t("checklistsHeading")}</h3>
        {page.sharedChecklists.length === 0 ? (
          <p>{t("noChecklists")}</p>
        ) : (
          <ul className="flex flex-col gap-6">
            {page.sharedChecklists.map((checklist) => (
              <li key={checklist.decisionId} className="rounded border border-gray-300 p-4">
                <h4 className="font-semibold">
                  {t("checklistTitle", { organisation: checklist.organisationName, route: procurementRouteLabels[checklist.route as keyof typeof procurementRouteLabels][locale] })}
                </h4>
                <p className="mb-2 text-sm">
                  {t("checklistFacts", {
                    status: decisionStatusLabels[checklist.status as keyof typeof decisionStatusLabels][locale],
                    decidedOn: checklist.decidedOn ? format.dateTime(day(checklist.decidedOn), dateFormat) : t("noDecisionDate"),
                    version: checklist.checklistVersion,
                  })}
                </p>
                {checklist.items.length === 0 ? (
                  <p>{t("noItems")}</p>
                ) : (
                  <Table caption={t("itemsCaption", { organisation: checklist.organisationName })}>
                    <thead>
                      <tr>
                        <Th>{t("item")}</Th>
                        <Th>{t("itemStatus")}</Th>
                        <Th>{t("evidence")}</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {checklist.items.map((item) => (
                        <Tr key={item.itemKey}>
                          <RowHeader>
                            {checklistItemText(checklist.checklistVersion, item.itemKey, locale)}{" "}
                            <span className="font-normal text-muted">({item.required ? t("itemRequired") : t("itemOptional")})</span>
                          </RowHeader>
                          <Td>{requirementStatusLabels[item.status as keyof typeof requirementStatusLabels][locale]}</Td>
                          <Td className="whitespace-pre-line">{item.evidence ?? "–"}</Td>
                        </Tr>
                      ))}
                    </tbody>
                  </Table>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="own-heading" className="flex flex-col gap-4">
        <h2 id="own-heading" className="text-xl font-semibold text-brand-900">
          {t("ownHeading")}
        </h2>
        {page.ownDecisions.length === 0 ? (
          <p>{t("noOwn")}</p>
        ) : (
          <Table caption={t("ownCaption")}>
            <thead>
              <tr>
                <Th>{t("useCase")}</Th>
                <Th>{t("route")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("decidedOn")}</Th>
                <Th>{t("sharedWithOthers")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.ownDecisions.map((decision) => (
                <Tr key={decision.id}>
                  <RowHeader>
                    <Link href={`/${org}/procurement/${decision.id}`} className="text-brand-700 underline">
                      {decision.useCase.reference}: {decision.useCase.title}
                    </Link>
                  </RowHeader>
                  <Td>{procurementRouteLabels[decision.route][locale]}</Td>
                  <Td>{decisionStatusLabels[decision.status][locale]}</Td>
                  <Td>{decision.decidedOn ? format.dateTime(day(decision.decidedOn), dateFormat) : "–"}</Td>
                  <Td>{decision.sharedWithOtherOrganisations ? t("yes") : t("no")}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>
    </div>
  );
}

/** The text of a shared checklist's item, from the template version the decision used (its key if unknown). */
function checklistItemText(version: number, itemKey: string, locale: "sv" | "en"): string {
  try {
    return checklistTemplate(version).items.find((item) => item.key === itemKey)?.text[locale] ?? itemKey;
  } catch {
    return itemKey;
  }
}
